import { describe, expect, it } from 'vitest';
import { highlightSegments, safeHref } from '../../src/map/popup';

describe('highlightSegments', () => {
  const text = 'Russia struck Dnipro with Oreshnik.';
  const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

  it('marks exactly the [start, end) spans and keeps every character', () => {
    const segs = highlightSegments(text, [
      [14, 20],
      [26, 34],
    ]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Dnipro', 'Oreshnik']);
    expect(join(segs)).toBe(text);
  });

  it('sorts, merges overlaps and clamps out-of-range offsets', () => {
    const segs = highlightSegments(text, [
      [26, 34],
      [14, 18],
      [16, 20],
      [30, 999],
      [-5, 0],
    ]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Dnipro', 'Oreshnik.']);
    expect(join(segs)).toBe(text);
  });

  it('returns the plain text when there is nothing to mark', () => {
    expect(highlightSegments(text, [])).toEqual([{ text, mark: false }]);
    expect(highlightSegments('', [])).toEqual([{ text: '', mark: false }]);
  });
});

describe('safeHref', () => {
  it('keeps http and https links', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org/')).toBe('http://example.org/');
  });

  it('drops other schemes, relative and malformed links', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://x',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});
