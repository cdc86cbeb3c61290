/**
 * Words around a bare name that say it is a river: "crossed the Rappahannock", "up the Yazoo", "the
 * mouth of White River", "on the eastern shore of the Derwent", "the Severn burst its banks". News and
 * military reports name a river by its bare name ("the Cumberland", "the Holston") far more often than
 * the gazetteer has it so; read bare, the name is the town or county the river was named after, which
 * may lie hundreds of km away. Pure text; reads nothing else.
 */

/** A name whose own word makes it another kind of place than a stream ("Lake Erie", "Chesapeake Bay", "Wayne County"). */
const OTHER_WORD =
  /\b(?:lake|bay|sea|ocean|gulf|strait|harbou?r|sound|islands?|mountains?|valley|county|parish|city|state|province|canal)\b/iu;

/**
 * Before the name: the part of a river a text names ("mouth of", "banks of", "shore of the"), or a verb
 * of going over or along water ("crossed the", "up the", "down the"). "the" is needed after a verb:
 * "crossed Tennessee" and "up North" say nothing of a river. Lower case only: "Bank of Canada" is a bank.
 */
const BEFORE = new RegExp(
  '(?:\\b(?:mouths?|banks?|shores?|headwaters|source|waters|confluence|crossings?|fords?|ferry|ferries|bend)\\s+of\\s+(?:the\\s+)?' +
    '|\\b(?:crossed|recrossed|cross|crossing|forded|bridged|bridge\\s+over|up|down|ascended|descended|steamed|sailed)\\s+the\\s+)$',
  'u',
);

/** After "the" and the name: what a river does ("the Severn burst its banks") or its own word lower-cased ("the Tay river"). */
const AFTER =
  /^\s+(?:river\b|burst\s+its\s+banks|broke\s+its\s+banks|overflowed|overtopped|crested|is\s+in\s+flood|was\s+in\s+flood)/iu;

/**
 * Whether the words before and after a mention read it as a river: `before` and `after` are the text
 * right before and after it. A name with another kind of place's word ("Lake Erie", "Wayne County") or
 * of more than three words is never read so; a stream's own word is allowed ("the mouth of White River").
 */
export function riverCue(mention: string, before: string, after: string): boolean {
  const name = mention.trim();
  if (!/^\p{Lu}/u.test(name) || name.split(/\s+/u).length > 3 || OTHER_WORD.test(name)) return false;
  if (BEFORE.test(before)) return true;
  return /\bthe\s+$/iu.test(before) && AFTER.test(after);
}
