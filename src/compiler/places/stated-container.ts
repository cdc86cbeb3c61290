/**
 * What a sentence says contains a place it describes ("Lebanon is a city in Warren County, Ohio"):
 * for PlaceQuery.within when the text names the container without marking it as a mention.
 * Pure text; reads nothing else.
 */

/** Words for a kind of place that a sentence may say the mention is ("a town in …", "the capital of …"). */
const PLACE_NOUN =
  '(?:city|town|village|hamlet|borough|township|community|municipality|commune|suburb|settlement|neighbou?rhood|' +
  'district|county|parish|province|region|state|country|island|port|capital|seat|place|resort|area)';

/** A capitalised name of up to four words ("KwaZulu-Natal", "United States", "Madison County"). */
const CAP_NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}";

/**
 * The place a sentence says the mention lies in, when it says what the mention is: "Lebanon is a
 * city in Warren County, Ohio, United States", "Victoria … is the capital of the Seychelles",
 * "Harper, the capital of Maryland County". The chain of names after the first "in" or "of" that
 * follows the kind of place, up to three names, smallest first ("Lanark County, in eastern Ontario,
 * Canada" reads as "Lanark County, Ontario, Canada"); it must end the clause (punctuation,
 * a lower-case connective or a division's word: "… of the British overseas territory of Bermuda" skips
 * "British", "in the Waikato region of …" reads Waikato); a qualifier before the name is dropped ("in
 * northern Lebanon").
 * Encyclopaedic and gazetteer-style text says where a place is this way, rarely naming the
 * container as a mention of its own. `rest` is the text right after the mention; the result is
 * meant for PlaceQuery.within.
 */
export function statedContainer(rest: string): string | undefined {
  const stop = /[.;!?](?:\s|$)|\n/u.exec(rest.replace(/\b(?:St|Mt|Ft|Co|[A-Z])\./gu, (w) => w.replace('.', '_')));
  const sentence = stop ? rest.slice(0, stop.index) : rest;
  const head = new RegExp(
    `^(?:\\s*\\([^)]*\\))?(?:(?:,[^,;]{1,80},)?\\s+(?:is|was|lies|remains)\\s+|,\\s+)(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,5}?${PLACE_NOUN}\\b`,
    'u',
  ).exec(sentence);
  if (!head) return undefined;
  const tail = sentence.slice(head[0].length);
  const chain = new RegExp(
    `\\b(?:in|of)\\s+(?:the\\s+)?(?:[\\p{Ll}-]+ern\\s+|central\\s+)?(${CAP_NAME}(?:,\\s+(?:in\\s+(?:the\\s+)?(?:\\p{Ll}+\\s+)?)?${CAP_NAME}){0,2})(?=\\s*(?:[,:)]|$)|\\s+(?:and|on|near|along|between|about|at|with|which|where|in|of|to|from|by|for|since|until|region|province|state|county|district|department|governorate|prefecture)\\b)`,
    'gu',
  );
  const found = chain.exec(tail);
  if (!found) return undefined;
  // "Lanark County, in eastern Ontario, Canada": the chain without its joining words.
  const names = found[1].replace(/,\s+in\s+(?:the\s+)?(?:\p{Ll}+\s+)?/gu, ', ');
  // "the U.S. state of Illinois", "the Spanish region of Andalusia": the division named after its
  // word lies in the place before it.
  const inner = new RegExp(
    `^\\s+(?:region|province|state|county|district|department|governorate|prefecture)\\s+of\\s+(?:the\\s+)?(${CAP_NAME})`,
    'u',
  ).exec(tail.slice(found.index + found[0].length));
  return inner ? `${inner[1]}, ${names}` : names;
}
