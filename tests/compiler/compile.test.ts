import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, prepareDocument, referencedAreas, type CompileResult } from '../../src/compiler/compile.js';
import { readArea } from '../../src/cli/areas.js';
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
const fixtureDocs = () =>
  Object.fromEntries(readdirSync(fixtures).map((f) => [`claims/${f}`, readFileSync(join(fixtures, f), 'utf8')]));
const doc = (id: string, body: string) => `---\nid: ${id}\ntitle: T ${id}\n---\n${body}\n`;

describe('compile: claims across documents', () => {
  let out: CompileResult;
  beforeAll(() => {
    out = build(fixtureDocs());
  });

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
    // The text says "900 km": the label says so, adding no "up to".
    expect(nine.properties.label).toBe('Test-1: 900 km, disputed claim');
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
    expect(nm.properties.additions).toEqual([
      { field: 'origin', note: 'Satellite imagery analysis by the annotator (fixture).' },
    ]);
  });
});

describe('compile: the seeds', () => {
  let out: CompileResult;
  beforeAll(() => {
    const dir = join(import.meta.dirname, '../../data/documents');
    out = build(
      Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .map((f) => [`data/documents/${f}`, readFileSync(join(dir, f), 'utf8')]),
      ),
    );
  });

  it('builds with no errors', () => {
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has the events a reader expects, with their dates and precision', () => {
    const byId = Object.fromEntries(out.events.features.map((f) => [f.properties.id, f.properties]));
    expect(byId['dnipro-irbm-strike']).toMatchObject({
      date: '2024-11-21',
      place: 'Dnipro',
      precision: 2,
      place_kind: 'city',
    });
    expect(byId['kursk-atacms-strikes']).toMatchObject({
      date_start: '2024-11-23',
      date_end: '2024-11-25',
      precision: 3,
      place_kind: 'region',
    });
    expect(byId['kursk-atacms-strikes'].place).toMatch(/Kursk/);
    expect(byId['record-drone-attack']).toMatchObject({
      date: '2024-11-27',
      magnitude: 188,
      magnitude_unit: 'drones',
      precision: 4,
    });
    expect(byId['crimea-armed-provocations']).toMatchObject({
      date: '2014/..',
      date_end: null,
      date_precision: 'year',
      status: 'unverified',
    });
  });

  it('joins the seeds that report the same event, and shows the contradicted date as a conflict', () => {
    const byId = Object.fromEntries(out.events.features.map((f) => [f.properties.id, f.properties]));
    expect(byId['us-landmines-for-ukraine'].claims.map((c) => c.document)).toEqual([
      '000_72014bc78f28d419',
      '002_dbc3ea045d314c19',
    ]);
    const coop = byId['russia-dprk-military-cooperation'];
    expect(coop.sources).toBe(2);
    expect(coop.conflict).toBe(true);
    expect(coop.claims.find((c) => c.document === '004_6d3f3a4742a89974')).toMatchObject({
      date: '2020-07',
      status: 'unverified',
    });
  });

  it('marks dates the text does not give as annotator additions', () => {
    const strike = out.events.features.find((f) => f.properties.id === 'dnipro-irbm-strike')!.properties;
    expect(strike.additions.map((a) => a.field)).toEqual(['date']);
    expect(strike.claims[1]).toMatchObject({ claimant: 'the U.S. Department of Defense', status: 'reported' });
  });

  it('draws the 600-700 km claim and the intermediate-range class as ranges, the class marked derived', () => {
    const kn = out.ranges.features.find((f) => f.properties.weapons.includes('kn-11'))!.properties;
    expect(kn).toMatchObject({
      min_km: 600,
      max_km: 700,
      stated: true,
      basis: 'stated',
      origin: null,
      origin_place: 'Ukraine',
      status: 'unverified',
      weapon: 'KN-11/KN-19',
    });
    expect(kn.label).toBe('KN-11/KN-19: 600–700 km, unverified claim');
    expect(
      kn.excerpt.startsWith('The North Korean missile technology being used in Ukraine is the KN-11 and KN-19'),
    ).toBe(true);
    const irbm = out.ranges.features.find((f) => f.properties.basis === 'class')!.properties;
    expect(irbm).toMatchObject({
      min_km: 3000,
      max_km: 5500,
      stated: false,
      stated_text: 'intermediate-range',
      origin_place: 'Kapustin Yar',
    });
    expect(irbm.additions.map((a) => a.field)).toEqual(['origin']);
  });
});

