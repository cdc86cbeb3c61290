/**
 * story-steps: what each step of a story (`steps:`, read by story.ts's checker) focuses on, among the
 * features the story itself shows. A step's `select` names ids with the story's grammar (documents,
 * events, ranges, types), and only ones on the story's map: a name the story does not show is an error
 * at it, naming the closest ids the story does show; a step that focuses nothing is an error at the step.
 * Pure: the story and its selected features in, the published steps and diagnostics out.
 */
import type { Diagnostic, EventFeature, RangeFeature, StoryStep } from '../contract.js';
import { closestIds } from './closest-name.js';
import { Diagnostics, sortDiagnostics } from './diagnostics.js';
import { SELECTORS, storyInPeriod, type Selection, type Selector, type Story } from './story.js';

const WHAT: Record<Selector, string> = { documents: 'document', events: 'event', ranges: 'range', types: 'event type' };

/**
 * The published steps of a story: each step's features are those of the story's `events` and `ranges`
 * its `select` names (all of them without `select`), within its `period`: an event dated in it, or a
 * feature with no date of its own (a range, an undated event) that `select` names by its id.
 */
export function focusStorySteps(
  story: Pick<Story, 'id' | 'steps'>,
  shown: { events: readonly EventFeature[]; ranges: readonly RangeFeature[] },
  /** The whole build: a name it has that the story leaves off its map says so. */
  build: { events: readonly EventFeature[]; ranges: readonly RangeFeature[] } = shown,
): { steps: StoryStep[]; diagnostics: Diagnostic[] } {
  const d = new Diagnostics();
  const claimDocs = (f: EventFeature | RangeFeature) => f.properties.claims.map((c) => c.document);
  const known: Record<Selector, Set<string>> = {
    documents: new Set([...shown.events, ...shown.ranges].flatMap(claimDocs)),
    events: new Set(shown.events.map((f) => f.properties.id)),
    ranges: new Set(shown.ranges.map((f) => f.properties.id)),
    types: new Set(shown.events.map((f) => f.properties.type)),
  };
  const inBuild: Record<Selector, Set<string>> = {
    documents: new Set([...build.events, ...build.ranges].flatMap(claimDocs)),
    events: new Set(build.events.map((f) => f.properties.id)),
    ranges: new Set(build.ranges.map((f) => f.properties.id)),
    types: new Set(build.events.map((f) => f.properties.type)),
  };
  const matches = (sel: Selection, f: EventFeature | RangeFeature, kind: 'event' | 'range') => {
    const has = (key: Selector, v: string) => sel[key].some((l) => l.value === v);
    if (claimDocs(f).some((doc) => has('documents', doc))) return true;
    if (kind === 'event') return has('events', f.properties.id) || has('types', (f as EventFeature).properties.type);
    return has('ranges', f.properties.id);
  };
  const steps = story.steps.map((step, i): StoryStep => {
    const where = `step ${i + 1}`;
    const before = d.errorCount;
    for (const key of SELECTORS)
      for (const { value, at } of step.select?.[key] ?? []) {
        if (known[key].has(value)) continue;
        const close = closestIds(value, known[key]);
        const hint = inBuild[key].has(value)
          ? `; the build has it, but the story's "select", "exclude" or "period" leave it off`
          : close.length
            ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?`
            : `; the story shows no ${WHAT[key]}`;
        d.error(
          at,
          `${where}: select.${key}: no ${WHAT[key]} "${value}" on the story's map (a step focuses on what the story shows)${hint}`,
        );
      }
    // A period narrows the step to what has a date of its own in it: an event dated in it. A feature with
    // none (a range, which only its documents date; an undated event) is in a step with a period only
    // when the step names it by its id: the day a document was published is not the day of the events.
    const named = (f: EventFeature | RangeFeature, kind: 'event' | 'range') =>
      !!step.select?.[kind === 'event' ? 'events' : 'ranges'].some((l) => l.value === f.properties.id);
    const dated = (f: EventFeature | RangeFeature, kind: 'event' | 'range', period: NonNullable<typeof step.period>) =>
      kind === 'event' && storyInPeriod(f, period);
    const keep = (f: EventFeature | RangeFeature, kind: 'event' | 'range') =>
      (!step.select || matches(step.select, f, kind)) &&
      (!step.period || dated(f, kind, step.period) || named(f, kind));
    const features = [
      ...shown.events.filter((f) => keep(f, 'event')),
      ...shown.ranges.filter((f) => keep(f, 'range')),
    ].map((f) => f.properties.id);
    // A step that names an id the story does not show has said so: "focuses on nothing" would only repeat it.
    if (features.length === 0 && d.errorCount === before)
      d.error(
        step.at,
        `${where} ("${step.title}") focuses on no event and no range of the story; check its "select" and "period"`,
      );
    return { title: step.title, text: step.text, features, period: step.period, view: step.view };
  });
  return { steps, diagnostics: sortDiagnostics(d.list) };
}
