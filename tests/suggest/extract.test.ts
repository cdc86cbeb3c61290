import { describe, expect, it } from 'vitest';
import { extract, parseByline } from '../../src/suggest/extract.js';

describe('extract: bylines', () => {
  it('keeps the names of a byline as the author and reads its date', () => {
    expect(parseByline('By Maria Lopez, March 3, 2024')).toEqual({ author: 'Maria Lopez', date: '2024-03-03' });
    expect(parseByline('By Maria Lopez and Ken Ito | 3 March 2024')).toEqual({
      author: 'Maria Lopez and Ken Ito',
      date: '2024-03-03',
    });
    expect(parseByline('*By Ana de la Cruz* — Sept. 9, 2023, 10:15 AM')).toEqual({
      author: 'Ana de la Cruz',
      date: '2023-09-09',
    });
    expect(parseByline('By Ken Ito')).toEqual({ author: 'Ken Ito', date: null });
    expect(parseByline('By Ken Ito, Staff Writer')).toEqual({ author: 'Ken Ito', date: null });
  });

  it('reads no byline in a sentence that opens with "By", nor a date that is none', () => {
    expect(parseByline('By Tuesday, the rebels had reached the outskirts of Goma.')).toBeNull();
    expect(parseByline('By March 2024 the dam was finished')).toBeNull();
    expect(parseByline('Troops crossed the river on Monday.')).toBeNull();
    expect(parseByline('By Ken Ito, February 30, 2024')?.date).toBeNull();
  });

  it('gives a plain-text article its byline as author and publication date, the text unchanged', () => {
    const text =
      'Floods cut the road to Kasese\nBy Ruth Achieng, 14 May 2024\nHeavy rain on Monday washed away a bridge.\n';
    const x = extract(text, 'text');
    expect(x.text).toBe(text);
    expect(x.author).toBe('Ruth Achieng');
    expect(x.published).toBe('2024-05-14');
    expect(extract('Heavy rain on Monday washed away a bridge.\n', 'text').author).toBeNull();
  });

  it('cleans an HTML byline to the names and dates the article by it when the page has no date meta', () => {
    const html = `<!doctype html><html><head><title>Bridge lost</title></head><body><article><h1>Bridge lost</h1>
<p class="byline">By Ruth Achieng, May 14, 2024</p>
<p>Heavy rain on Monday washed away a bridge near Kasese, cutting the only road to the border town, officials said.</p>
<p>Engineers said a temporary crossing would take two weeks to build, and that traffic would go through Fort Portal meanwhile.</p>
</article></body></html>`;
    const x = extract(html, 'html');
    expect(x.author).toBe('Ruth Achieng');
    expect(x.published).toBe('2024-05-14');
  });
});