describe('compile: ranges from an area or a line', () => {
  it('draws a band within range of any point of a front line, and names its origin', async () => {
    const { default: pip } = await import('@turf/boolean-point-in-polygon');
    const out = build({
      'tests/fixtures/compiler/x.md': doc(
        'x',
        ':weapon[Glide bombs]{#kab} reach :range[up to 70 km]{weapon=kab origin-area=areas/front-line.geojson origin-name="the front line" origin-note="Illustrative fixture line." claimant="c" status=claimed} behind the line.',
      ),
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const band = out.ranges.features[0];
    expect(band.properties).toMatchObject({
      origin: null,
      origin_place: 'the front line',
      max_km: 70,
      origin_note: 'Illustrative fixture line.',
    });
    // Along the line's second segment, 50 km east is within range; 100 km east is not.
    const polygon = band.geometry!;
    expect(pip([37.9 + 50 / 73, 48.9], polygon)).toBe(true);
    expect(pip([37.9 + 100 / 73, 48.9], polygon)).toBe(false);
    // Far from the line's middle, though close to its straight-line chord, stays out.
    expect(pip([34.5, 48.6], polygon)).toBe(false);
  });

  it('reports an area file that is missing or not GeoJSON at the attribute', () => {
    const out = build({
      'tests/fixtures/compiler/y.md': doc(
        'y',
        ':weapon[W]{#w} flies :range[300 km]{weapon=w origin-area=areas/nope.geojson origin-note="n" claimant="c" status=claimed}.',
      ),
    });
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0].message).toMatch(/^origin-area=areas\/nope\.geojson: file not found/);
    expect(out.diagnostics[0].column).toBeGreaterThan(30);
  });
});

describe('compile: errors name the place and what is allowed', () => {
  it('refers to a place id that the document does not define', () => {
    const out = build({
      'x.md': doc(
        'x',
        ':event[Something happened.]{#x1 type=policy summary="s" place=nowhere claimant="c" status=reported}',
      ),
    });
    expect(out.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^5:\d+ place=nowhere names no place of this document/),
    ]);
  });

  it('rejects an unknown status, listing the allowed ones', () => {
    const out = build({
      'x.md': doc('x', ':event[In :place[Kyiv]{#k}.]{#x2 type=policy summary="s" claimant="c" status=true}'),
    });
    expect(out.diagnostics[0].message).toBe('unknown status "true"; allowed: reported, claimed, disputed, unverified');
  });

  it('rejects an unknown attribute, listing the allowed ones', () => {
    const out = build({ 'x.md': doc('x', 'In :place[Kyiv]{#k colour=red}.') });
    expect(out.diagnostics[0].message).toContain('unknown attribute "colour" on :place[Kyiv]; allowed: id, of, name');
  });

  it('draws a disk past 19,900 km as the whole globe', () => {
    const out = build({
      'x.md': doc(
        'x',
        'In :place[Kyiv]{#k}, :weapon[Z]{#z} flies :range[25,000 km]{weapon=z origin=k claimant="c" status=claimed}.',
      ),
    });
    const ring = (out.ranges.features[0].geometry as import('geojson').Polygon).coordinates[0];
    expect(Math.min(...ring.map((p) => p[1]))).toBe(-90);
    expect(Math.max(...ring.map((p) => p[1]))).toBe(90);
    expect(new Set(ring.map((p) => p[0]))).toEqual(new Set([-180, -90, 0, 90, 180]));
  });

  it('warns about an event with no date and a range over 20,000 km', () => {
    const out = build({
      'x.md': doc(
        'x',
        ':event[In :place[Kyiv]{#k} it rained.]{#x3 type=weather summary="s" claimant="c" status=reported} :weapon[Z]{#z} flies :range[25,000 km]{weapon=z origin=k claimant="c" status=claimed}.',
      ),
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = out.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
    expect(warnings.some((m) => m.includes('has no date'))).toBe(true);
    expect(warnings.some((m) => m.includes('25,000 km'))).toBe(true);
  });
});

