/**
 * figures: the counts a sentence states, in the build's form ("47 drones; 13 missiles; 3 killed"). Pure.
 *
 * A count is a number in figures ("47", "1,200") or in words, up to the thousands ("two", "twenty-five",
 * "a dozen", "three hundred and twelve", "two thousand"), with what it counts. Only exact counts are
 * figures: "dozens", "hundreds", "scores of", "several", "a couple" are vague and give none, and
 * neither does a year ("since 2014 drones …") or a distance ("300 km"). A qualified count ("at least
 * 10", "more than 50") keeps its number: the hand annotations write it so. People killed, wounded or
 * injured are counted by the verb, as the annotations write them: "killing at least 10 people" and
 * "Two workers were injured" give "10 killed" and "2 injured".
 *
 * Number words are read here rather than by the tagger's number parser: the tagger is asked only where
 * a place rule needs it, and a sentence's counts would cost a tagging pass of their own.
 */

/** Number words up to nineteen and the tens (dates.ts reads its day counts from it too). */
export const UNITS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SMALL = Object.keys(UNITS).join('|');
/** One number-word token; "hundred", "thousand" and "dozen" only in the singular (their plurals are vague). */
const TOKEN = String.raw`(?:${SMALL}|hundred|thousand|dozen)(?!\p{L})`;
/** A number in words: "a dozen", "half a dozen", "twenty-five", "three hundred and twelve", "a thousand". */
const WORDS = String.raw`(?:half\s+a\s+dozen|an?\s+(?:dozen|hundred|thousand)(?:(?:[\s-]+|\s+and\s+)${TOKEN})*|${TOKEN}(?:(?:[\s-]+|\s+and\s+)${TOKEN})*)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/** A number in figures or words; "no one", "one of", "each one" are no number (the lookbehind and what must follow see to it). */
const NUMBER = String.raw`(?<![\d,.\-–/\p{L}])(?<!\bno\s)(${DIGITS}|${WORDS})`;

/** The value of a number in figures or words; null when it is not one. */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^half\s+a\s+dozen$/.test(t)) return 6;
  const tokens = t.split(/[\s-]+/).filter((w) => w !== 'and');
  if (tokens.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const [i, w] of tokens.entries()) {
    if ((w === 'a' || w === 'an') && i === 0) current = 1;
    else if (w in UNITS) current += UNITS[w];
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  const v = total + current;
  return v > 0 ? v : null;
}

/** What a figure in news counts: weapons, people, casualties, things hit. */
const COUNTED = String.raw`drones?|missiles?|rockets?|shells?|bombs?|munitions|people|persons?|civilians?|soldiers?|troops|servicemen|fighters?|militants?|children|child|women|woman|men|man|workers?|crew(?:\s+members)?|sailors?|passengers?|prisoners?|hostages?|aircraft|planes?|jets?|helicopters?|tanks?|vehicles?|ships?|vessels?|boats?|targets?|sites?|locations?|buildings?|homes?|houses?|killed|dead|wounded|injured|deaths|casualties|strikes?|attacks?|launchers?|interceptors?`;
/** Up to three words between a number and what it counts ("ballistic", "Kh-101 cruise"), never a unit of distance or a connector. */
const BETWEEN = String.raw`(?:\s+(?!(?:km|kilomet\w*|miles?|metres?|meters?|nautical|per|percent|a\.m\.|p\.m\.|and|or|to|of|in|on|at|from|were|was|had|have|been)\b)[\p{L}\p{M}\d-]+){0,3}?`;
const QUALIFIER = String.raw`(?:(?:at\s+least|more\s+than|fewer\s+than|less\s+than|about|around|some|nearly|almost|over|up\s+to|roughly|approximately|an\s+estimated)\s+)?`;
const HARM: Readonly<Record<string, string>> = { kill: 'killed', wound: 'wounded', injur: 'injured' };
/** "killing at least 10 people", "wounded 30": the verb before the count says what it counts. */
const HARM_BEFORE = new RegExp(
  String.raw`\b(kill|wound|injur)(?:ing|ed|es|s)?\s+${QUALIFIER}${NUMBER}(?!\s*(?:km|kilomet|miles?\b|metres?\b|meters?\b|%|per\s*cent|percent))(?:${BETWEEN}\s+(?:${COUNTED}))?(?![\p{L}\d])`,
  'giu',
);
/** "Two firefighters were injured", "12 people killed": the verb after the count (whoever they were). */
const HARM_AFTER = new RegExp(
  String.raw`${NUMBER}${BETWEEN}\s+(?:(?:were|was|have\s+been|had\s+been|are|been)\s+)?(kill|wound|injur)(?:ed)\b`,
  'giu',
);
/** People counted by what befell them, whoever they were ("one serviceman was missing" → "1 missing"). */
const PERSONS = String.raw`people|persons?|civilians?|soldiers?|troops|servicem[ae]n|fighters?|militants?|officers?|children|child|women|woman|men|man|workers?|crew(?:\s+members)?|sailors?|passengers?|prisoners?|hostages?|residents?|others?`;
/**
 * What became of those counted, told after the count: "five missiles were shot down" → "5 missiles shot
 * down", "seven of them were intercepted" → "7 intercepted", "one serviceman was missing" → "1 missing".
 * Weapons and things keep what they are; people, like the killed and wounded, are counted by what befell them.
 */
const OUTCOME_AFTER = new RegExp(
  String.raw`${NUMBER}(?:\s+of\s+them|(${BETWEEN}\s+(?:${COUNTED}|${PERSONS})))?\s+(?:were|was|have\s+been|had\s+been|are|is|went)\s+(?:(?:also|later|all|still|reported)\s+)?(shot\s+down|intercepted|downed|destroyed|missing|captured|taken\s+prisoner)\b`,
  'giu',
);
const COUNT = new RegExp(String.raw`${NUMBER}(${BETWEEN}\s+(?:${COUNTED}))(?![\p{L}\d])`, 'giu');
const YEAR_BEFORE = /\b(?:since|in|by|until|from|during|of|early|late|mid|before|after)\s+$/i;

const format = (v: number) => v.toLocaleString('en-US');

/**
 * The figures a sentence states, in the build's form ("47 drones; 13 missiles"): each number with what
 * it counts, in text order. Null when it states none.
 */
export function figuresOf(sentence: string): string | null {
  const found: Array<{ at: number; end: number; figure: string }> = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.end && b > f.at);
  const isYear = (n: string, at: number) => /^(?:19|20)\d\d$/.test(n) && YEAR_BEFORE.test(sentence.slice(0, at));
  for (const m of sentence.matchAll(HARM_BEFORE)) {
    const at = m.index + m[0].indexOf(m[2], m[1].length);
    const v = numberValue(m[2]);
    if (v === null || isYear(m[2], at)) continue;
    found.push({ at, end: m.index + m[0].length, figure: `${format(v)} ${HARM[m[1].toLowerCase()]}` });
  }
  for (const m of sentence.matchAll(HARM_AFTER)) {
    const v = numberValue(m[1]);
    if (v === null || isYear(m[1], m.index) || taken(m.index, m.index + m[0].length)) continue;
    found.push({ at: m.index, end: m.index + m[0].length, figure: `${format(v)} ${HARM[m[2].toLowerCase()]}` });
  }
  for (const m of sentence.matchAll(OUTCOME_AFTER)) {
    const v = numberValue(m[1]);
    if (v === null || isYear(m[1], m.index) || taken(m.index, m.index + m[0].length)) continue;
    const what = m[2]?.replace(/\s+/g, ' ') ?? '';
    const person = new RegExp(String.raw`\s(?:${PERSONS})$`, 'iu').test(what);
    const n = /^\d/.test(m[1]) ? m[1] : format(v);
    found.push({
      at: m.index,
      end: m.index + m[0].length,
      figure: `${n}${person ? '' : what} ${m[3].toLowerCase().replace(/\s+/g, ' ')}`,
    });
  }
  for (const m of sentence.matchAll(COUNT)) {
    const v = numberValue(m[1]);
    if (v === null || isYear(m[1], m.index) || taken(m.index, m.index + m[0].length)) continue;
    // A number in figures is written as the text writes it ("1,200"); one in words, in figures.
    const n = /^\d/.test(m[1]) ? m[1] : format(v);
    found.push({ at: m.index, end: m.index + m[0].length, figure: `${n}${m[2].replace(/\s+/g, ' ')}` });
  }
  const out: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at))
    if (!out.includes(f.figure) && !f.figure.includes(';')) out.push(f.figure);
  return out.length > 0 ? out.join('; ') : null;
}
