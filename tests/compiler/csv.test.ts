import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataBuilder } from '../../src/cli/build-data.js';
import { EVENT_COLUMNS, RANGE_COLUMNS, csvPieces, tableSchema, toCsv } from '../../src/compiler/csv.js';
import type { EventFeature, RangeFeature } from '../../src/contract.js';

const root = join(import.meta.dirname, '../..');

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV exports', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = (await createDataBuilder(join(root, 'tests/fixtures/compiler/claims'), { cwd: root }).build()).files!;
  });

  it('has one row per claim, with every claim field, excerpts verbatim', () => {
    const rows = readCsv(files['events.csv']);
    const header = rows[0];
    expect(header).toEqual(EVENT_COLUMNS.map((c) => c.name));
    const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(body.map((r) => [r.event_id, r.claim, r.claim_date, r.status])).toEqual([
      ['test-strike', '1', '2024-03-01', 'reported'],
      ['test-strike', '2', '2024-03-02', 'disputed'],
    ]);
    expect(body[0].excerpt).toBe('A missile struck Kharkiv on Friday, the regional governor said.');
    expect(body[0].conflict).toBe('true');
  });

  it('lists range claims with conflicting bands named', () => {
    const rows = readCsv(files['ranges.csv']);
    const header = rows[0];
    const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const nine = body.find((r) => r.max_km === '900')!;
    expect(nine.conflicts_with).toBe(body.find((r) => r.max_km === '700')!.range_id);
    expect(body.filter((r) => r.max_km === '700').map((r) => r.document)).toEqual(['fixture-a', 'fixture-b']);
  });

  it('gives each range claim its own words and basis, and a range with no origin as not drawn', () => {
    const f = JSON.parse(files['ranges.geojson']).features.find(
      (g: RangeFeature) => g.properties.max_km === 900,
    ) as RangeFeature;
    Object.assign(f, { geometry: null });
    Object.assign(f.properties, { origin: null, origin_place: null, qualifier: 'about', stated_text: 'about 900 km' });
    f.properties.claims[0] = {
      ...f.properties.claims[0],
      stated_text: 'about 900 km',
      basis: 'stated',
      qualifier: 'about',
    };
    const [header, row] = readCsv(toCsv([f], RANGE_COLUMNS));
    const byName = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(byName).toMatchObject({
      drawn: 'false',
      origin_place: '',
      origin_longitude: '',
      qualifier: 'about',
      claim_stated_text: 'about 900 km',
      claim_basis: 'stated',
    });
  });

  it('quotes commas, quotes and line breaks, and defuses formulas in text cells', () => {
    const f = JSON.parse(files['events.geojson']).features[0] as EventFeature;
    f.properties.claims[0].excerpt = '=HYPERLINK("http://x", "a, b")\nline two';
    f.properties.summary = '-1 dead, "many" hurt';
    const [, row] = readCsv(toCsv([f], EVENT_COLUMNS));
    const byName = Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c.name, row[i]]));
    expect(byName.excerpt).toBe('\'=HYPERLINK("http://x", "a, b")\nline two');
    expect(byName.summary).toBe('\'-1 dead, "many" hurt');
    expect(Number(byName.longitude)).toBe(f.geometry.coordinates[0][0]);
  });

  it("has one row per claim and place of an event in several places, each place with its own coordinates and ids, and each claim's own figures", () => {
    const f = JSON.parse(files['events.geojson']).features[0] as EventFeature;
    const second = {
      ...f.properties.places[0],
      name: 'Poltava Oblast',
      kind: 'region' as const,
      precision: 3 as const,
      precision_label: 'approximate location: Poltava Oblast (region)',
      lonlat: [34.5, 49.6] as [number, number],
      admin1: 'UA-53',
      geonames: null,
      wikidata: 'Q170213',
    };
    f.properties.places.push(second);
    f.geometry.coordinates.push(second.lonlat);
    f.properties.claims[0].figures = [
      { value: 3, unit: 'killed' },
      { value: 64, unit: 'injured' },
    ];
    f.properties.claims[1].figures = [{ value: 5, unit: 'killed' }];
    const [header, ...rows] = readCsv(toCsv([f], EVENT_COLUMNS));
    const body = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(
      body.map((r) => [
        r.claim,
        r.place_number,
        r.places,
        r.place,
        r.precision,
        r.longitude,
        r.admin1,
        r.wikidata,
        r.claim_figures,
      ]),
    ).toEqual([
      [
        '1',
        '1',
        '2',
        'Kharkiv',
        '2',
        String(f.geometry.coordinates[0][0]),
        f.properties.places[0].admin1,
        '',
        '3 killed; 64 injured',
      ],
      ['1', '2', '2', 'Poltava Oblast', '3', '34.5', 'UA-53', 'Q170213', '3 killed; 64 injured'],
      [
        '2',
        '1',
        '2',
        'Kharkiv',
        '2',
        String(f.geometry.coordinates[0][0]),
        f.properties.places[0].admin1,
        '',
        '5 killed',
      ],
      ['2', '2', '2', 'Poltava Oblast', '3', '34.5', 'UA-53', 'Q170213', '5 killed'],
    ]);
  });

  it('is made a row a piece (header first), each row whole with its line end, as the published file', () => {
    const events = JSON.parse(files['events.geojson']).features as EventFeature[];
    const parts = [...csvPieces(events, EVENT_COLUMNS)];
    expect(parts.join('')).toBe(files['events.csv']);
    expect(parts.join('')).toBe(toCsv(events, EVENT_COLUMNS));
    const rows = readCsv(files['events.csv']);
    expect(parts).toHaveLength(rows.length);
    // A row's quoted line break stays inside its piece: each piece reads back as exactly its row.
    events[0].properties.claims[0].excerpt = 'one\r\ntwo, "three"';
    const edited = [...csvPieces(events, EVENT_COLUMNS)];
    for (const [i, part] of edited.entries()) {
      expect(part.endsWith('\r\n')).toBe(true);
      expect(readCsv(part)).toEqual([readCsv(edited.join(''))[i]]);
    }
  });

  it('publishes a Table Schema naming every column with its type', () => {
    expect(JSON.parse(files['ranges.csv.schema.json'])).toEqual(tableSchema(RANGE_COLUMNS, ['range_id', 'claim']));
    const schema = JSON.parse(files['events.csv.schema.json']) as { fields: Array<{ name: string; type: string }> };
    expect(schema.fields.map((f) => f.name)).toEqual(readCsv(files['events.csv'])[0]);
  });
});