describe('prepareDocument: one round of errors, each one line', () => {
  const errorsOf = (text: string) =>
    prepareDocument(parseDocumentText('a.md', text), resolve).diagnostics.filter((d) => d.severity === 'error');

  it('reports a markup error and an unrelated attribute error of the same document together', () => {
    const found = errorsOf(
      '---\nid: t\ntitle: T\n---\nThe city of :place[Dnipro]{#dnipro kind=city was hit.\n:place[Kyiv]{#kyiv colour=blue} too.',
    );
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [5, 27],
      [6, 20],
    ]);
  });

  it('still checks the annotations of a document whose front matter is broken', () => {
    const found = errorsOf(
      '---\nid: t\ntitle: [unclosed\n---\n:place[Kyiv]{#kyiv colour=blue} and :place[Zzyzxqville]{#z}.',
    );
    expect(found.map((d) => d.line)).toEqual([3, 5, 5]);
    expect(found[1].message).toContain('unknown attribute "colour"');
    expect(found[2].message).toContain('Zzyzxqville');
  });

  it('writes every message on one line, whatever the input quotes', () => {
    const broken = [
      '---\nid: t\ntitle: "a\nb\n---\nx',
      '---\nid: t\ntitle: T\n---\nA :city[Kyiv\nand more]{#k} here.',
      '---\nid: t\ntitle: T\n---\nStrike on :place[Dnipro\nwas{#d} reported.',
      '---\nid: t\ntitle: T\n---\n:place[Kyiv]{#k kind="city\nregion"',
      '---\nid: t\ntitle: T\n---\nOfficials in place[Rus\nsia]{of=russia} said so.',
      '---\nid: t\ntitle: T\n---\n:place[the\n:event[x]{#e}]{#p}',
      '---\nid: t\ntitle: T\n---\n:event[Drones\nstruck.]{#e type="Drone\nAttack" summary="a\u2028b" claimant="c\nd" status=maybe}',
      '---\nid: t\ntitle: T\ntext_sha256: nope\n---\nText',
      '---\nid: "kyі\nv"\ntitle: T\n---\nText',
      '---\nid: t\ntitle: T\n---\n::place[Kyiv\n]{#k}\n',
    ];
    let count = 0;
    for (const text of broken) {
      for (const d of prepareDocument(parseDocumentText('a.md', text), resolve).diagnostics) {
        count++;
        expect(d.message, d.message).not.toMatch(/[\r\n\v\f\u0085\u2028\u2029]/);
      }
    }
    expect(count).toBeGreaterThanOrEqual(broken.length);
  });
});

describe('compile: ranges as the text states them', () => {
  const range = (words: string, attrs = 'origin=k') =>
    doc(
      'r',
      `In :place[Kyiv]{#k}, :weapon[Z]{#z class=SRBM} flies :range[${words}]{weapon=z ${attrs} claimant="c" status=claimed}.`,
    );

  it("reads every written form as the text's own figure, keeping its qualifier in the label", () => {
    const cases: Array<[string, number, number, string | null, string]> = [
      ['between 3,000 and 5,500 km', 3000, 5500, null, 'Z: 3,000–5,500 km, claimed'],
      ['3,000 to 5,500 km', 3000, 5500, null, 'Z: 3,000–5,500 km, claimed'],
      ['up to 900 km', 0, 900, 'up to', 'Z: up to 900 km, claimed'],
      ['at least 900 km', 0, 900, 'at least', 'Z: at least 900 km, claimed'],
      ['more than 900 km', 0, 900, 'more than', 'Z: more than 900 km, claimed'],
      ['about 900 km', 0, 900, 'about', 'Z: about 900 km, claimed'],
      ['approximately 900 km', 0, 900, 'approximately', 'Z: approximately 900 km, claimed'],
      ['some 900 km', 0, 900, 'some', 'Z: some 900 km, claimed'],
      ['nearly 900 km', 0, 900, 'nearly', 'Z: nearly 900 km, claimed'],
      ['500 miles', 0, 804.672, null, 'Z: 804.7 km, claimed'],
      ['about 500 nautical miles', 0, 926, 'about', 'Z: about 926 km, claimed'],
    ];
    for (const [words, min, max, qualifier, label] of cases) {
      const out = build({ 'r.md': range(words) });
      expect(
        out.diagnostics.filter((d) => d.severity === 'error'),
        words,
      ).toEqual([]);
      const p = out.ranges.features[0].properties;
      expect(
        {
          min: p.min_km,
          max: p.max_km,
          qualifier: p.qualifier,
          label: p.label,
          stated: p.stated,
          basis: p.basis,
          additions: p.additions,
        },
        words,
      ).toEqual({ min, max, qualifier, label, stated: true, basis: 'stated', additions: [] });
      expect(p.claims[0], words).toMatchObject({ basis: 'stated', stated_text: words, qualifier });
    }
  });

  it('keeps a stated range whose origin the text does not give, as a claim of its weapon that is not drawn', () => {
    const out = build({ 'r.md': range('about 900 km', '') });
    expect(out.diagnostics).toEqual([]);
    const [f] = out.ranges.features;
    expect(f.geometry).toBeNull();
    expect(f.properties).toMatchObject({
      weapons: ['z'],
      max_km: 900,
      qualifier: 'about',
      origin: null,
      origin_place: null,
      origin_note: null,
      stated: true,
      additions: [],
      label: 'Z: about 900 km, claimed',
    });
    expect(f.properties.claims[0]).toMatchObject({ place: null, excerpt: 'In Kyiv, Z flies about 900 km.' });
  });

  it('draws it once an annotator adds an origin, marked as an addition', () => {
    const out = build({
      'r.md': range('about 900 km', 'origin="30.5,50.4" origin-note="Launch site from imagery (fixture)."'),
    });
    expect(out.diagnostics).toEqual([]);
    const [f] = out.ranges.features;
    expect(f.geometry?.type).toBe('Polygon');
    expect(f.properties.additions).toEqual([{ field: 'origin', note: 'Launch site from imagery (fixture).' }]);
  });

  it('refuses an origin note with no origin', () => {
    const out = build({ 'r.md': range('about 900 km', 'origin-note="n"') });
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('origin-note= describes an origin, but :range[about 900 km] has none'),
    ]);
  });

  it('merges claims of the same weapon, values and origin into one band, whatever their basis', () => {
    const out = build({
      'r.md': doc(
        'r',
        'From :place[Kyiv]{#k}, :weapon[Z]{#z} is an :range[intermediate-range]{weapon=z origin=k claimant="a" status=claimed} missile: it flies :range[between 3,000 and 5,500 km]{weapon=z origin=k claimant="b" status=reported}.',
      ),
    });
    expect(out.diagnostics).toEqual([]);
    expect(out.ranges.features).toHaveLength(1);
    const p = out.ranges.features[0].properties;
    expect(p.claims.map((c) => [c.claimant, c.basis, c.stated_text])).toEqual([
      ['a', 'class', 'intermediate-range'],
      ['b', 'stated', 'between 3,000 and 5,500 km'],
    ]);
    // The text's figures lead the band.
    expect(p).toMatchObject({
      basis: 'stated',
      stated: true,
      stated_text: 'between 3,000 and 5,500 km',
      label: 'Z: 3,000–5,500 km, claimed',
      status: 'claimed',
      conflicts_with: [],
    });
  });

  it('flags stated values that disagree, wherever drawn from, but not a class beside a stated figure', () => {
    const out = build({
      'r.md': doc(
        'r',
        'From :place[Kyiv]{#k}, the :range[short-range]{weapon=z origin=k claimant="a" status=claimed} :weapon[Z]{#z} flies :range[600 km]{weapon=z origin=k claimant="b" status=claimed}; others say :range[about 900 km]{weapon=z claimant="c" status=disputed}.',
      ),
    });
    expect(out.diagnostics).toEqual([]);
    const by = Object.fromEntries(
      out.ranges.features.map((f) => [
        `${f.properties.basis} ${f.properties.max_km} ${f.properties.origin_place}`,
        f.properties,
      ]),
    );
    expect(Object.keys(by).sort()).toEqual(['class 1000 Kyiv', 'stated 600 Kyiv', 'stated 900 null']);
    expect(by['class 1000 Kyiv'].conflicts_with).toEqual([]);
    expect(by['stated 600 Kyiv'].conflicts_with).toEqual([by['stated 900 null'].id]);
    expect(by['stated 900 null'].conflicts_with).toEqual([by['stated 600 Kyiv'].id]);
  });
});

