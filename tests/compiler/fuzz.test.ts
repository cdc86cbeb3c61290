/**
 * Property-based fuzzing of the build (fast-check, seeded: the same cases on every run). Valid documents
 * are mutated (tests/compiler/fuzz-kit.ts), documents are generated whose text and annotations are known
 * in advance, and attribute values are replaced by wrong ones. Whatever the input, the build:
 * - returns, in bounded time, and never throws;
 * - places every problem inside the document (a line it has, a column on that line);
 * - drops no annotation: each one in the input is read, or an error stands at or before it;
 * - with no error, gives back the text outside the annotations unchanged and every claim in its output,
 *   and leaves no markup in the text that the valid document did not have there (no "{key=…}" cut off
 *   from its words by a space, no second "}");
 * - refuses a wrong value with an error on the line that holds it.
 * A failure prints the seed and the shrunk case; add it to tests/fixtures/malformed with its fix.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, prepareDocument } from '../../src/compiler/compile.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { applyReview } from '../../src/compiler/review.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';
import type { Diagnostic } from '../../src/contract.js';
import {
  bodyOf,
  generated,
  hurried,
  linesOf,
  mutate,
  mutations,
  paste,
  pasted,
  position,
  render,
  residue,
  slip,
  stripMarkup,
} from './fuzz-kit.js';

const root = join(import.meta.dirname, '../..');
/** Valid documents to mutate: the corpus and the development articles (those with no area file, for speed). */
const seeds = ['data/documents', 'tests/fixtures/articles'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }))
    .filter((d) => !d.text.includes('origin-area=')),
);

let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

/** Builds documents as `npm run data --include-pending` does. */
function build(docs: Array<{ path: string; text: string }>) {
  const parsed = docs.map((d) => parseDocumentText(d.path, d.text));
  const out = assemble(
    parsed.map((p) => prepareDocument(applyReview(p, true), resolve)),
    { areas: new Map(), today: '2026-12-07' },
  );
  const diagnostics: Diagnostic[] = [...new Set([...parsed.flatMap((p) => p.diagnostics), ...out.diagnostics])];
  return { parsed, out, diagnostics };
}

/**
 * The build's promises on any input; returns the problems found (empty when it keeps them all).
 * `from`: the valid document each was mutated from, when it was: with no error, its text may hold no
 * more markup-like residue ("{#id", "{key=", "}}", ":place[") than that document's text.
 */
function violations(docs: Array<{ path: string; text: string }>, from: string[] = []): string[] {
  const bad: string[] = [];
  const { parsed, out, diagnostics } = build(docs);
  // No clock limit (a busy machine must not fail a test): a hang fails on the test's timeout, and the
  // quadratic blow-ups found before are checked by their work counts (parse.test.ts, malformed.test.ts).
  for (const d of diagnostics) {
    const doc = docs.find((x) => x.path === d.file);
    const lines = linesOf(doc?.text ?? '');
    const line = lines[d.line - 1];
    if (!doc || !Number.isInteger(d.line) || line === undefined)
      bad.push(`not on a line of the document: ${JSON.stringify(d)}`);
    else if (!Number.isInteger(d.column) || d.column < 1 || d.column > line.length + 1)
      bad.push(`column past its line (${line.length} long): ${JSON.stringify(d)}`);
    if (/\bundefined\b|\[object Object\]/.test(d.message) || /build failed/.test(d.message))
      bad.push(`message: ${d.message}`);
  }
  docs.forEach((doc, k) => {
    const body = bodyOf(doc.text);
    if (!body) return;
    const p = parsed[k];
    const errors = diagnostics.filter((d) => d.file === doc.path && d.severity === 'error');
    const oracle = stripMarkup(body.src.slice(body.bodyStart));
    for (const o of oracle.openers) {
      const at = position(body.src, body.bodyStart + o);
      const read = p.annotations.some((a) => a.line === at.line && a.column === at.column);
      if (!read && !errors.some((e) => e.line <= at.line))
        bad.push(`annotation at ${at.line}:${at.column} neither read nor reported`);
    }
    if (errors.length > 0) return;
    if (p.annotations.length !== oracle.openers.length)
      bad.push(`${p.annotations.length} annotations read of ${oracle.openers.length}, and no error`);
    if (p.text !== oracle.text) bad.push(`the text is not the text outside the annotations`);
    // Markup the mutation cut loose (attributes after a space, a second "}", a kind with a look-alike
    // colon) must not reach the text unreported; escaped markup (a backslash added) is the text's own.
    const backslashes = (t: string) => (t.match(/\\/g) ?? []).length;
    const seed = from[k];
    if (seed !== undefined && backslashes(doc.text) === backslashes(seed)) {
      const before = residue(parseDocumentText(doc.path, seed).text);
      if (residue(p.text) > before) bad.push(`markup left in the text, and no error: ${residue(p.text)} > ${before}`);
    }
  });
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const annotations = parsed.flatMap((p) => p.annotations);
    const claims = (fs: Array<{ properties: { claims: unknown[] } }>) =>
      fs.reduce((n, f) => n + f.properties.claims.length, 0);
    if (claims(out.events.features) !== annotations.filter((a) => a.kind === 'event').length)
      bad.push('an event annotation is missing from the output, and no error');
    if (claims(out.ranges.features) !== annotations.filter((a) => a.kind === 'range').length)
      bad.push('a range annotation is missing from the output, and no error');
  }
  return bad;
}

