/**
 * What a geocoding corpus row's text says about its mention, as a PlaceQuery (resolve.ts): a container
 * named after a comma ("Paducah, Ky.") or stated by the sentence ("… is a city in Warren County, Ohio"),
 * a designator after it ("Platte County" annotated as "Platte"), a division's cues ("Bronx, New York",
 * "New York Gov."), a river's ("crossed the Rappahannock"). Used by bench/geocode.ts and the genres
 * test to read corpora in the shared format (`../shared/bench/geocoding/README.md`). Pure text.
 */
import type { PlaceQuery } from '../resolve.js';
import { containerPair, divisionCue } from './division.js';
import { riverCue } from './river-cue.js';
import { statedContainer } from './stated-container.js';

/** What the resolver may read of a row. */
export interface Mention {
  doc_id: string;
  mention: string;
  start: number;
  end: number;
  text_context: string;
  context_offset: number;
}

/**
 * A place the text names right after the mention as containing it: "Paris, Texas", "Paducah, Ky.",
 * "Kharkiv, Ukraine". Up to three capitalised words after a comma.
 */
function containingPlace(m: Mention): string | undefined {
  const after = m.text_context.slice(m.end - m.context_offset);
  const match = /^,\s+((?:[A-Z][\p{L}.'’-]*)(?:\s+[A-Z][\p{L}.'’-]*){0,2})/u.exec(after);
  return match?.[1].replace(/[,;]$/, '');
}

/**
 * A designator the text puts after the mention, possibly after a list of names: "Platte County"
 * annotated as "Platte", "Butler, Clark and Warren counties", "Washington state", "the Kursk region".
 * Returned in the singular, to make the lookup name.
 */
function designatorAfter(m: Mention): string | undefined {
  const after = m.text_context.slice(m.end - m.context_offset);
  const name = "[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*)?";
  const list = `(?:,\\s+${name})*,?\\s+(?:and|or|&)\\s+${name}`;
  const match = new RegExp(
    `^(?:${list})?\\s+(County|county|counties|Parish|parish|parishes|state|province|provinces|region|regions|oblast)\\b`,
    'u',
  ).exec(after);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  return { counties: 'county', parishes: 'parish', provinces: 'province', regions: 'region' }[word] ?? word;
}

/**
 * Whether the text reads the mention as a political division (places/division.ts): the container of
 * the mention just before it ("Bronx, New York"), or named with a state's organ or part ("New York
 * Gov."). `around` gives the document's mentions next to this one.
 */
function divisionOf(m: Mention, around: Neighbours): boolean {
  const text = (from: number, to: number): string | null =>
    from >= m.context_offset && to <= m.context_offset + m.text_context.length && from <= to
      ? m.text_context.slice(from - m.context_offset, to - m.context_offset)
      : null;
  const { prev, next, prevPrev } = around;
  if (prev) {
    const between = text(prev[1], m.start);
    const after = next ? text(m.end, next[0]) : null;
    const earlier = prevPrev ? text(prevPrev[1], prev[0]) : null;
    if (between !== null && containerPair(between, after, earlier)) return true;
  }
  const at = m.start - m.context_offset;
  return divisionCue(m.text_context.slice(0, at), m.text_context.slice(m.end - m.context_offset));
}

/** A document's mentions next to one, as [start, end] offsets. */
interface Neighbours {
  prev?: [number, number];
  next?: [number, number];
  prevPrev?: [number, number];
}

function queryOf(m: Mention, around: Neighbours = {}): PlaceQuery {
  const q: PlaceQuery = { text: m.mention };
  if (divisionOf(m, around)) q.division = true;
  const designator = designatorAfter(m);
  if (designator && !m.mention.toLowerCase().endsWith(designator)) q.name = `${m.mention} ${designator}`;
  else {
    // "crossed the Rappahannock", "the mouth of White River": the river, not its namesake town.
    const at = m.start - m.context_offset;
    const text = m.text_context;
    if (
      riverCue(
        m.mention,
        text.slice(Math.max(0, at - 40), at),
        text.slice(at + m.mention.length, at + m.mention.length + 40),
      )
    )
      q.river = true;
  }
  const comma = containingPlace(m);
  const within = comma ?? statedContainer(m.text_context.slice(m.end - m.context_offset));
  if (within) q.within = within;
  if (within && !comma) q.stated = true;
  // "the [Gulf]", "the [Hague]": the article the annotation leaves out.
  if (/\bthe\s+$/iu.test(m.text_context.slice(Math.max(0, m.start - m.context_offset - 5), m.start - m.context_offset)))
    q.article = true;
  return q;
}

/**
 * The queries of a corpus's rows, in row order: each row's mention with what its text says, the
 * document's other mentions (rows of the same doc_id) giving its neighbours.
 */
export function mentionQueries(rows: readonly Mention[]): PlaceQuery[] {
  const spans = new Map<string, Array<[number, number]>>();
  for (const r of rows) {
    let list = spans.get(r.doc_id);
    if (!list) spans.set(r.doc_id, (list = []));
    list.push([r.start, r.end]);
  }
  for (const list of spans.values()) list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return rows.map((r) => {
    const { doc_id, mention, start, end, text_context, context_offset } = r;
    const list = spans.get(doc_id) ?? [];
    const before = list.filter((s) => s[1] <= start);
    const around: Neighbours = {
      prev: before.at(-1),
      prevPrev: before.at(-2),
      next: list.find((s) => s[0] >= end),
    };
    return queryOf({ doc_id, mention, start, end, text_context, context_offset }, around);
  });
}