describe('compile: dates the text gives relative to its publication', () => {
  const dated = (published: string | null, date: string, extra = '') =>
    `---\nid: d\ntitle: T d\npublished: ${published ?? 'null'}\n---\n:event[On Thursday a drone hit :place[Kyiv]{#k}.]{#d1 type=drone-attack summary="s" date="${date}" ${extra} claimant="c" status=reported}\n`;

  it("resolves the text's words against published and says so, not as an annotator addition", () => {
    const out = build({ 'd.md': dated('2024-11-28', 'Thursday') });
    expect(out.diagnostics).toEqual([]);
    const p = out.events.features[0].properties;
    expect(p).toMatchObject({
      date: '2024-11-28',
      date_precision: 'day',
      date_basis: 'relative',
      date_text: 'Thursday',
      date_reference: '2024-11-28',
      additions: [],
    });
  });

  it('marks a full date as stated and a date-added as added', () => {
    expect(build({ 'd.md': dated('2024-11-28', '2024-11-28') }).events.features[0].properties).toMatchObject({
      date_basis: 'stated',
      date_text: null,
      date_reference: null,
    });
    const added = build({ 'd.md': dated(null, '2024-11-28', 'date-added="From the wire\'s dateline."') }).events
      .features[0].properties;
    expect(added).toMatchObject({
      date_basis: 'added',
      additions: [{ field: 'date', note: "From the wire's dateline." }],
    });
  });

  it('without published, a relative date is an error at the attribute that says what to add', () => {
    const out = build({ 'd.md': dated(null, 'Thursday') });
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ severity: 'error', line: 6 });
    expect(out.diagnostics[0].column).toBeGreaterThan(40);
    expect(out.diagnostics[0].message).toContain('add published: YYYY-MM-DD, or write the date itself with date-added');
  });

  it('accepts an interval whose end is a coarser date that ends later, and rejects one that ends before it starts', () => {
    expect(build({ 'd.md': dated('2024-11-28', '2024-11-25/2024-11') }).diagnostics).toEqual([]);
    const out = build({ 'd.md': dated('2024-11-28', '2024-11-25/2024-10') });
    expect(out.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('ends before it starts')]);
  });
});

