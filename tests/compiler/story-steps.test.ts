import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventCollection, RangeCollection } from '../../src/contract.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics.js';
import { parseStory, selectStory, storyOutput, type Story } from '../../src/compiler/story.js';
import { focusStorySteps } from '../../src/compiler/story-steps.js';

const fixtures = join(import.meta.dirname, '../fixtures/app');
const events = (JSON.parse(readFileSync(join(fixtures, 'events.geojson'), 'utf8')) as EventCollection).features;
const ranges = (JSON.parse(readFileSync(join(fixtures, 'ranges.geojson'), 'utf8')) as RangeCollection).features;

const parse = (text: string) => parseStory('maps/a-story.yaml', 'a-story', text);
const errors = (text: string) =>
  parse(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
const ok = (text: string): Story => {
  const { story, diagnostics } = parse(text);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return story!;
};
/** The story's steps as the build publishes them, and the build's errors about them. */
const focus = (text: string) => {
  const story = ok(text);
  const shown = selectStory(story, events, ranges);
  expect(shown.diagnostics).toEqual([]);
  const out = focusStorySteps(story, shown);
  return { steps: out.steps, errors: out.diagnostics.map(formatDiagnostic), story, shown };
};

const STORY = `title: Strikes in November
select:
  types: [missile-strike]
  ranges: [rg-irbm-kapustin-yar]
steps:
  - title: The strike on Dnipro
    text: "A new missile <b>hit</b> the city & its plant."
    select:
      events: [ev-2024-11-21-dnipro-missile]
      ranges: [rg-irbm-kapustin-yar]
    center: [35.0, 48.5]
    zoom: 6
  - title: Two nights of strikes on Kursk
    select: {documents: [mod-ru-2024-11-27-kursk]}
  - title: The 25th
    period: 2024-11-25/2024-11-25
    bounds: [[34, 50], [38, 53]]
`;

describe('story steps: the checker', () => {
  it('reads each step: its title, its text as written, its selection, period and view, and where it starts', () => {
    const s = ok(STORY);
    expect(s.steps.map((st) => st.title)).toEqual([
      'The strike on Dnipro',
      'Two nights of strikes on Kursk',
      'The 25th',
    ]);
    expect(s.steps[0].text).toBe('A new missile <b>hit</b> the city & its plant.');
    expect(s.steps[0].select!.events.map((l) => l.value)).toEqual(['ev-2024-11-21-dnipro-missile']);
    expect(s.steps[0].select!.events[0].at).toEqual({ file: 'maps/a-story.yaml', line: 9, column: 16 });
    expect(s.steps[0].view).toEqual({ center: [35, 48.5], zoom: 6 });
    expect(s.steps[1].select!.documents.map((l) => l.value)).toEqual(['mod-ru-2024-11-27-kursk']);
    expect(s.steps[2].period).toEqual({ from: '2024-11-25', to: '2024-11-25' });
    expect(s.steps[2].view).toEqual({
      bounds: [
        [34, 50],
        [38, 53],
      ],
    });
    expect(s.steps[2].at).toEqual({ file: 'maps/a-story.yaml', line: 15, column: 5 });
    expect(s.steps[2].text).toBeNull();
  });

  it('a story without steps has none', () => {
    expect(ok('title: A\n').steps).toEqual([]);
  });

  it('says where each mistake in the steps is, with line and column', () => {
    expect(
      errors(`title: A
steps:
  - title: One
    txt: misspelt
  - text: no title
  - title: ${'A very long title that goes on and on, well past what a card heading can hold on a phone'}
  - title: Bad view
    center: [35, 48]
    period: 2024-11-30/2024-11-01
    select: {event: [x]}
  - just words
`),
    ).toEqual([
      'maps/a-story.yaml:4:5: error: unknown key "txt" in step 1; did you mean "text"? a step has title, text, select, period, bounds, center, zoom',
      'maps/a-story.yaml:5:5: error: step 2 needs a "title": the heading of its card',
      `maps/a-story.yaml:6:12: error: step 3: "title" is 88 characters; a step's title is a short heading of at most 80 (put the rest in "text")`,
      'maps/a-story.yaml:8:5: error: step 4: "center" and "zoom" go together',
      'maps/a-story.yaml:9:13: error: step 4: "period" ends (2024-11-01) before it begins (2024-11-30)',
      'maps/a-story.yaml:10:14: error: step 4: unknown selector "event" in "select"; did you mean "events"? use documents, events, ranges, types',
      'maps/a-story.yaml:11:5: error: step 5 must be a mapping with at least "title" (and "text", "select", …)',
    ]);
  });

  it('refuses an empty list of steps and steps that are not a list, at the value', () => {
    expect(errors('title: A\nsteps: []\n')).toEqual([
      'maps/a-story.yaml:2:8: error: "steps" is empty: give at least one step, or leave the key out',
    ]);
    expect(errors('title: A\nsteps: one\n')).toEqual([
      'maps/a-story.yaml:2:8: error: "steps" must be a list of steps, each {title: …, text: …, select: {…}} (see data/README.md, "Steps")',
    ]);
  });
});

describe('story steps: what each focuses on', () => {
  it('resolves each step to the ids of the story features it selects, within its period', () => {
    const { steps, errors: errs } = focus(STORY);
    expect(errs).toEqual([]);
    expect(steps.map((s) => s.features)).toEqual([
      ['ev-2024-11-21-dnipro-missile', 'rg-irbm-kapustin-yar'],
      ['ev-2024-11-23-kursk-atacms', 'ev-2024-11-25-kursk-atacms'],
      // No select: the story's features in the step's period (the range's document is of the 21st).
      ['ev-2024-11-25-kursk-atacms'],
    ]);
    expect(steps[0]).toMatchObject({
      title: 'The strike on Dnipro',
      text: 'A new missile <b>hit</b> the city & its plant.',
      period: null,
      view: { center: [35, 48.5], zoom: 6 },
    });
  });

  it('a period focuses what is dated in it: a range or an undated event only when the step names it', () => {
    // The range's only date is its document's (the 21st), as the Dnipro strike's: a period of that day
    // focused the band too, though no step said so and a range has no date of its own.
    const story = ok(`title: Strikes
select:
  types: [missile-strike]
  ranges: [rg-irbm-kapustin-yar]
steps:
  - title: The 21st
    period: 2024-11-21/2024-11-21
  - title: The 25th, and the missile's reach
    period: 2024-11-25/2024-11-25
    select:
      events: [ev-2024-11-25-kursk-atacms, ev-undated]
      ranges: [rg-irbm-kapustin-yar]
  - title: The strikes of the 25th
    period: 2024-11-25/2024-11-25
    select: {types: [missile-strike]}
`);
    const shown = selectStory(story, events, ranges);
    // An event the text gives no date for, as the story may show one.
    const undated = structuredClone(shown.events[0]);
    Object.assign(undated.properties, { id: 'ev-undated', date: null, date_start: null, date_end: null });
    const out = focusStorySteps(story, { events: [...shown.events, undated], ranges: shown.ranges });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(out.steps.map((s) => s.features)).toEqual([
      ['ev-2024-11-21-dnipro-missile'],
      ['ev-2024-11-25-kursk-atacms', 'ev-undated', 'rg-irbm-kapustin-yar'],
      // By type, the undated event is not named: it is not in a period's step.
      ['ev-2024-11-25-kursk-atacms'],
    ]);
  });

  it('publishes the steps in the story file (none: an empty list)', () => {
    const { steps, story, shown } = focus(STORY);
    expect(storyOutput(story, shown, [], steps).steps).toEqual(steps);
    expect(storyOutput(ok('title: A\n'), shown, []).steps).toEqual([]);
  });

  it('a step may only name what the story shows: the error is at the id and names the closest ids', () => {
    const { errors: errs } = focus(`title: Strikes
select: {types: [missile-strike]}
steps:
  - title: Drones
    select: {events: [ev-2024-11-27-ukraine-drones]}
  - title: Kursk
    select:
      events: [ev-2024-11-23-kursk-atacm]
  - title: Nothing in the period
    period: 2023-01-01/2023-01-31
`);
    expect(errs).toEqual([
      'maps/a-story.yaml:5:23: error: step 1: select.events: no event "ev-2024-11-27-ukraine-drones" on the story\'s map (a step focuses on what the story shows); did you mean "ev-2024-11-23-kursk-atacms", "ev-2024-11-25-kursk-atacms", "ev-2024-11-21-dnipro-missile"?',
      'maps/a-story.yaml:8:16: error: step 2: select.events: no event "ev-2024-11-23-kursk-atacm" on the story\'s map (a step focuses on what the story shows); did you mean "ev-2024-11-23-kursk-atacms", "ev-2024-11-25-kursk-atacms", "ev-2024-11-21-dnipro-missile"?',
      'maps/a-story.yaml:9:5: error: step 3 ("Nothing in the period") focuses on no event and no range of the story; check its "select" and "period"',
    ]);
  });

  it('says so when the build has the id but the story leaves it off its map', () => {
    const story = ok(`title: Strikes
select: {types: [missile-strike]}
steps:
  - title: Drones
    select: {events: [ev-2024-11-27-ukraine-drones]}
`);
    const out = focusStorySteps(story, selectStory(story, events, ranges), { events, ranges });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      'maps/a-story.yaml:5:23: error: step 1: select.events: no event "ev-2024-11-27-ukraine-drones" on the story\'s map (a step focuses on what the story shows); the build has it, but the story\'s "select", "exclude" or "period" leave it off',
    ]);
  });
});
