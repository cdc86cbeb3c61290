import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { applyReview } from '../../src/compiler/review.js';

const doc = (body: string) => parseDocumentText('d.md', `---\nid: d\n---\n${body}\n`);

describe('review', () => {
  const body =
    ':event[:place[Kyiv]{#kyiv review=pending confidence=0.9} was hit.]{#e type=strike summary=s place=kyiv claimant=x status=reported} Then :place[Lviv]{#lviv confidence=0.8}.';
  it('leaves out pending annotations and what rests on them, with one located warning', () => {
    const r = applyReview(doc(body), false);
    expect(r.annotations.map((a) => a.label)).toEqual(['Lviv']);
    expect(r.annotations[0].attributes).toEqual({ id: 'lviv' });
    expect(r.annotations[0].parent).toBeNull();
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 4, column: 8 });
    expect(warnings[0].message).toMatch(/^1 suggestion still review=pending/);
  });
  it("keeps them, without the suggester's attributes, when pending ones are included", () => {
    const r = applyReview(doc(body), true);
    expect(r.annotations.map((a) => a.label)).toEqual(['Kyiv was hit.', 'Kyiv', 'Lviv']);
    expect(r.annotations[1].attributes).toEqual({ id: 'kyiv' });
    expect(r.annotations[1].parent).toBe(0);
  });
  it('marks, when included, each pending annotation and each that rests on one, and nothing else', () => {
    const r = applyReview(doc(body), true);
    expect(r.annotations.map((a) => a.pending ?? false)).toEqual([true, true, false]);
  });
  it('marks nothing in a document with no pending suggestion', () => {
    expect(applyReview(doc(':place[Lviv]{#lviv confidence=0.8}'), true).annotations.map((a) => a.pending)).toEqual([
      undefined,
    ]);
  });
  it('refuses any other review value', () => {
    const r = applyReview(doc(':place[Kyiv]{#kyiv review=done}'), false);
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.message.includes('review=pending'))).toBe(true);
  });
});

describe('confidence', () => {
  it('is a number from 0 to 1; anything else is an error at it', () => {
    const r = applyReview(doc(':place[Kyiv]{#kyiv confidence=7} and :place[Lviv]{#lviv confidence=0.90}'), false);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'd.md',
        line: 4,
        column: 20,
        message: 'confidence="7" on :place[Kyiv] must be a number from 0 to 1 (e.g. confidence=0.8)',
      },
    ]);
  });
});