describe('compile: events in several places, with figures', () => {
  const raid = doc(
    'raid',
    [
      ':event[Drones struck :place[Kyiv]{#kyiv}, :place[Kirovohrad region]{#kirovohrad-region} and :place[Poltava region]{#poltava-region} overnight.]{#raid type=drone-attack summary="Overnight drone raid" date=2024-11-27 place="kyiv kirovohrad-region poltava-region" figures="3 killed; 64 injured" claimant="the regional governors" status=reported}',
      '',
      ':event[The air force said 188 drones and 24 missiles were launched.]{of=raid figures="188 drones; 24 missiles" claimant="Ukraine\'s Air Force" status=reported}',
      '',
      ':event[Another count gave 200 drones.]{of=raid magnitude=200 unit=drones claimant="a monitoring group" status=unverified}',
      '',
      ':event[A smaller raid hit :place[Odesa]{#odesa}.]{#odesa-raid type=drone-attack summary="Raid on Odesa" date=2024-11-28 place=odesa magnitude=40 unit=Drones claimant="the mayor" status=reported}',
    ].join('\n'),
  );
  let out: CompileResult;
  beforeAll(() => {
    out = build({ 'raid.md': raid });
  });
  const event = (id: string) => out.events.features.find((f) => f.properties.id === id)!;

  it('builds without errors', () => {
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps every place of an event, each with its own kind, precision, label and ids, and draws each', () => {
    const f = event('raid');
    expect(f.geometry.type).toBe('MultiPoint');
    expect(f.properties.places.map((p) => [p.kind, p.precision, p.country])).toEqual([
      ['city', 2, 'UA'],
      ['region', 3, 'UA'],
      ['region', 3, 'UA'],
    ]);
    expect(f.properties.places.map((p) => p.name)).toEqual([
      'Kyiv',
      expect.stringMatching(/^Kirovohrad/),
      expect.stringMatching(/^Poltava/),
    ]);
    expect(f.properties.places[1].precision_label).toContain('(region)');
    expect(f.properties.places.every((p) => p.admin1?.startsWith('UA-'))).toBe(true);
    expect(f.geometry.coordinates).toEqual(f.properties.places.map((p) => p.lonlat));
    expect(f.properties.claims[0].place).toBe(f.properties.places.map((p) => p.name).join('; '));
    // The first place stays flat for simple readers.
    expect([f.properties.place, f.properties.place_kind, f.properties.precision]).toEqual(['Kyiv', 'city', 2]);
  });

  it("keeps each claim's figures, the joining claims' included, side by side", () => {
    const claims = event('raid').properties.claims;
    expect(claims.map((c) => c.figures)).toEqual([
      [
        { value: 3, unit: 'killed' },
        { value: 64, unit: 'injured' },
      ],
      [
        { value: 188, unit: 'drones' },
        { value: 24, unit: 'missiles' },
      ],
      [{ value: 200, unit: 'drones' }],
    ]);
  });

  it('sizes by the largest figure, over all claims, in the unit that figures of the most events state', () => {
    expect([event('raid').properties.magnitude, event('raid').properties.magnitude_unit]).toEqual([200, 'drones']);
    expect([event('odesa-raid').properties.magnitude, event('odesa-raid').properties.magnitude_unit]).toEqual([
      40,
      'Drones',
    ]);
  });

  it('reports a figure without its unit, and a unit without its number', () => {
    const bad = build({
      'x.md': doc(
        'x',
        ':event[In :place[Kyiv]{#k}.]{#x type=policy summary="s" place=k figures="3 killed; many" claimant="c" status=reported} :event[Again.]{of=x unit=drones claimant="c" status=reported} :event[Again.]{of=x magnitude=5 claimant="c" status=reported}',
      ),
    });
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('figures: "many" is not a number and what it counts'),
      expect.stringContaining('unit="drones" needs magnitude='),
      expect.stringContaining('magnitude=5 needs unit='),
    ]);
  });

  it('refuses magnitude= with figures= on one claim, at the later of the two, with the one figures= to write', () => {
    const ev = (attrs: string) =>
      build({
        'x.md': doc(
          'x',
          `:event[In :place[Kyiv]{#k}.]{#x type=policy summary="s" place=k ${attrs} date=2024 claimant="c" status=reported}`,
        ),
      });
    // Different figures: neither is lost, the message merges them.
    const both = ev('magnitude=188 unit=drones figures="3 killed"');
    expect(both.diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[5, 91, 'error']]);
    expect(both.diagnostics[0].message).toBe(
      'magnitude=188 unit="drones" and figures="3 killed" are both given: magnitude= with unit= is the one-figure form of figures=, and a claim states its figures once; write figures="188 drones; 3 killed" and delete magnitude= and unit=',
    );
    expect(both.events.features).toEqual([]);
    // The same figure in both (it was listed twice in the claim's figures): said so, written once.
    const same = ev('figures="188 Drones; 5 missiles" magnitude=188 unit=drones');
    expect(same.diagnostics.map((d) => [d.line, d.column])).toEqual([[5, 98]]);
    expect(same.diagnostics[0].message).toMatch(
      /, and both state 188 drones: .* write figures="188 drones; 5 missiles" /,
    );
    // Either alone is still read.
    expect(ev('magnitude=188 unit=drones').events.features[0].properties.claims[0].figures).toEqual([
      { value: 188, unit: 'drones' },
    ]);
    expect(ev('figures="3 killed"').diagnostics).toEqual([]);
  });
});

