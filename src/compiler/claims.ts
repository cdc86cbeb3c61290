/** claims: what one annotation of one document says, with its sentence, source and standing. Pure. */
import type { Addition, Claim, ClaimStatus, DocumentMeta, Figure } from '../contract.js';
import { CLAIM_STATUSES, headline } from '../contract.js';

export { headline };
import type { Annotation } from './parse.js';
import type { Diagnostics } from './diagnostics.js';
import { attributeAt, short } from './attributes.js';
import { didYouMean } from './closest-name.js';

/** Offsets of the place, weapon and range mentions inside [start, end), relative to start. */
/** Whether each list of annotations is in order of `start` (checked once per list). */
const byStart = new WeakMap<readonly Annotation[], boolean>();

export function highlightsWithin(
  annotations: readonly Annotation[],
  start: number,
  end: number,
  self?: Annotation,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // The parser gives annotations in the order they open, so by `start`: the first that may lie inside
  // is found by a binary search, and the walk stops past `end` (a scan of every annotation per claim
  // made a document of 10,000 events quadratic).
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  let sorted = byStart.get(annotations);
  if (sorted === undefined) {
    sorted = annotations.every((a, i) => i === 0 || annotations[i - 1].start <= a.start);
    byStart.set(annotations, sorted);
  }
  for (let i = sorted ? lo : 0; i < annotations.length; i++) {
    const a = annotations[i];
    if (sorted && a.start > end) break;
    if (a === self && a.kind !== 'range') continue;
    if ((a.kind === 'place' || a.kind === 'weapon' || a.kind === 'range') && a.start >= start && a.end <= end)
      spans.push([a.start - start, a.end - start]);
  }
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  // Nested mentions (a range class inside a weapon's words) collapse into the outer span.
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The attribution fields every claim needs; reports what is missing or not allowed. */
export function readStanding(
  file: string,
  a: Annotation,
  diagnostics: Diagnostics,
): { claimant: string; status: ClaimStatus; note: string | null } | null {
  const claimant = a.attributes.claimant?.trim();
  const status = a.attributes.status;
  let ok = true;
  if (!claimant && !a.attributesBroken) {
    // A claimant written blank (claimant="") is pointed at where it is written.
    diagnostics.error(
      attributeAt(file, a, 'claimant'),
      `:${a.kind}[${short(a.label)}] needs claimant="…"${a.attributes.claimant === undefined ? '' : ' (it is empty)'}: who says so (e.g. claimant="Ukraine's Air Force", claimant="the article (unattributed)")`,
    );
    ok = false;
  }
  if (!claimant) ok = false;
  if (status === undefined) {
    if (!a.attributesBroken)
      diagnostics.error(
        { file, line: a.line, column: a.column },
        `:${a.kind}[${short(a.label)}] needs status=…; allowed: ${CLAIM_STATUSES.join(', ')}`,
      );
    ok = false;
  } else if (!(CLAIM_STATUSES as readonly string[]).includes(status)) {
    diagnostics.error(
      attributeAt(file, a, 'status'),
      `unknown status "${status}"; ${didYouMean(status, CLAIM_STATUSES)}allowed: ${CLAIM_STATUSES.join(', ')}`,
    );
    ok = false;
  }
  if (!ok) return null;
  return { claimant: claimant!, status: status as ClaimStatus, note: a.attributes.note?.trim() || null };
}

export function makeClaim(
  meta: DocumentMeta,
  text: string,
  span: [number, number],
  highlights: Array<[number, number]>,
  standing: { claimant: string; status: ClaimStatus; note: string | null },
  a: Annotation,
  values: {
    date: string | null;
    place: string | null;
    min_km?: number;
    max_km?: number;
    range?: Pick<Claim, 'basis' | 'stated_text' | 'qualifier'>;
    figures?: Figure[];
  },
  additions: Addition[],
): Claim {
  return {
    excerpt: text.slice(span[0], span[1]),
    highlights,
    document: meta.id,
    document_title: meta.title,
    publisher: meta.publisher,
    document_date: meta.published,
    url: meta.url,
    claimant: standing.claimant,
    status: standing.status,
    note: standing.note,
    additions,
    date: values.date,
    place: values.place,
    ...(values.min_km !== undefined ? { min_km: values.min_km } : {}),
    ...(values.max_km !== undefined ? { max_km: values.max_km } : {}),
    ...values.range,
    ...(values.figures !== undefined ? { figures: values.figures } : {}),
    line: a.line,
    column: a.column,
    ...(a.pending ? { pending: true as const } : {}),
  };
}
