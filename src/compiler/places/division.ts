/**
 * division: whether the words around a place mention read it as a political division (a state,
 * province or country) rather than a town of the same name. Pure; the resolver takes the answer as
 * `PlaceQuery.division` (resolve.ts), where a city, site or feature of the name then yields.
 *
 * Two cues, by class, not by name:
 *   - containment: the mention names the container of the mention just before it ("Bronx, New
 *     York", "Gatineau, Quebec"), the pair not being part of a list ("Moscow, Kiev, Minsk and Riga");
 *   - an organ or part of a state or province next to it: "New York Gov.", "the Quebec legislature",
 *     "Quebec Health Minister", "the Texas border", "upstate New York", "the state of Ohio".
 */

/** Words right after a mention that name an organ or a part of a state or province, not of a town. */
const AFTER =
  /^(?:['’]s)?\s+(?:(?:[A-Z][a-z]+\s+)?(?:Minister|minister|Ministry|ministry)|Gov\.|Governor|governor|Lt\.\s+Gov\.|Lieutenant\s+Governor|legislature|Legislature|General\s+Assembly|Premier|premier|border|state\s+line)(?!\p{L})/u;

/** Words right before a mention that say it is a state or province. */
const BEFORE =
  /\b(?:[Uu]pstate|[Dd]ownstate|[Gg]overnor\s+of|[Ss]tate\s+of|[Pp]rovince\s+of|[Pp]remier\s+of)\s+(?:the\s+)?$/u;

/** Whether the words before and after a mention name it with a state's organ or part. */
export function divisionCue(before: string, after: string): boolean {
  return AFTER.test(after) || BEFORE.test(before);
}

/**
 * Whether a mention is the container of the mention before it: `between` is the text from the end
 * of the previous mention to the start of this one (", " in "Bronx, New York"); `next` the text from
 * this mention's end to the start of the next mention, and `earlier` the text between the previous
 * mention and the one before it (null when there is none or it is not known). A separator of a list
 * (a comma, "and", "or", "&") on either side makes the pair part of a list, not a containment.
 */
export function containerPair(between: string, next: string | null, earlier: string | null): boolean {
  const list = (s: string | null): boolean => s !== null && /^\s*(?:,|and|or|&)\s*$/.test(s);
  return /^,\s*$/.test(between) && !list(next) && !list(earlier);
}