describe('compile: places that claims state', () => {
  const event = (defining: string, joining: string) =>
    build({
      'x.md': doc('x', `${defining}\n\n${joining}`),
    }).events.features[0].properties;

  it('takes a place inside another as consistent: a city and its region or country, Moscow and Moscow Oblast', () => {
    expect(
      event(
        ':event[A drone hit :place[Moscow]{#m}.]{#e type=drone-attack summary="s" date=2024-11-01 place=m claimant="c" status=reported}',
        ':event[Drones over :place[the Moscow region]{#mr}.]{of=e place=mr claimant="d" status=claimed}',
      ).conflict,
    ).toBe(false);
    expect(
      event(
        ':event[A strike on :place[Kharkiv]{#k}.]{#e type=missile-strike summary="s" date=2024-11-01 place=k claimant="c" status=reported}',
        ':event[A strike in :place[Ukraine]{#u}.]{of=e place=u claimant="d" status=claimed}',
      ).conflict,
    ).toBe(false);
    expect(
      event(
        ':event[A strike on :place[Kharkiv]{#k}.]{#e type=missile-strike summary="s" date=2024-11-01 place=k claimant="c" status=reported}',
        ':event[A strike in :place[Kharkiv Oblast]{#ko}.]{of=e place=ko claimant="d" status=claimed}',
      ).conflict,
    ).toBe(false);
  });

  it('takes a point inside a wide area as consistent and one well outside it as a conflict, on the globe', () => {
    const gulf = (at: string) =>
      event(
        ':event[A ship was hit in :place[the Gulf of Aden]{#g}.]{#e type=missile-strike summary="s" date=2024-11-01 place=g claimant="c" status=claimed}',
        `:event[It was hit at :place[sea]{#p at="${at}" precision=site}.]{of=e place=p claimant="d" status=reported}`,
      ).conflict;
    // Off Aden, and at the gulf's mouth by Bab-el-Mandeb (about 500 km from the gulf's point): inside.
    expect(gulf('45.3,12.6')).toBe(false);
    expect(gulf('43.6,12.5')).toBe(false);
    // In the Gulf of Oman (about 1,700 km away) and off Suez (about 2,500 km): well outside. The
    // reach of a continent (5,000 km) took both for the same happening.
    expect(gulf('58.3,24.6')).toBe(true);
    expect(gulf('32.6,29.8')).toBe(true);
    // Across the antimeridian: the Bering Sea's point is at 178°W, a point at 179°E is 200 km from it.
    const bering = (at: string) =>
      event(
        ':event[A patrol in :place[the Bering Sea]{#b}.]{#e type=military-activity summary="s" date=2024-11-01 place=b claimant="c" status=claimed}',
        `:event[It was at :place[sea]{#p at="${at}" precision=site}.]{of=e place=p claimant="d" status=reported}`,
      ).conflict;
    expect(bering('179,57.5')).toBe(false);
    expect(bering('150,45')).toBe(true);
  });

  it('shows an event as disputed when any claim disputes it, each claim keeping its own status', () => {
    const contested = event(
      ':event[Officers died in a strike on :place[Sevastopol]{#s}.]{#e type=missile-strike summary="s" date=2024-11-01 place=s claimant="c" status=claimed}',
      ':event[The commander is alive, the ministry said.]{of=e claimant="d" status=disputed}',
    );
    expect(contested.status).toBe('disputed');
    expect(contested.claims.map((c) => c.status)).toEqual(['claimed', 'disputed']);
    expect(contested.claimant).toBe('c');
    const agreed = event(
      ':event[A strike on :place[Sevastopol]{#s}.]{#e type=missile-strike summary="s" date=2024-11-01 place=s claimant="c" status=claimed}',
      ':event[A strike, the paper said.]{of=e claimant="d" status=reported}',
    );
    expect(agreed.status).toBe('claimed');
  });

  it('labels a band by its own status: disputed when any of its claims is, as its colour and pattern show', () => {
    const out = build({
      'r.md': doc(
        'r',
        'From :place[Kyiv]{#k}, the :weapon[Z]{#z} flies :range[600 km]{weapon=z origin=k claimant="a" status=claimed}; others say it flies :range[600 km]{weapon=z origin=k claimant="b" status=disputed}.',
      ),
    });
    const [band] = out.ranges.features;
    expect(out.ranges.features).toHaveLength(1);
    expect(band.properties.claims.map((c) => c.status)).toEqual(['claimed', 'disputed']);
    expect(band.properties.status).toBe('disputed');
    expect(band.properties.label).toContain('disputed');
    expect(band.properties.label).not.toContain('claimed');
  });

  it('flags places that cannot both be true', () => {
    expect(
      event(
        ':event[A strike on :place[Kharkiv]{#k}.]{#e type=missile-strike summary="s" date=2024-11-01 place=k claimant="c" status=reported}',
        ':event[No, on :place[Odesa]{#o}.]{of=e place=o claimant="d" status=disputed}',
      ).conflict,
    ).toBe(true);
  });
});