const verbose = { seed: 20261207, numRuns: 30, verbose: true } as const;

describe('the build under fuzzing', () => {
  it('keeps its promises on mutated valid documents', () => {
    expect(seeds.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), mutations, (k, ms) => {
        const text = ms.reduce(mutate, seeds[k].text);
        expect(violations([{ path: seeds[k].path, text }], [seeds[k].text])).toEqual([]);
      }),
      verbose,
    );
  });

  it("keeps its promises on a hurried annotator's mistakes, and leaves no markup in the text unreported", () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), hurried, (k, ms) => {
        const text = ms.reduce(mutate, seeds[k].text);
        expect(violations([{ path: seeds[k].path, text }], [seeds[k].text])).toEqual([]);
      }),
      { ...verbose, seed: 20261208, numRuns: 40 },
    );
  });

  it('never lets one slip in a document that builds cleanly pass unreported', () => {
    // Each seed built alone once, when first drawn: the ones that build with no error are the baseline.
    const clean = new Map<number, ReturnType<typeof build> | null>();
    const baseline = (k: number) => {
      if (!clean.has(k)) {
        const b = build([seeds[k]]);
        clean.set(k, b.diagnostics.some((d) => d.severity === 'error') ? null : b);
      }
      return clean.get(k) ?? null;
    };
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), slip, (k, m) => {
        const base = baseline(k);
        fc.pre(base !== null);
        const text = mutate(seeds[k].text, m);
        fc.pre(text !== seeds[k].text);
        const { parsed, diagnostics } = build([{ path: seeds[k].path, text }]);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (m.op === 'spreadAttributes') {
          // Attributes over several lines are valid: the same text and the same annotations.
          expect(errors).toEqual([]);
          expect(parsed[0].text).toBe(base!.parsed[0].text);
          expect(parsed[0].annotations.map((a) => ({ ...a.attributes }))).toEqual(
            base!.parsed[0].annotations.map((a) => ({ ...a.attributes })),
          );
        } else expect(errors.length, `${JSON.stringify(m)} passed with no error`).toBeGreaterThan(0);
      }),
      { ...verbose, seed: 20261209, numRuns: 60 },
    );
  });

  it('never lets a paste from a word processor change what is published without an error on its line', () => {
    const clean = new Map<number, ReturnType<typeof build> | null>();
    const baseline = (k: number) => {
      if (!clean.has(k)) {
        const b = build([seeds[k]]);
        clean.set(k, b.diagnostics.some((d) => d.severity === 'error') ? null : b);
      }
      return clean.get(k) ?? null;
    };
    /** What the map says: every claim's date, status, claimant, figures and place, every band's values. */
    const published = (b: ReturnType<typeof build>) => ({
      events: b.out.events.features.map((f) => [
        f.properties.id,
        f.properties.type,
        f.properties.places?.map((p) => p.name),
        f.properties.claims.map((c) => [c.date, c.status, c.claimant, c.figures, c.excerpt]),
      ]),
      ranges: b.out.ranges.features.map((f) => [
        f.properties.id,
        f.properties.min_km,
        f.properties.max_km,
        f.properties.claims.map((c) => [c.status, c.claimant]),
      ]),
    });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), pasted, (k, m) => {
        const base = baseline(k);
        fc.pre(base !== null);
        const text = paste(seeds[k].text, m);
        fc.pre(text !== seeds[k].text);
        const after = build([{ path: seeds[k].path, text }]);
        const errors = after.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          // The error stands on the line the paste changed.
          const changed = linesOf(text).findIndex((l, i) => l !== linesOf(seeds[k].text)[i]) + 1;
          expect(
            errors.some((e) => e.line === changed),
            `${JSON.stringify(m)}: ${JSON.stringify(errors)}`,
          ).toBe(true);
        } else
          expect(published(after), `${JSON.stringify(m)} changed the output with no error`).toEqual(published(base!));
      }),
      { ...verbose, seed: Number(process.env.FUZZ_SEED ?? 20261210), numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('gives back the text and every annotation of generated documents', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const { source, text, counts } = render(g);
        const { parsed, out, diagnostics } = build([{ path: 'gen.md', text: source }]);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed[0].text).toBe(text);
        for (const kind of ['place', 'event', 'weapon', 'range'] as const)
          expect(parsed[0].annotations.filter((a) => a.kind === kind)).toHaveLength(counts[kind]);
        expect(out.events.features).toHaveLength(counts.event);
        expect(out.ranges.features.reduce((n, f) => n + f.properties.claims.length, 0)).toBe(counts.range);
        expect(violations([{ path: 'gen.md', text: source }])).toEqual([]);
      }),
      verbose,
    );
  });

  const TEMPLATE = [
    '---',
    'id: values',
    'title: Values',
    'published: 2024-11-28',
    '---',
    ':event[A missile hit :place[Kyiv]{#kyiv kind=city} on Thursday.]{#v-strike type=missile-strike summary="Strike" label="Kyiv strike" date=2024-11-21 date-added="the city\'s post" place=kyiv claimant="the city" status=reported figures="3 killed" note="n"}',
    ':event[Drones hit :place[Odesa]{#odesa geonames=698740}.]{#v-drones type=drone-attack summary="Drones" date=Thursday place-added="the port\'s post" magnitude=12 unit=drones claimant="the port" status=claimed}',
    'The :weapon[Test-1]{#test-1 class=SRBM name="Test one"} flies :range[300 km]{weapon=test-1 origin="30.5,50.4" origin-name=Base origin-note="n" claimant="the maker" status=claimed sentences=1}.',
    'The :weapon[Test-2]{#test-2} reaches :range[far]{weapon=test-2 min=100 max=300 added="a manual" claimant="the maker" status=claimed}.',
    'Near :place[the depot]{#depot at="35.04,48.46" precision=site confidence=0.5} and :place[Ukraine]{#ua wikidata=Q212}.',
    '',
  ].join('\n');
  /** Values each key must refuse: wrong types and units, overflow, impossible dates, points off the Earth, empties. */
  const WRONG: Record<string, string[]> = {
    date: [
      '2024-02-30',
      '2024-13-01',
      '2024-11-25/2024-10',
      '"2024-11-01/"',
      'NaN',
      'Infinity',
      '1e309',
      '2024-1-1',
      '..',
      '2024-11-01/2024-11-02/2024-11-03',
      '2024-11-31',
      '"31 February"',
    ],
    at: [
      '"200,100"',
      '"-181,0"',
      '"35,91"',
      '"NaN,NaN"',
      '"Infinity,0"',
      '"1e309,0"',
      '"35"',
      '"35,48,1"',
      '""',
      '"0x10,0"',
    ],
    min: ['NaN', 'Infinity', '-5', '1e309', '0x10', '""', '1.2.3', '500'],
    max: ['NaN', 'Infinity', '-5', '1e309', '0x10', '""', '0', '1.2.3', '0.05'],
    precision: ['0', '6', '1.5', 'NaN', '-1', 'galaxy', '""'],
    confidence: ['NaN', 'Infinity', '-0.1', '1.01', '""', '0x1', '1e309'],
    sentences: ['0', '-1', '1.5', 'NaN', '1e309', '""', 'x'],
    status: ['maybe', 'Reported', '""'],
    type: ['Missile_Strike', '"missile strike"', '""', '-x', 'x--y'],
    kind: ['galaxy', '""', 'City'],
    figures: [
      '"3 killed; 3 killed"',
      '"1e309 killed"',
      '"NaN killed"',
      '"Infinity killed"',
      '";;"',
      '"killed"',
      '"3"',
      '"-3 killed"',
      '""',
    ],
    magnitude: ['NaN', 'Infinity', '-1', '1e309', '""', '0x10'],
    geonames: ['99999999999999999999', '1', 'abc', '-1', '0', '1.5', '99999999999999999999', '""'],
    wikidata: ['Q-1', 'q5', 'Q', '"Q1 Q2"', '""', 'Q0'],
    label: [`"${'x'.repeat(41)}"`, '""'],
    origin: ['"200,100"', '"NaN,0"', 'nowhere', '""', '"35,91"'],
    weapon: ['""', 'nowhere', '"test-1 test-1"'],
    place: ['""', 'nowhere', '"kyiv kyiv"'],
    claimant: ['""', '" "'],
    summary: ['""', '" "'],
    unit: ['""'],
    name: ['""', '" "'],
    class: ['""'],
    note: ['""'],
    'origin-name': ['""'],
    'origin-note': ['""'],
    'date-added': ['""', '" "'],
    'place-added': ['""'],
    added: ['""'],
  };
  const cases = Object.entries(WRONG).flatMap(([key, values]) => values.map((v) => [key, v] as const));

  it('refuses a wrong attribute value with an error at its annotation, on its line, not after the value', () => {
    expect(build([{ path: 'values.md', text: TEMPLATE }]).diagnostics.filter((d) => d.severity === 'error')).toEqual(
      [],
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), ([key, value]) => {
        const m = new RegExp(`(?<=[{\\s])${key}=("[^"\\n]*"|[^\\s}"]+)`).exec(TEMPLATE);
        expect(m).not.toBeNull();
        const text = TEMPLATE.slice(0, m!.index + key.length + 1) + value + TEMPLATE.slice(m!.index + m![0].length);
        const { line, column } = position(text, m!.index);
        // The annotation the attribute belongs to: back from its "{" over the "[…]" to the ":".
        let depth = 0;
        let i = text.lastIndexOf('{', m!.index) - 2;
        for (; i > 0 && text[i] !== '\n'; i--) {
          if (text[i] === ']') depth++;
          else if (text[i] === '[' && depth-- === 0) break;
        }
        const from = position(text, text.lastIndexOf(':', i)).column;
        const to = column + key.length + 1 + value.length;
        const errors = build([{ path: 'values.md', text }]).diagnostics.filter((d) => d.severity === 'error');
        expect(
          errors.filter((d) => d.line === line && d.column >= from && d.column <= to).length,
          `${key}=${value}: ${JSON.stringify(errors)}`,
        ).toBeGreaterThan(0);
      }),
      { seed: 20261207, numRuns: 50 },
    );
  });
});
