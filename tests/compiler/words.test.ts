/** renderedWords: an annotation's words as the article shows them, its Markdown markup left out. */
import { describe, expect, it } from 'vitest';
import { renderedWords } from '../../src/compiler/words.js';

describe('renderedWords', () => {
  it('reads emphasis, links, HTML tags and footnote marks as the words they wrap', () => {
    expect(renderedWords('*Kyiv*')).toBe('Kyiv');
    expect(renderedWords('**Kyiv**')).toBe('Kyiv');
    expect(renderedWords('___Kyiv___')).toBe('Kyiv');
    expect(renderedWords('*the* Kursk region')).toBe('the Kursk region');
    expect(renderedWords('[Kharkiv](https://example.org/a_(b))')).toBe('Kharkiv');
    expect(renderedWords('[Kharkiv][1]')).toBe('Kharkiv');
    expect(renderedWords('**[Kyiv](https://example.org)**')).toBe('Kyiv');
    expect(renderedWords('<a href="https://example.org">Odesa</a>')).toBe('Odesa');
    expect(renderedWords('Kyiv[^1]')).toBe('Kyiv');
    expect(renderedWords('_up to 500 km_')).toBe('up to 500 km');
  });

  it('keeps what is no markup: underscores and asterisks inside words, a bare "<", lone brackets', () => {
    for (const words of ['Al_Hudaydah', 'snake_case_word', '2 * 3 * 4', '< 300 km', '[', '*', 'Kyiv', 'Dnipro (city)'])
      expect(renderedWords(words)).toBe(words);
  });
});