describe('compile: a point the annotator gives', () => {
  it('needs precision=, never "exact location" by default', () => {
    const out = build({
      'x.md': doc(
        'x',
        ':event[A blast at :place[the depot]{#d at="35.1,48.4"}.]{#e type=explosion summary="s" date=2024-11-01 place=d claimant="c" status=reported}',
      ),
    });
    expect(out.diagnostics[0].message).toContain('a point given with at= needs precision=');
    expect(out.events.features).toEqual([]);
  });

  it("states the precision the annotator gives, and that the point is the annotator's", () => {
    const out = build({
      'x.md': doc(
        'x',
        ':event[A blast at :place[the depot]{#d at="35.1,48.4" precision=city}.]{#e type=explosion summary="s" date=2024-11-01 place=d claimant="c" status=reported}',
      ),
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [place] = out.events.features[0].properties.places;
    expect([place.kind, place.precision, place.precision_label]).toEqual([
      'coordinates',
      2,
      'point given by the annotator, precise to a town or city: the depot',
    ]);
  });

  it('takes the precision from kind= when precision= is not given', () => {
    const out = build({
      'x.md': doc(
        'x',
        ':event[A blast at :place[the area]{#d at="35.1,48.4" kind=region}.]{#e type=explosion summary="s" date=2024-11-01 place=d claimant="c" status=reported}',
      ),
    });
    expect(out.events.features[0].properties.places[0].precision).toBe(3);
  });

  it('rejects precision= on a named place', () => {
    const out = build({ 'x.md': doc('x', 'In :place[Kyiv]{#k precision=site}.') });
    expect(out.diagnostics[0].message).toContain('precision= is for a point given with at=');
  });
});

describe("compile: an event's marker label (label=)", () => {
  const strike = (attrs: string, more = '') =>
    doc(
      'l',
      `:event[A missile struck :place[Kyiv]{#k} today.]{#s type=missile-strike summary="Strike on Kyiv" place=k ${attrs} claimant="c" status=reported}${more}`,
    );

  it("passes the annotator's label to the event's properties, spaces folded", () => {
    const out = build({ 'l.md': strike('label="Kyiv   power plant"') });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.events.features[0].properties.label).toBe('Kyiv power plant');
    expect(out.events.features[0].properties.place).toBe('Kyiv');
  });

  it('is null without label=, so the map shows the place name', () => {
    const out = build({ 'l.md': strike('') });
    expect(out.events.features[0].properties.label).toBeNull();
  });

  it('refuses an empty or over-long label, at the attribute', () => {
    const empty = build({ 'l.md': strike('label=""') });
    expect(empty.diagnostics.find((d) => d.severity === 'error')?.message).toContain('label= is empty');
    const long = build({ 'l.md': strike(`label="${'x'.repeat(41)}"`) });
    const error = long.diagnostics.find((d) => d.severity === 'error')!;
    expect(error.message).toContain('label= is 41 characters; a marker label is at most 40');
    expect(error.column).toBeGreaterThan(1);
    expect(build({ 'l.md': strike(`label="${'x'.repeat(40)}"`) }).events.features[0].properties.label).toBe(
      'x'.repeat(40),
    );
  });

  it('belongs on the definition, not on an of= claim', () => {
    const out = build({ 'l.md': strike('', ' :event[Others agree.]{of=s label="Other" claimant="d" status=claimed}') });
    expect(out.diagnostics.find((d) => d.severity === 'error')?.message).toContain(
      "give it once, on the event's definition (#s)",
    );
  });
});

describe('compile: attributes that would be dropped', () => {
  it('refuses origin-name= on a range drawn from a place, at the attribute', () => {
    const out = build({
      'a.md': doc(
        'a',
        'From :place[Kyiv]{#kyiv} the :weapon[X]{#wx} flies :range[900 km]{weapon=wx origin=kyiv origin-name=Foo claimant=a status=claimed}.',
      ),
    });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'a.md', line: 5, column: 89 });
    expect(errors[0].message).toMatch(/^origin-name= names an area or a point; origin=kyiv is a place/);
  });

  it('refuses two pins on one place, in the text and in the front matter', () => {
    const out = build({
      'a.md': `---\nid: a\ntitle: T\nplaces:\n  zz:\n    geonames: 703448\n    wikidata: Q1899\n    note: n\n---\nIn :place[Kyiv]{#kyiv geonames=703448 wikidata=Q1899}.\n`,
    });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [7, 15, 'place "zz" has two pins, geonames and wikidata; give one'],
      [10, 39, ':place[Kyiv] has two pins, geonames=703448 and wikidata=Q1899; give one'],
    ]);
  });
});

