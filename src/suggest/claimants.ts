/**
 * claimants: who a sentence says is the source of what it reports, from attribution phrases:
 * "according to X", "X said/confirmed/reported/claimed/announced", "…, X said." Falls back to
 * "the article (unattributed)". Pure.
 */
export const UNATTRIBUTED = 'the article (unattributed)';

const VERBS =
  'said|says|confirmed|confirms|reported|reports|claimed|claims|announced|announces|stated|states|told|warned|warns|added|alleged|noted|wrote|estimated|estimates|acknowledged|acknowledges|admitted|admits|denied|denies|suggested|suggests|insisted|insists|accused|accuses';
const NAME = String.raw`(?:the\s+)?(?:[\p{Lu}][\p{L}\p{M}.'’-]*|of|the|and|for|on|'s|’s|\s)+?`;
const ACCORDING = /\baccording to\s+((?:the\s+|a\s+)?[^,.;]{2,80}?)(?=[,.;]|\s+(?:on|in|which|who)\b|$)/iu;
const HEADS =
  'officials|official|ministry|military|army|forces|intelligence|spokesperson|spokesman|spokeswoman|governors?|authorities|president|residents|witnesses|police|rescuers|medics|agency|command|service|office|government|media|statement|sources|ombudsman|minister|commander|mayor|chief|head|group|rebels|militants|insurgents|separatists|force|navy|staff|guards?|council|services|authority|centre|center|commission|committee|executive|director|operator|company|prosecutors?|watchdog';
