// The queries a corpus row's text gives (places/mention-queries.ts), and the resolver's score on the
// genres set (tests/fixtures/geocode/genres.jsonl) per genre, read the way bench/geocode.ts reads it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import type { Gazetteer } from '../../src/compiler/gazetteer.js';
import { distanceKm } from '../../src/compiler/places/distance.js';
import { type Mention, mentionQueries } from '../../src/compiler/places/mention-queries.js';
import { documentResolver, WEIGHTS } from '../../src/compiler/resolve.js';

let g: Gazetteer;
beforeAll(() => {
  g = loadGazetteer();
}, 180_000);

/** Rows of one text, each mention given by its words (first occurrence after the one before). */
function rowsOf(text: string, mentions: string[]): Mention[] {
  let from = 0;
  return mentions.map((mention) => {
    const start = text.indexOf(mention, from);
    from = start + mention.length;
    return { doc_id: 'd', mention, start, end: from, text_context: text, context_offset: 0 };
  });
}

// Examples written here, not taken from any benchmark corpus.
describe('mentionQueries', () => {
  it('reads a container after a comma, a stated container (marked so), a division and a river', () => {
    const text =
      'Troops left Paducah, Ky., crossed the Tennessee at Florence and camped in Wayne, a town in Perry County.';
    const q = mentionQueries(rowsOf(text, ['Paducah', 'Ky.', 'Tennessee', 'Florence', 'Wayne']));
    expect(q[0]).toMatchObject({ text: 'Paducah', within: 'Ky.' });
    expect(q[0].stated).toBeUndefined();
    expect(q[1]).toMatchObject({ text: 'Ky.', division: true });
    expect(q[2]).toMatchObject({ text: 'Tennessee', river: true });
    expect(q[3].river).toBeUndefined();
    expect(q[4]).toMatchObject({ text: 'Wayne', within: 'Perry County', stated: true });
  });

  it('marks a mention the text writes after "the", and resolves it with its article', () => {
    const text = 'Shipping in the Gulf slowed as the storm neared Houston; tankers waited off Galveston.';
    const q = mentionQueries(rowsOf(text, ['Gulf', 'Houston', 'Galveston']));
    expect(q[0]).toMatchObject({ text: 'Gulf', article: true });
    expect(q[1].article).toBeUndefined();
    // "Gulf" alone is a province of Papua New Guinea; "the Gulf" near Houston is the Gulf of Mexico,
    // near Doha the Persian Gulf.
    const [gulf] = documentResolver(g, WEIGHTS, { unknown: 'focus' })(q);
    expect(gulf.ok && gulf.place.name).toBe('Gulf of Mexico');
    const other = 'Tankers in the Gulf waited as Doha and Manama closed their ports.';
    const [persian] = documentResolver(g, WEIGHTS, { unknown: 'focus' })(
      mentionQueries(rowsOf(other, ['Gulf', 'Doha', 'Manama'])),
    );
    expect(persian.ok && persian.place.name).toBe('Persian Gulf');
  });
});

interface Row extends Mention {
  gold_lat: number;
  gold_lon: number;
  extra: { genre: string };
}

/**
 * Floors one row under the scores measured after the rules for the set's classes of miss were made
 * (wiki 75/76, health 59/61, wotr 49/53, web 64/64, local 68/68; see data/gazetteer/README.md): losing
 * two rows of a genre, or any of its fixed classes wholesale, fails.
 */
const FLOOR: Record<string, number> = { wiki: 74 / 76, health: 58 / 61, wotr: 48 / 53, web: 63 / 64, local: 67 / 68 };

describe('genres set', () => {
  it('resolves each genre within 161 km at or above its floor', () => {
    const rows = readFileSync('tests/fixtures/geocode/genres.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row);
    const queries = mentionQueries(rows);
    const resolve = documentResolver(g, WEIGHTS, { unknown: 'focus' });
    const hits = new Map<string, [number, number]>();
    const docs = [...new Set(rows.map((r) => r.doc_id))];
    for (const doc of docs) {
      const idx = rows.flatMap((r, i) => (r.doc_id === doc ? [i] : []));
      const res = resolve(idx.map((i) => queries[i]));
      idx.forEach((i, k) => {
        const r = rows[i];
        const h = hits.get(r.extra.genre) ?? [0, 0];
        const got = res[k];
        if (got.ok && distanceKm(got.place.lonlat, [r.gold_lon, r.gold_lat]) <= 161) h[0]++;
        h[1]++;
        hits.set(r.extra.genre, h);
      });
    }
    expect([...hits.keys()].sort()).toEqual(Object.keys(FLOOR).sort());
    for (const [genre, [hit, n]] of hits) expect(hit / n, `${genre}: ${hit}/${n}`).toBeGreaterThanOrEqual(FLOOR[genre]);
  });
});