describe('compile: front-matter places are reported at the value that fails', () => {
  it('an unknown name at the name, a bad precision at the precision', () => {
    const out = build({
      'a.md': `---\nid: a\ntitle: T\nplaces:\n  zz:\n    name: Zzyzxqville\n    note: n\n  pt:\n    at: [30, 50]\n    precision: 9\n    note: n\n---\nText.\n`,
    });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.line, e.column, e.message.slice(0, 24)])).toEqual([
      [6, 11, 'unknown place "Zzyzxqvil'],
      [10, 16, 'place "pt": a point (at:'],
    ]);
  });
});

describe('compile: relative dates when the front matter has errors', () => {
  const EVENT =
    ':event[On Thursday :place[Kyiv]{#kyiv} was hit.]{#e type=strike summary=s date=Thursday place=kyiv claimant=x status=reported}';
  it('still counts them from a valid published: when another field has an error', () => {
    const out = build({ 'a.md': `---\nid: a\npublished: 2024-11-28\n---\n${EVENT}\n` });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    // Before: the missing title, and "the front matter has no published: date" at the event.
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([[2, 1, 'front matter needs "title"']]);
  });

  it('says that published: is not a date, not that there is none', () => {
    const out = build({ 'a.md': `---\nid: a\ntitle: T\npublished: 2024-02-30\n---\n${EVENT}\n` });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, 12],
      [6, 75],
    ]);
    expect(errors[1].message).toBe(
      'date="Thursday" cannot be read: it counts from the publication date, and published: "2024-02-30" (line 4) is not a date; fix published:',
    );
  });
});

describe('compile: dates after publication', () => {
  const text = (date: string, extra = '') =>
    `---\nid: a\ntitle: T\npublished: 2024-11-28\n---\n:event[:place[Kyiv]{#kyiv} was hit.]{#e type=strike summary=s date=${date} place=kyiv claimant=x status=reported${extra}}\n`;
  const warnings = (date: string, extra = '', today?: string) =>
    compile([parseDocumentText('a.md', text(date, extra))], {
      resolve,
      areas: new Map(),
      ...(today ? { today } : {}),
    }).diagnostics.filter((d) => d.severity === 'warning');

  it('warns at an event date that begins after the document was published, unless a note explains it', () => {
    const [w, ...rest] = warnings('2024-12');
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ file: 'a.md', line: 6, column: 63 });
    expect(w.message).toMatch(/^date=2024-12 begins after the document was published \(2024-11-28\)/);
    expect(warnings('2024-11')).toEqual([]);
    expect(warnings('2024-12-05', ' note="talks planned for December 5"')).toEqual([]);
  });

  it('warns at a published: after the day the build is given as today', () => {
    const [w] = warnings('2024-11-01', '', '2024-11-20');
    expect(w).toMatchObject({ file: 'a.md', line: 4, column: 12 });
    expect(w.message).toMatch(/^published: 2024-11-28 is after today \(2024-11-20\)/);
    expect(warnings('2024-11-01', '', '2026-01-01')).toEqual([]);
  });
});

describe('compile: an annotator-added range in digits only', () => {
  it('refuses max= and min= that Number() would read otherwise (hex, exponents), at the attribute', () => {
    const out = build({
      'a.md': doc(
        'a',
        'From :place[Kyiv]{#kyiv} the :weapon[X]{#wx} :range[flies]{weapon=wx origin=kyiv max=0x1F4 added=n claimant=a status=claimed}.\n' +
          'The :weapon[Y]{#wy} :range[flies]{weapon=wy origin=kyiv min=1e1 max=1e300 added=n claimant=a status=claimed}.',
      ),
    });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, 82, 'max="0x1F4" must be a positive number of km, in digits (e.g. max=300)'],
      [6, 57, 'min="1e1" must be a number of km, in digits, from 0 up to below max'],
      [6, 65, 'max="1e300" must be a positive number of km, in digits (e.g. max=300)'],
    ]);
  });
});
