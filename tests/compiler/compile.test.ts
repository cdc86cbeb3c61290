import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, referencedAreas, type CompileResult } from '../../src/compiler/compile.js';
import { readArea } from '../../src/compiler/areas.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/compiler/claims');
let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

/** Compiles documents held in memory; area paths are read relative to the repository. */
function build(docs: Record<string, string>): CompileResult {
  const parsed = Object.entries(docs).map(([path, text]) => parseDocumentText(path, text));
  const areas = new Map(referencedAreas(parsed).map((key) => [key, readArea(join(root, key))]));
  return compile(parsed, { resolve, areas });
}
const fixtureDocs = () => Object.fromEntries(readdirSync(fixtures).map((f) => [`claims/${f}`, readFileSync(join(fixtures, f), 'utf8')]));
const doc = (id: string, body: string) => `---\nid: ${id}\ntitle: T ${id}\n---\n${body}\n`;

describe('compile: claims across documents', () => {
  let out: CompileResult;
  beforeAll(() => { out = build(fixtureDocs()); });

  it('builds the fixtures without errors', () => {
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('merges claims of one event from two documents, the defining claim first', () => {
    const [strike] = out.events.features;
    expect(strike.properties.id).toBe('test-strike');
    expect(strike.properties.claims.map((c) => [c.document, c.date, c.status])).toEqual([
      ['fixture-a', '2024-03-01', 'reported'],
      ['fixture-b', '2024-03-02', 'disputed'],
    ]);
    expect(strike.properties.sources).toBe(2);
  });

  it('shows conflicting dates side by side and flags the conflict, never averaging', () => {
    const p = out.events.features[0].properties;
    expect(p.conflict).toBe(true);
    expect(p.date).toBe('2024-03-01');
    expect(p.claims[1].excerpt).toBe('The strike on Kharkiv happened on Saturday, not Friday.');
  });

  it('keeps excerpts verbatim and highlights the place mention within them', () => {
    const c = out.events.features[0].properties.claims[0];
    expect(c.excerpt).toBe('A missile struck Kharkiv on Friday, the regional governor said.');
    expect(c.highlights.map(([a, b]) => c.excerpt.slice(a, b))).toEqual(['Kharkiv']);
  });

  it('merges range claims with equal values into one band with several sources', () => {
    const band = out.ranges.features.find((f) => f.properties.max_km === 700)!;
    expect(band.properties.claims.map((c) => c.document)).toEqual(['fixture-a', 'fixture-b']);
    expect(band.properties.sources).toBe(2);
    expect(band.properties.min_km).toBe(600);
  });

  it('draws conflicting range values as separate bands that name each other', () => {
    const six = out.ranges.features.find((f) => f.properties.max_km === 700)!;
    const nine = out.ranges.features.find((f) => f.properties.max_km === 900)!;
    expect(nine.properties.min_km).toBe(0);
    expect(six.properties.conflicts_with).toEqual([nine.properties.id]);
    expect(nine.properties.conflicts_with).toEqual([six.properties.id]);
    expect(nine.properties.label).toBe('Test-1: up to 900 km, disputed claim');
  });

  it('excerpts a range with its whole sentence and converts nautical miles', () => {
    const nm = out.ranges.features.find((f) => f.properties.weapons[0] === 'test-2')!;
    expect(nm.properties.max_km).toBeCloseTo(555.6, 6);
    expect(nm.properties.excerpt).toBe('A drill from the site was noted: Test-2 flew up to 300 nautical miles.');
  });

  it('marks an origin the text does not give as an annotator addition with its note', () => {
    const nm = out.ranges.features.find((f) => f.properties.weapons[0] === 'test-2')!;
    expect(nm.properties.origin).toEqual([125.5, 39.2]);
    expect(nm.properties.origin_note).toBe('Satellite imagery analysis by the annotator (fixture).');
    expect(nm.properties.additions).toEqual([{ field: 'origin', note: 'Satellite imagery analysis by the annotator (fixture).' }]);
  });
});

describe('compile: the seeds', () => {
  let out: CompileResult;
  beforeAll(() => {
    const dir = join(import.meta.dirname, '../../data/documents');
    out = build(Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [`data/documents/${f}`, readFileSync(join(dir, f), 'utf8')])));
  });

  it('builds with no errors', () => {
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has the events a reader expects, with their dates and precision', () => {
    const byId = Object.fromEntries(out.events.features.map((f) => [f.properties.id, f.properties]));
    expect(byId['dnipro-irbm-strike']).toMatchObject({ date: '2024-11-21', place: 'Dnipro', precision: 2, place_kind: 'city' });
    expect(byId['kursk-atacms-strikes']).toMatchObject({ date_start: '2024-11-23', date_end: '2024-11-25', precision: 3, place_kind: 'region' });
    expect(byId['kursk-atacms-strikes'].place).toMatch(/Kursk/);
    expect(byId['record-drone-attack']).toMatchObject({ date: '2024-11-27', magnitude: 188, magnitude_unit: 'drones', precision: 4 });
    expect(byId['crimea-armed-provocations']).toMatchObject({ date: '2014/..', date_end: null, date_precision: 'year', status: 'unverified' });
  });

  it('joins the seeds that report the same event, and shows the contradicted date as a conflict', () => {
    const byId = Object.fromEntries(out.events.features.map((f) => [f.properties.id, f.properties]));
    expect(byId['us-landmines-for-ukraine'].claims.map((c) => c.document)).toEqual(['000_72014bc78f28d419', '002_dbc3ea045d314c19']);
    const coop = byId['russia-dprk-military-cooperation'];
    expect(coop.sources).toBe(2);
    expect(coop.conflict).toBe(true);
    expect(coop.claims.find((c) => c.document === '004_6d3f3a4742a89974')).toMatchObject({ date: '2020-07', status: 'unverified' });
  });

  it('marks dates the text does not give as annotator additions', () => {
    const strike = out.events.features.find((f) => f.properties.id === 'dnipro-irbm-strike')!.properties;
    expect(strike.additions.map((a) => a.field)).toEqual(['date']);
    expect(strike.claims[1]).toMatchObject({ claimant: 'the U.S. Department of Defense', status: 'reported' });
  });

  it('draws the 600-700 km claim and the intermediate-range class as ranges, the class marked derived', () => {
    const kn = out.ranges.features.find((f) => f.properties.weapons.includes('kn-11'))!.properties;
    expect(kn).toMatchObject({ min_km: 600, max_km: 700, stated: true, basis: 'stated', origin: null, origin_place: 'Ukraine', status: 'unverified', weapon: 'KN-11/KN-19' });
    expect(kn.label).toBe('KN-11/KN-19: 600–700 km, unverified claim');
    expect(kn.excerpt.startsWith('The North Korean missile technology being used in Ukraine is the KN-11 and KN-19')).toBe(true);
    const irbm = out.ranges.features.find((f) => f.properties.basis === 'class')!.properties;
    expect(irbm).toMatchObject({ min_km: 3000, max_km: 5500, stated: false, stated_text: 'intermediate-range', origin_place: 'Kapustin Yar' });
    expect(irbm.additions.map((a) => a.field)).toEqual(['origin']);
  });
});

