import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventCollection } from '../../src/contract.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics.js';
import { undeclaredTypes } from '../../src/compiler/type-colours.js';

const events = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/app/events.geojson'), 'utf8')) as EventCollection
).features;

describe('undeclaredTypes', () => {
  it("warns once per type the table lacks, at its first event's claim, naming the table to edit", () => {
    const table = { 'missile-strike': '#D55E00', 'drone-attack': '#E69F00' };
    const paths = new Map([['nis-2024-11-22-air-defence', 'data/documents/nis.md']]);
    const out = undeclaredTypes(events, table, paths, '#8c8c8c').map(formatDiagnostic);
    const transfer = events.find((f) => f.properties.type === 'arms-transfer')!.properties.claims[0];
    expect(out).toEqual([
      `data/documents/nis.md:${transfer.line}:${transfer.column}: warning: event type "arms-transfer" has no colour in data/types.json; it is drawn grey (#8c8c8c) until you add "arms-transfer": "#RRGGBB" there (see data/README.md, "Type colours")`,
    ]);
    expect(undeclaredTypes(events, { ...table, 'arms-transfer': '#0072B2' }, paths, '#8c8c8c')).toEqual([]);
  });

  it('says which declared type a misspelt one is a slip for, so the warning names the fix', () => {
    const transfer = events.find((f) => f.properties.type === 'arms-transfer')!;
    const misspelt = { ...transfer, properties: { ...transfer.properties, type: 'arms-tranfser' } };
    const [warning] = undeclaredTypes([misspelt], { 'arms-transfer': '#0072B2' }, new Map(), '#8c8c8c');
    expect(warning.message).toMatch(
      /^event type "arms-tranfser" has no colour in data\/types\.json; if it is a slip for "arms-transfer", write type=arms-transfer; it is drawn grey/,
    );
  });
});