/** "X said" (or "X has/have said"): a possessive and a head noun ("Ukraine's air force"), a determiner, up to four words and a head noun ("the Lebanese health ministry", "a senior U.S. defence official"), up to three capitalised words, up to two lower-case ones and a head noun ("Israeli emergency services"), or a run of capitalised words, joined by "of", "for", "on" or "and" too ("Russia's Defence Ministry", "The Houthis", "the Ministry of Defence", "the Institute for the Study of War"). */
const BEFORE_VERB = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’.-])((?:[\p{Lu}][\p{L}\p{M}.-]*(?:\s+[\p{Lu}][\p{L}\p{M}.-]*){0,2}['’]s\s+(?:[\p{L}\p{M}.'’-]+\s+){0,4}?(?:${HEADS})|(?:the|The|a|A|an|An|its|Its|their|Their)\s+(?:(?!(?:the|a|an)\s)[\p{L}\p{M}.'’-]+\s+){0,5}?(?:${HEADS})|(?:the\s+|The\s+)?[\p{Lu}][\p{L}\p{M}.'’-]*(?:[\s\u00a0]+[\p{Lu}][\p{L}\p{M}.'’-]*){0,2}[\s\u00a0]+(?:[\p{Ll}][\p{L}\p{M}-]*[\s\u00a0]+){0,2}?(?:${HEADS})|(?:the\s+|The\s+)?(?:[\p{Lu}][\p{L}\p{M}.'’-]*[\s\u00a0]+(?:(?:of|for|on|and)[\s\u00a0]+(?:the[\s\u00a0]+)?(?=\p{Lu}))?)*(?:[\p{Lu}][\p{L}\p{M}.'’-]*|${HEADS})))[\s\u00a0]+(?:(?:has|have|had)[\s\u00a0]+)?(?:${VERBS})\b`,
  'u',
);
/** A head noun alone ("officials"). */
const HEAD_ONLY = new RegExp(String.raw`^(?:${HEADS})$`, 'u');
/** A people's adjective on its own ("Western", "Russian", "Iranian", "Chinese", "Israeli"). */
const DEMONYM = /^(?:the\s+|The\s+)?\p{Lu}\p{Ll}+(?:ern|ian|an|ese|ish|i|ic)$/u;
/**
 * A head noun placed by a phrase of place right before the verb ("Police in the Bronx, New York said",
 * "Officials in Kyiv said"): the claimant is the head, not the place the run of capitalised words ends with.
 */
const CAPITAL_HEADS = HEADS.split('|')
  .map((h) => h[0].toUpperCase() + h.slice(1))
  .join('|');
const PLACED_HEAD = new RegExp(
  String.raw`(?:^|\s)((?:(?:the|The|a|A)\s+)?(?:[\p{L}\p{M}.'’-]+\s+){0,3}?(?:${HEADS}|${CAPITAL_HEADS}))\s+(?:in|at|near|from)\s+(?:the\s+)?[\p{Lu}][\p{L}\p{M}.'’-]*(?:,?[\s\u00a0]+[\p{Lu}][\p{L}\p{M}.'’-]*)*$`,
  'u',
);
/** "the group's spokesman, Yahya Saree, said": the role and the name. */
const APPOSITIVE = new RegExp(
  String.raw`((?:the\s+|The\s+)?(?:[\p{L}\p{M}.'’-]+\s+){0,4}?(?:${HEADS})),\s+([\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'’-]*){0,3}),\s+(?:${VERBS})\b`,
  'u',
);
/**
 * A name, then its role between commas, then a verb of saying: "Yahya Saree, the Houthi military spokesman,
 * said …", at the sentence's start or after a comma ("…, Ivan Fedorov, the regional governor, said."). The
 * name is two to four capitalised words, none a preposition ("In Kharkiv, the governor said" is a place).
 */
const NAME_ROLE = new RegExp(
  String.raw`(?:^\s*|,\s+)((?!(?:In|On|At|By|From|Near|After|Before|During|Since|Across|Outside|Inside|Over|Under|Earlier|Later|Late|Early)\s)[\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'’-]*){1,3}),\s+((?:the|a|an|its|their)\s+(?:[\p{L}\p{M}.'’-]+\s+){0,5}?(?:${HEADS})),\s+(?:(?:has|have|had)\s+)?(?:${VERBS})\b`,
  'u',
);
/**
 * A sentence that opens with a role, a name between commas and a verb of saying: "The governor of the
 * Odesa region, Maksym Marchenko, said …", or first another verb and then one of saying ("…, Anna Berg,
 * declared a curfew and said …").
 */
const ROLE_NAME = new RegExp(
  String.raw`^\s*((?:the|The|a|A)\s+[^,]{2,60}?),\s+([\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'’-]*){1,3}),\s+(?:[^,.;]{1,80}?\s+and\s+)?(?:${VERBS})\b`,
  'u',
);
/** What pictures show is their account: "Satellite images published afterwards showed …", "Videos shared online showed …". */
const EVIDENCE =
  /^\s*((?:the\s+|The\s+)?(?:[\p{L}-]+\s+)?(?:images|imagery|photographs|photos|pictures|videos|footage)\b[^,.;]{0,60}?)\s+(?:showed|shows|show|appeared to show|appear to show)\b/iu;
const AFTER_VERB = new RegExp(String.raw`,\s*(?:${VERBS})\s+(${NAME})[.,]`, 'u');
/**
 * The subject of a verb of saying that the patterns above miss, read as a whole: a plain noun phrase that
 * opens the sentence ("Residents and relatives of the victims said", "Relatives of sailors later told"), or
 * one after the last comma ("…, rescue workers said."). Not commentators ("Western analysts said the use of
 * the missile was a message"): what they say judges what happened rather than tells it.
 */
const SAY = String.raw`(?:(?:has|have|had)\s+)?(?:later\s+|also\s+)?(?:said|says|told|reported|announced)\b`;
const OPENING_SUBJECT = new RegExp(
  String.raw`^\s*((?!(?:It|He|She|They|We|I|This|That|There)\s)[\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}\p{M}.'’-]+){0,7}?)\s+${SAY}`,
  'u',
);
const CLOSING_SUBJECT =
  /,\s+((?!(?:it|he|she|they|we|i)\s)(?:[\p{L}\p{M}.'’-]+\s+){0,5}?[\p{L}\p{M}.'’-]+)\s+(?:said|says|reported)(?:\s+(?:on|in)\s+[^,.;]{1,40})?[.!?]["”’]?\s*$/u;
/**
 * A trailing attribution with a long name, too long for CLOSING_SUBJECT: "…, the British military's
 * United Kingdom Maritime Trade Operations centre said on Monday.", "…, the Joint Maritime Information
 * Center (JMIC) said." A phrase after the last comma, opening with a determiner or a capital, up to
 * fourteen words with a capitalised one among them, then a verb of saying and at most when or where.
 */
const CLOSING_NAME = new RegExp(
  String.raw`,\s+((?:the|a|an|The|A|An|[\p{Lu}][\p{L}\p{M}.'’-]*)(?:\s+[\p{L}\p{M}.'’()-]+){1,13}?)\s+(?:(?:has|have|had)\s+)?(?:${VERBS})(?:\s+(?:on|in|late|early|earlier|later)\s+[^,.;]{1,40})?[.!?]["”’]?\s*$`,
  'u',
);

/** The name of a trailing attribution (CLOSING_NAME) and where it lies in the sentence, or null. */
function closingName(sentence: string): { name: string; start: number; end: number } | null {
  const n = CLOSING_NAME.exec(sentence);
  if (!n || NOT_A_SUBJECT.test(n[1]) || !/\s[\p{Lu}]/u.test(` ${n[1].replace(/^(?:the|a|an|The|A|An)\s/, '')}`))
    return null;
  const start = n.index + n[0].indexOf(n[1]);
  return { name: n[1], start, end: start + n[1].length };
}

/** Words that make a run of words a clause, not a noun phrase ("The army shelled the town and officials"). */
const NOT_A_SUBJECT =
  /\b(?:analysts?|experts?|observers?|commentators?|critics?|was|were|is|are|had|has|have|did|been|would|will|could|can|may|[a-z]{3,}ed|hit|struck|shot|killing|after|when|while|that|on|in|at)\b/;

/**
 * Necessary conditions of the patterns above, cheap to test: APPOSITIVE and ROLE_NAME end in ", <name>,
 * said", BEFORE_VERB in a space and a verb of saying. A sentence without them is not tried against the
 * costly patterns (each would try every word as a start), with the same result.
 */
const COMMA_VERB = new RegExp(String.raw`,\s+(?:${VERBS})\b`, 'u');
const SPACE_VERB = new RegExp(String.raw`\s(?:${VERBS})\b`, 'u');

export interface Claimant {
  claimant: string;
  found: boolean;
}

/**
 * The claimants of sentences read lately: the draft asks for a sentence's claimant up to five times
 * (its event, its claim, its range, another account); the answer depends only on the words.
 */
const read = new Map<string, Readonly<Claimant>>();
const READ_MAX = 512;

/** The claimant of one sentence. */
export function claimantOf(sentence: string): Readonly<Claimant> {
  let c = read.get(sentence);
  if (c === undefined) {
    if (read.size >= READ_MAX) read.clear();
    c = Object.freeze(findClaimant(sentence));
    read.set(sentence, c);
  }
  return c;
}

/**
 * A date or time phrase the patterns above take in front of a name ("On Monday the rebels said", "Late on
 * Friday the navy said", "Overnight, the ministry said"): when it is said, not who says it. Cut when a
 * preposition opens it or a determiner or a comma follows it: "Sunday Times" is a name.
 */
const TIME_WORD = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|overnight|earlier|later|meanwhile|afterwards|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?`;
const LEADING_TIME = new RegExp(
  String.raw`^(?:(?:(?:late|early|earlier|later|on|in|by|since|this|last|overnight)\s+)+${TIME_WORD}\s*,?\s+|${TIME_WORD}(?:\s*,\s*|\s+(?=(?:the|a|an|its|their)\s)))(?=\S)`,
  'iu',
);

function findClaimant(sentence: string): Claimant {
  const tidy = (s: string) =>
    s
      .trim()
      .replace(LEADING_TIME, '')
      .replace(/^(The|A|An|Its|Their)\s/, (m) => m.toLowerCase())
      .replace(/\s+/g, ' ');
  const a = ACCORDING.exec(sentence);
  if (a) return { claimant: tidy(a[1]), found: true };
  const commaVerb = COMMA_VERB.test(sentence);
  const p = commaVerb
    ? (APPOSITIVE.exec(sentence) ?? ROLE_NAME.exec(sentence))
    : SPACE_VERB.test(sentence)
      ? ROLE_NAME.exec(sentence)
      : null;
  if (p) return { claimant: tidy(`${p[1]} ${p[2]}`), found: true };
  const r = commaVerb ? NAME_ROLE.exec(sentence) : null;
  if (r) return { claimant: tidy(`${r[2]} ${r[1]}`), found: true };
  const b = commaVerb || SPACE_VERB.test(sentence) ? BEFORE_VERB.exec(sentence) : null;
  // A people's adjective alone before a noun that is also a verb of saying ("Western estimates credit …",
  // "Russian reports said …") is no one: the noun is the subject's head.
  if (b && !/^(?:It|He|She|They|We|I|This|That)$/.test(b[1].trim()) && !DEMONYM.test(b[1].trim())) {
    // A head noun ending a longer name ("…, the Combined Maritime Forces (CMF) office said"): the whole name.
    const whole = closingName(sentence);
    if (whole && whole.start < b.index && whole.end === b.index + b[1].length)
      return { claimant: tidy(whole.name), found: true };
    // A bare head noun closing the sentence ("…, local officials said."): the words before it after the comma too.
    const closing = HEAD_ONLY.test(b[1].trim()) ? CLOSING_SUBJECT.exec(sentence) : null;
    if (closing && closing[1] !== b[1].trim() && closing[1].endsWith(b[1].trim()) && !NOT_A_SUBJECT.test(closing[1]))
      return { claimant: tidy(closing[1]), found: true };
    const placed = PLACED_HEAD.exec(sentence.slice(0, b.index + b[1].length));
    return { claimant: tidy(placed ? placed[1] : b[1]), found: true };
  }
  const v = EVIDENCE.exec(sentence);
  if (v) return { claimant: tidy(v[1]).replace(/^\p{Lu}(?=\p{Ll})/u, (m) => m.toLowerCase()), found: true };
  const c = AFTER_VERB.exec(sentence);
  if (c?.[1].trim()) return { claimant: tidy(c[1]), found: true };
  for (const re of [OPENING_SUBJECT, CLOSING_SUBJECT]) {
    const m = re.exec(sentence);
    if (m && !NOT_A_SUBJECT.test(m[1])) return { claimant: tidy(m[1]), found: true };
  }
  const n = commaVerb || SPACE_VERB.test(sentence) ? closingName(sentence) : null;
  if (n) return { claimant: tidy(n.name), found: true };
  return { claimant: UNATTRIBUTED, found: false };
}

/** A sentence whose subject is a pronoun of a verb of saying or accusing ("It accused …", "They said …"). */
const PRONOUN_SAYS = new RegExp(
  String.raw`^\s*(?:It|They|He|She)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:${VERBS})\b`,
  'u',
);

/**
 * The claimant of a sentence read after another: a pronoun subject of a verb of saying or accusing ("It
 * accused Thailand of …") is whoever the sentence before was attributed to ("Cambodia's defence ministry
 * said …"), when the sentence names no one itself. `previous`: that sentence's claimant, as this function
 * gave it (so a run of "It said" sentences keeps the one named first).
 */
export function claimantAfter(sentence: string, previous: Readonly<Claimant> | null): Readonly<Claimant> {
  const own = claimantOf(sentence);
  if (own.found || !previous?.found || !PRONOUN_SAYS.test(sentence)) return own;
  return { claimant: previous.claimant, found: true };
}