describe('compile: ranges from an area or a line', () => {
  it('draws a band within range of any point of a front line, and names its origin', async () => {
    const { default: pip } = await import('@turf/boolean-point-in-polygon');
    const out = build({
      'tests/fixtures/compiler/x.md': doc('x', ':weapon[Glide bombs]{#kab} reach :range[up to 70 km]{weapon=kab origin-area=areas/front-line.geojson origin-name="the front line" origin-note="Illustrative fixture line." claimant="c" status=claimed} behind the line.'),
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const band = out.ranges.features[0];
    expect(band.properties).toMatchObject({ origin: null, origin_place: 'the front line', max_km: 70, origin_note: 'Illustrative fixture line.' });
    // Along the line's second segment, 50 km east is within range; 100 km east is not.
    expect(pip([37.9 + 50 / 73, 48.9], band)).toBe(true);
    expect(pip([37.9 + 100 / 73, 48.9], band)).toBe(false);
    // Far from the line's middle, though close to its straight-line chord, stays out.
    expect(pip([34.5, 48.6], band)).toBe(false);
  });

  it('reports an area file that is missing or not GeoJSON at the attribute', () => {
    const out = build({ 'tests/fixtures/compiler/y.md': doc('y', ':weapon[W]{#w} flies :range[300 km]{weapon=w origin-area=areas/nope.geojson origin-note="n" claimant="c" status=claimed}.') });
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0].message).toMatch(/^origin-area=areas\/nope\.geojson: file not found/);
    expect(out.diagnostics[0].column).toBeGreaterThan(30);
  });
});

describe('compile: errors name the place and what is allowed', () => {
  it('refers to a place id that the document does not define', () => {
    const out = build({ 'x.md': doc('x', ':event[Something happened.]{#x1 type=policy summary="s" place=nowhere claimant="c" status=reported}') });
    expect(out.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([expect.stringMatching(/^5:\d+ place=nowhere names no place of this document/)]);
  });

  it('rejects an unknown status, listing the allowed ones', () => {
    const out = build({ 'x.md': doc('x', ':event[In :place[Kyiv]{#k}.]{#x2 type=policy summary="s" claimant="c" status=true}') });
    expect(out.diagnostics[0].message).toBe('unknown status "true"; allowed: reported, claimed, disputed, unverified');
  });

  it('rejects an unknown attribute, listing the allowed ones', () => {
    const out = build({ 'x.md': doc('x', 'In :place[Kyiv]{#k colour=red}.') });
    expect(out.diagnostics[0].message).toContain('unknown attribute "colour" on :place[Kyiv]; allowed: id, of, name');
  });

  it('draws a disk past 19,900 km as the whole globe', () => {
    const out = build({ 'x.md': doc('x', 'In :place[Kyiv]{#k}, :weapon[Z]{#z} flies :range[25,000 km]{weapon=z origin=k claimant="c" status=claimed}.') });
    const ring = (out.ranges.features[0].geometry as import('geojson').Polygon).coordinates[0];
    expect(Math.min(...ring.map((p) => p[1]))).toBe(-90);
    expect(Math.max(...ring.map((p) => p[1]))).toBe(90);
    expect(new Set(ring.map((p) => p[0]))).toEqual(new Set([-180, -90, 0, 90, 180]));
  });

  it('warns about an event with no date and a range over 20,000 km', () => {
    const out = build({ 'x.md': doc('x', ':event[In :place[Kyiv]{#k} it rained.]{#x3 type=weather summary="s" claimant="c" status=reported} :weapon[Z]{#z} flies :range[25,000 km]{weapon=z origin=k claimant="c" status=claimed}.') });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = out.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
    expect(warnings.some((m) => m.includes('has no date'))).toBe(true);
    expect(warnings.some((m) => m.includes('25,000 km'))).toBe(true);
  });
});
