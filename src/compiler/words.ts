/**
 * words: an annotation's words as a reader of the published article sees them. The text keeps its
 * Markdown byte for byte; a lookup, a range's figure and a weapon's name read the words without the
 * markup around them: `*Kyiv*`, `**Kyiv**`, `[Kharkiv](https://…)` (a CMS export links place names),
 * `<b>Kyiv</b>`, a footnote mark `[^1]`. Read with the markup, each was an "unknown place" (or "not a
 * range") although the words were a name the gazetteer has.
 */

/** Emphasis delimiters around words (`*Kyiv*`, `__Kyiv__`, `***Kyiv***`), not inside them (`Al_Hudaydah`). */
const EMPHASIS = /(^|[^\p{L}\p{N}*_])(\*{1,3}|_{1,3})(?=\S)([\s\S]*?\S)\2(?![\p{L}\p{N}*_])/gu;

export function renderedWords(label: string): string {
  if (!/[*_<[]/.test(label)) return label;
  let s = label
    // [^1] footnote marks, then [words](address) / ![words](address) / [words][ref] links: their words.
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/!?\[([^\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/g, '$1')
    // Inline HTML tags (<b>, </a>, <br/>), never a bare "<" of the text ("< 300 km").
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(EMPHASIS, '$1$3');
  }
  return s.trim() === '' ? label : s;
}
