// The own place-resolution sets (tests/fixtures/geocode): their JSON lines are own.txt, genres.txt, unseen.txt, world.txt and press.txt
// with the marks taken out, so the offsets the bench reads are the ones written by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Row {
  doc_id: string;
  text_context: string;
  context_offset: number;
  mention: string;
  start: number;
  end: number;
  gold_lat: number;
  gold_lon: number;
  extra?: { genre?: string };
}

const MARK = /\[([^|\]]+)\|(-?[\d.]+),(-?[\d.]+)\|([A-Z0-9]+)\]/g;

for (const set of ['own', 'genres', 'unseen', 'world', 'press']) {
  const rows = readFileSync(`tests/fixtures/geocode/${set}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  // genres.txt, unseen.txt, world.txt and press.txt start each line with its genre and a tab.
  const source = readFileSync(`tests/fixtures/geocode/${set}.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => (set !== 'own' ? { genre: l.split('\t')[0], line: l.split('\t')[1] } : { line: l }));

  describe(`${set} geocoding set`, () => {
    it('has each mention at its offsets and a point on the globe', () => {
      for (const r of rows) {
        expect(r.text_context.slice(r.start - r.context_offset, r.end - r.context_offset), r.doc_id).toBe(r.mention);
        expect(Math.abs(r.gold_lat), r.doc_id).toBeLessThanOrEqual(90);
        expect(Math.abs(r.gold_lon), r.doc_id).toBeLessThanOrEqual(180);
      }
    });

    it(`is ${set}.txt with its marks taken out, mention for mention`, () => {
      const docs = [...new Set(rows.map((r) => r.doc_id))];
      expect(docs.length).toBe(source.length);
      source.forEach(({ genre, line }, n) => {
        const mine = rows.filter((r) => r.doc_id === docs[n]);
        const marks = [...line.matchAll(MARK)];
        expect(mine.map((r) => [r.mention, r.gold_lat, r.gold_lon])).toEqual(
          marks.map((m) => [m[1], Number(m[2]), Number(m[3])]),
        );
        expect(mine[0].text_context).toBe(line.replace(MARK, '$1'));
        if (genre) expect(mine.every((r) => r.extra?.genre === genre)).toBe(true);
      });
    });
  });
}
