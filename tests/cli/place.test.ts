import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/place.js';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(
    argv,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

describe('npm run place', () => {
  it('prints a table of candidates and exits 0', () => {
    const r = run('Kyiv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^"Kyiv": \d+ candidates?/);
    expect(r.out).toMatch(/\nKyiv +city +UA +UA-30 +[\d,]+ +30\.\d+,50\.\d+ +2 +geonames=703448/);
  });
  it('--json prints the same lookup as JSON', () => {
    const r = run('Kyiv', '--json');
    const l = JSON.parse(r.out);
    expect(l).toMatchObject({ query: 'Kyiv', found: true });
    expect(l.rows[0]).toMatchObject({ name: 'Kyiv', geonames: 703448, country: 'UA' });
  });
  it('words of a name may come unquoted', () => {
    expect(JSON.parse(run('the', 'Kursk', 'region', '--json').out).rows[0].name).toBe('Kursk Oblast');
  });
  it('exits 1 when nothing matches, 2 on wrong usage', () => {
    expect(run('Zzyzxqville').code).toBe(1);
    for (const argv of [[], ['Kyiv', '--kind', 'town'], ['Kyiv', '--max', '0'], ['Kyiv', '--bogus']]) {
      const r = run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/usage: npm run place/);
    }
  });
});
