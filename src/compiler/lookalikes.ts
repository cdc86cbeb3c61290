/**
 * lookalikes: naming the characters of an id that are not ASCII, so "kyіv" is reported as holding
 * U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, which looks like "i". The table holds the
 * look-alikes annotators meet in practice (Cyrillic and Greek letters, dashes, invisible spaces), from
 * Unicode's confusables (UTS #39); any other character is named by its code point and script. Pure.
 */

/** Character → [Unicode name, the ASCII it looks like]. */
const LOOKALIKES: Readonly<Record<string, readonly [string, string]>> = {
  а: ['CYRILLIC SMALL LETTER A', 'a'],
  в: ['CYRILLIC SMALL LETTER VE', 'B'],
  е: ['CYRILLIC SMALL LETTER IE', 'e'],
  о: ['CYRILLIC SMALL LETTER O', 'o'],
  р: ['CYRILLIC SMALL LETTER ER', 'p'],
  с: ['CYRILLIC SMALL LETTER ES', 'c'],
  у: ['CYRILLIC SMALL LETTER U', 'y'],
  х: ['CYRILLIC SMALL LETTER HA', 'x'],
  і: ['CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
  ї: ['CYRILLIC SMALL LETTER YI', 'i'],
  ј: ['CYRILLIC SMALL LETTER JE', 'j'],
  ѕ: ['CYRILLIC SMALL LETTER DZE', 's'],
  ԁ: ['CYRILLIC SMALL LETTER KOMI DE', 'd'],
  һ: ['CYRILLIC SMALL LETTER SHHA', 'h'],
  ԛ: ['CYRILLIC SMALL LETTER QA', 'q'],
  ԝ: ['CYRILLIC SMALL LETTER WE', 'w'],
  ӏ: ['CYRILLIC SMALL LETTER PALOCHKA', 'l'],
  к: ['CYRILLIC SMALL LETTER KA', 'k'],
  м: ['CYRILLIC SMALL LETTER EM', 'm'],
  н: ['CYRILLIC SMALL LETTER EN', 'H'],
  т: ['CYRILLIC SMALL LETTER TE', 'T'],
  А: ['CYRILLIC CAPITAL LETTER A', 'A'],
  В: ['CYRILLIC CAPITAL LETTER VE', 'B'],
  Е: ['CYRILLIC CAPITAL LETTER IE', 'E'],
  К: ['CYRILLIC CAPITAL LETTER KA', 'K'],
  М: ['CYRILLIC CAPITAL LETTER EM', 'M'],
  Н: ['CYRILLIC CAPITAL LETTER EN', 'H'],
  О: ['CYRILLIC CAPITAL LETTER O', 'O'],
  Р: ['CYRILLIC CAPITAL LETTER ER', 'P'],
  С: ['CYRILLIC CAPITAL LETTER ES', 'C'],
  Т: ['CYRILLIC CAPITAL LETTER TE', 'T'],
  У: ['CYRILLIC CAPITAL LETTER U', 'Y'],
  Х: ['CYRILLIC CAPITAL LETTER HA', 'X'],
  І: ['CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
  Ј: ['CYRILLIC CAPITAL LETTER JE', 'J'],
  Ѕ: ['CYRILLIC CAPITAL LETTER DZE', 'S'],
  α: ['GREEK SMALL LETTER ALPHA', 'a'],
  ι: ['GREEK SMALL LETTER IOTA', 'i'],
  κ: ['GREEK SMALL LETTER KAPPA', 'k'],
  ν: ['GREEK SMALL LETTER NU', 'v'],
  ο: ['GREEK SMALL LETTER OMICRON', 'o'],
  ρ: ['GREEK SMALL LETTER RHO', 'p'],
  υ: ['GREEK SMALL LETTER UPSILON', 'u'],
  Α: ['GREEK CAPITAL LETTER ALPHA', 'A'],
  Β: ['GREEK CAPITAL LETTER BETA', 'B'],
  Ε: ['GREEK CAPITAL LETTER EPSILON', 'E'],
  Ζ: ['GREEK CAPITAL LETTER ZETA', 'Z'],
  Η: ['GREEK CAPITAL LETTER ETA', 'H'],
  Ι: ['GREEK CAPITAL LETTER IOTA', 'I'],
  Κ: ['GREEK CAPITAL LETTER KAPPA', 'K'],
  Μ: ['GREEK CAPITAL LETTER MU', 'M'],
  Ν: ['GREEK CAPITAL LETTER NU', 'N'],
  Ο: ['GREEK CAPITAL LETTER OMICRON', 'O'],
  Ρ: ['GREEK CAPITAL LETTER RHO', 'P'],
  Τ: ['GREEK CAPITAL LETTER TAU', 'T'],
  Υ: ['GREEK CAPITAL LETTER UPSILON', 'Y'],
  Χ: ['GREEK CAPITAL LETTER CHI', 'X'],
  ı: ['LATIN SMALL LETTER DOTLESS I', 'i'],
  ℓ: ['SCRIPT SMALL L', 'l'],
  '\u2010': ['HYPHEN', '-'],
  '\u2011': ['NON-BREAKING HYPHEN', '-'],
  '\u2012': ['FIGURE DASH', '-'],
  '\u2013': ['EN DASH', '-'],
  '\u2014': ['EM DASH', '-'],
  '\u2212': ['MINUS SIGN', '-'],
  '\u00AD': ['SOFT HYPHEN', ''],
  '\u00A0': ['NO-BREAK SPACE', ' '],
  '\u200B': ['ZERO WIDTH SPACE', ''],
  '\u200C': ['ZERO WIDTH NON-JOINER', ''],
  '\u200D': ['ZERO WIDTH JOINER', ''],
  '\u2060': ['WORD JOINER', ''],
  '\uFEFF': ['ZERO WIDTH NO-BREAK SPACE', ''],
  '\u2024': ['ONE DOT LEADER', '.'],
  '\uA789': ['MODIFIER LETTER COLON', ':'],
  '\u2236': ['RATIO', ':'],
  '\u02D0': ['MODIFIER LETTER TRIANGULAR COLON', ':'],
  '\uFE13': ['PRESENTATION FORM FOR VERTICAL COLON', ':'],
  '\uFE55': ['SMALL COLON', ':'],
  '\u0589': ['ARMENIAN FULL STOP', ':'],
  '\u05C3': ['HEBREW PUNCTUATION SOF PASUQ', ':'],
  '\u2E2C': ['SQUARED FOUR DOT PUNCTUATION', ':'],
};

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Thai',
  'Devanagari',
  'Georgian',
] as const;

/** Characters that look like a colon ("：event[", "꞉place["): an annotation's colon typed as one of them is lost. */
export const COLON_LOOKALIKES = '\uFF1A\uA789\u2236\u02D0\uFE13\uFE55\u0589\u05C3';

/** "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like "i")", or the code point and what it is. */
export function describeCharacter(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const known = LOOKALIKES[char];
  if (known) return `${code} ${known[0]} (${known[1] === '' ? 'invisible' : `looks like "${known[1]}"`})`;
  const cp = char.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e)
    return `${code} FULLWIDTH "${String.fromCodePoint(cp - 0xfee0)}" (looks like "${String.fromCodePoint(cp - 0xfee0)}")`;
  if (/\s/u.test(char)) return `${code} (a space)`;
  if (/\p{Cf}|\p{Cc}/u.test(char)) return `${code} (an invisible control character)`;
  const script = SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(char));
  return `${code} "${char}"${script ? ` (${/^[AEIOU]/.test(script) ? 'an' : 'a'} ${script} character)` : ''}`;
}

/** The characters of `value` outside `allowed`, each described once, in order; empty when there are none. */
export function describeStrangers(value: string, allowed: RegExp): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  [...value].forEach((char, index) => {
    if (allowed.test(char) || seen.has(char)) return;
    seen.add(char);
    out.push(`${describeCharacter(char)} at character ${index + 1}`);
  });
  return out;
}

/** True when a value holds something, but only spaces and invisible (format) characters: "\u200B", "\u2060 ". */
export const invisibleOnly = (value: string): boolean => value.trim() !== '' && /^[\s\p{Cf}]+$/u.test(value);

/** The distinct characters of a value other than spaces, each by its Unicode name: "U+200B ZERO WIDTH SPACE (invisible)". */
export const describeInvisibles = (value: string): string =>
  [...new Set([...value].filter((c) => c.trim() !== ''))].map(describeCharacter).join(', ');
