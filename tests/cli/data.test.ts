import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/data.js';

const root = join(import.meta.dirname, '../..');
const seedsDir = join(root, 'data/documents');

/** Runs the CLI in-process; returns its exit code and what it printed. */
async function run(args: string[]) {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    return { code: await main(args), lines };
  } finally {
    spy.mockRestore();
  }
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  const docs = join(dir, 'documents');
  cpSync(seedsDir, docs, { recursive: true });
  cpSync(join(root, 'data/areas'), join(dir, 'areas'), { recursive: true });
  return { dir, docs, out: join(dir, 'out') };
}

const front = (id: string) => `---\nid: ${id}\ntitle: Bad input ${id}\n---\n`;
const GOOD_EVENT =
  ':event[Drones struck :place[Kharkiv]{#kh} overnight.]{#bad-ok type=drone-attack summary="x" date=2024-11-01 claimant="officials" status=reported}';

/** Each malformed document, and a piece of the message its error must carry. */
const MALFORMED: Array<{ name: string; content: string | Buffer; message: string; line?: number }> = [
  {
    name: 'unterminated',
    content: `${front('u')}A strike on :place[Dnipro{#d} was reported.\n`,
    message: 'unterminated annotation',
    line: 5,
  },
  {
    name: 'unknown-kind',
    content: `${front('k')}A :city[Dnipro]{#d} strike.\n`,
    message: 'unknown annotation kind ":city"',
    line: 5,
  },
  {
    name: 'bad-date',
    content: `${front('d')}:event[Drones struck :place[Kharkiv]{#kh}.]{#bd type=drone-attack summary="x" date=2024-02-30 claimant="officials" status=reported}\n`,
    message: '2024-02 has no day 30',
    line: 5,
  },
  {
    name: 'range-no-number',
    content: `${front('r')}:weapon[X-1]{#x1} has :range[a long range]{weapon=x1 origin="30,50" origin-note="n" claimant="c" status=claimed}.\n`,
    message: 'states no number',
    line: 5,
  },
  {
    name: 'unknown-unit',
    content: `${front('uu')}:weapon[X-2]{#x2} has :range[600 leagues]{weapon=x2 origin="30,50" origin-note="n" claimant="c" status=claimed}.\n`,
    message: 'unknown unit "leagues"',
    line: 5,
  },
  {
    name: 'unknown-place',
    content: `${front('up')}:event[Shelling hit :place[Zzyzxqville]{#z}.]{#up type=shelling summary="x" date=2024 claimant="c" status=claimed}\n`,
    message: 'Zzyzxqville',
    line: 5,
  },
  {
    name: 'duplicate-id',
    content: `${front('dup')}:event[Russia struck :place[Dnipro]{#d} again.]{#dnipro-irbm-strike type=missile-strike summary="x" date=2024 claimant="c" status=claimed}\n`,
    message: 'duplicate event id "dnipro-irbm-strike"',
    line: 5,
  },
  {
    name: 'missing-ref',
    content: `${front('mr')}:event[It was confirmed.]{of=no-such-event claimant="c" status=reported}\n`,
    message: 'of=no-such-event names no event',
    line: 5,
  },
  {
    name: 'bad-yaml',
    content: '---\nid: y\ntitle: [unclosed\n---\nText.\n',
    message: 'invalid YAML front matter',
    line: 3,
  },
  {
    name: 'binary',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    // Its first NUL byte is on its third line (the PNG signature holds CR LF, then LF).
    message: 'it has a NUL byte (U+0000) here',
    line: 3,
  },
  { name: 'empty', content: '', message: 'empty document', line: 1 },
  {
    name: 'huge',
    content: `${front('h')}${'Words of a very long document. '.repeat(170_000)}\n`,
    message: 'the limit is 2 MB',
    line: 1,
  },
  {
    name: 'latin1',
    content: Buffer.concat([Buffer.from(`${front('l')}Caf`), Buffer.from([0xe9]), Buffer.from(' in Kyiv.\n')]),
    message: 'not valid UTF-8',
    line: 5,
  },
  { name: 'utf16', content: Buffer.from(`\ufeff${front('w')}Text.\n`, 'utf16le'), message: 'UTF-16', line: 1 },
  {
    name: 'no-claimant',
    content: `${front('nc')}${GOOD_EVENT.replace(' claimant="officials"', '')}\n`,
    message: 'needs claimant=',
    line: 5,
  },
];

describe('npm run data', () => {
  let good: ReturnType<typeof workspace>;
  beforeAll(async () => {
    good = workspace();
    expect((await run(['--in', good.docs, '--out', good.out])).code).toBe(0);
  });

  it('builds the seeds into events and ranges as GeoJSON and CSV, with their schemas', () => {
    expect(readdirSync(good.out).sort()).toEqual([
      'events.csv',
      'events.csv.schema.json',
      'events.geojson',
      'events.schema.json',
      'maps.json',
      'ranges.csv',
      'ranges.csv.schema.json',
      'ranges.geojson',
      'ranges.schema.json',
    ]);
  });

  it('gives byte-identical output for the same input', async () => {
    const out2 = join(good.dir, 'out2');
    expect((await run(['--in', good.docs, '--out', out2])).code).toBe(0);
    expect(snapshot(out2)).toEqual(snapshot(good.out));
  });

  for (const c of MALFORMED) {
    it(`reports a ${c.name} document at its line, exits 1 and leaves the previous output byte-identical`, async () => {
      const before = snapshot(good.out);
      const bad = join(good.docs, `zz-${c.name}.md`);
      writeFileSync(bad, c.content);
      try {
        const { code, lines } = await run(['--in', good.docs, '--out', good.out]);
        expect(code).toBe(1);
        const errors = lines.filter((l) => /^[^:]+:\d+:\d+: error: /.test(l));
        const mine = errors.filter((l) => l.includes(`zz-${c.name}.md`) && l.includes(c.message));
        expect(mine, lines.join('\n')).not.toHaveLength(0);
        if (c.line !== undefined) expect(mine[0]).toMatch(new RegExp(`zz-${c.name}\\.md:${c.line}:\\d+: error: `));
        expect(lines.at(-1)).toContain('nothing written');
        expect(snapshot(good.out)).toEqual(before);
      } finally {
        rmQuiet(bad);
      }
    });
  }

  it('reports every problem of a run, not just the first', async () => {
    writeFileSync(join(good.docs, 'zz-a.md'), MALFORMED[0].content);
    writeFileSync(join(good.docs, 'zz-b.md'), MALFORMED[2].content);
    try {
      const { code, lines } = await run(['--in', good.docs, '--out', good.out]);
      expect(code).toBe(1);
      expect(lines.some((l) => l.includes('zz-a.md:5:'))).toBe(true);
      expect(lines.some((l) => l.includes('zz-b.md:5:'))).toBe(true);
    } finally {
      rmQuiet(join(good.docs, 'zz-a.md'));
      rmQuiet(join(good.docs, 'zz-b.md'));
    }
  });

  it("prints at most 20 of one document's errors, then how many more, while the count and exit code take them all", async () => {
    // 1,000 faults in one document (an unknown kind on each line), and one in another: only the flood is cut.
    const flood = `${front('flood')}${Array.from({ length: 1000 }, (_, i) => `Line ${i} :city[X]{#c${i}}.`).join('\n')}\n`;
    writeFileSync(join(good.docs, 'zz-flood.md'), flood);
    writeFileSync(join(good.docs, 'zz-one.md'), MALFORMED[1].content);
    try {
      const { code, lines } = await run(['--in', good.docs, '--out', good.out]);
      expect(code).toBe(1);
      const located = lines.filter((l) => /zz-flood\.md:\d+:\d+: error: /.test(l));
      expect(located).toHaveLength(20);
      // The first twenty, in order: lines 5 to 24 of the file.
      expect(located[0]).toMatch(/zz-flood\.md:5:\d+: error: unknown annotation kind ":city"/);
      expect(located[19]).toMatch(/zz-flood\.md:24:/);
      expect(lines).toContain(
        `… and 980 more in ${relative(process.cwd(), join(good.docs, 'zz-flood.md'))} (980 errors; the first 20 are shown)`,
      );
      expect(lines.some((l) => /zz-one\.md:5:\d+: error: unknown annotation kind ":city"/.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/^data: 1001 errors, \d+ warnings?; nothing written/);
    } finally {
      rmQuiet(join(good.docs, 'zz-flood.md'));
      rmQuiet(join(good.docs, 'zz-one.md'));
    }
  });

  it('reports an unrelated error in one document and a place problem in another in the same run', async () => {
    // zz-c's front matter has an error, and its event names two places; zz-d's event defines what zz-c joins.
    writeFileSync(
      join(good.docs, 'zz-c.md'),
      `---\nid: c\ntitle: C\ntags: x\n---\n:event[Drones struck :place[Kharkiv]{#kh} and :place[Odesa]{#od}.]{#ev-c type=drone-attack summary="x" date=2024 claimant="c" status=claimed}\n`,
    );
    writeFileSync(
      join(good.docs, 'zz-d.md'),
      `${front('d')}:event[It was confirmed.]{of=ev-c claimant="c" status=reported} :place[Zzyzxqville]{#zz} :event[Shelling.]{#ev-d place=zz type=shelling summary="x" date=2024 claimant="c" status=claimed}\n`,
    );
    try {
      const { code, lines } = await run(['--in', good.docs, '--out', good.out]);
      expect(code).toBe(1);
      const errors = lines.filter((l) => l.includes(': error: '));
      expect(errors.some((l) => /zz-c\.md:4:1: error: unknown front-matter key "tags"/.test(l))).toBe(true);
      expect(errors.some((l) => /zz-c\.md:6:1: error: .*mentions 2 places/.test(l))).toBe(true);
      expect(errors.some((l) => /zz-d\.md:5:\d+: error: unknown place "Zzyzxqville"/.test(l))).toBe(true);
      expect(errors.filter((l) => l.includes('names no'))).toEqual([]);
    } finally {
      rmQuiet(join(good.docs, 'zz-c.md'));
      rmQuiet(join(good.docs, 'zz-d.md'));
    }
  });

  describe('origin-area= outside the input tree', () => {
    // A valid area whose content must not reach the output or the messages: its name and coordinates.
    const SECRET = 'SECRET-c0ffee-4711';
    const secretArea = JSON.stringify({
      type: 'Feature',
      properties: { name: SECRET },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [31.123457, 49.123457],
            [32.123457, 49.123457],
            [32.123457, 50.123457],
            [31.123457, 49.123457],
          ],
        ],
      },
    });
    const range = (path: string) =>
      `${front('oa')}:weapon[W-9]{#w9} flies :range[300 km]{weapon=w9 origin-area=${path} origin-note="n" claimant="c" status=claimed}.\n`;
    let outside: string;
    beforeAll(() => {
      outside = mkdtempSync(join(tmpdir(), 'atlas-outside-'));
      writeFileSync(join(outside, 'secret.geojson'), secretArea);
      symlinkSync(join(outside, 'secret.geojson'), join(good.dir, 'areas/linked-file.geojson'));
      symlinkSync(outside, join(good.dir, 'areas/linked-dir'));
    });

    for (const [how, path] of [
      ['a path that climbs out', 'OUTSIDE/secret.geojson'],
      ['a symlinked file', '../areas/linked-file.geojson'],
      ['a file in a symlinked folder', '../areas/linked-dir/secret.geojson'],
    ]) {
      it(`refuses ${how}, quoting nothing of the file`, async () => {
        const before = snapshot(good.out);
        const written = path.replace('OUTSIDE', relativeFrom(good.docs, outside));
        writeFileSync(join(good.docs, 'zz-area.md'), range(written));
        try {
          const { code, lines } = await run(['--in', good.docs, '--out', good.out]);
          expect(code).toBe(1);
          expect(
            lines.some((l) => /zz-area\.md:5:\d+: error: origin-area=.*outside the input tree/.test(l)),
            lines.join('\n'),
          ).toBe(true);
          expect(lines.join('\n')).not.toContain(SECRET);
          expect(lines.join('\n')).not.toContain('123457');
          expect(snapshot(good.out)).toEqual(before);
        } finally {
          rmQuiet(join(good.docs, 'zz-area.md'));
        }
      });
    }

    it('accepts a symlink that stays inside the tree', async () => {
      symlinkSync(join(good.dir, 'areas/ukraine.geojson'), join(good.dir, 'areas/alias.geojson'));
      writeFileSync(join(good.docs, 'zz-area.md'), range('../areas/alias.geojson'));
      try {
        const { code, lines } = await run(['--in', good.docs, '--out', join(good.dir, 'out-alias')]);
        expect(code, lines.join('\n')).toBe(0);
      } finally {
        rmQuiet(join(good.docs, 'zz-area.md'));
      }
    });
  });

  it('exits 2 with usage for a missing input directory', async () => {
    expect((await run(['--in', join(good.dir, 'nope')])).code).toBe(2);
  });

  // Moved from tests/e2e/hostile.spec.ts (it needed no browser): the hostile fixture's document with its
  // source link made a javascript: or a data: URL.
  it('rejects a javascript: or data: source link, naming the line and column of the value, and writes nothing', async () => {
    const source = readFileSync(join(root, 'tests/fixtures/hostile/hostile-markup.md'), 'utf8');
    const line = source.split('\n').findIndex((l) => l.startsWith('url:')) + 1;
    expect(line).toBeGreaterThan(0);
    for (const url of ["javascript:alert('url')", 'data:text/html,<script>alert(1)</script>']) {
      const work = mkdtempSync(join(tmpdir(), 'atlas-bad-url-'));
      try {
        const bad = join(work, 'bad-url');
        mkdirSync(bad);
        writeFileSync(join(bad, 'doc.md'), source.replace(/^url: .*$/m, `url: "${url}"`));
        const { code, lines } = await run([
          '--in',
          bad,
          '--out',
          join(work, 'bad-out'),
          '--areas',
          join(root, 'data/areas'),
        ]);
        expect(code).toBe(1);
        // At the value (its opening quote), after `url: `.
        const column = 'url: '.length + 1;
        expect(lines.join('\n')).toContain(
          `doc.md:${line}:${column}: error: front-matter "url" must be an http or https link`,
        );
        expect(readdirSync(work)).not.toContain('bad-out');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  });
});

describe('concurrent builds into one output directory', () => {
  afterEach(() => vi.restoreAllMocks());
  it('leave one complete output, never a mix of two', async () => {
    const a = workspace();
    const b = workspace();
    // b's corpus differs: one document fewer, so its events file differs from a's.
    rmQuiet(join(b.docs, '002_dbc3ea045d314c19.md'));
    const out = join(a.dir, 'shared-out');
    const cli = join(root, 'src/cli/data.ts');
    const tsx = join(root, 'node_modules/.bin/tsx');
    const exits = await Promise.all(
      [a, b, a, b].map(
        (w) =>
          new Promise<number>((resolve) => {
            spawn(tsx, [cli, '--in', w.docs, '--out', out], { stdio: 'ignore' }).on('exit', (code) =>
              resolve(code ?? -1),
            );
          }),
      ),
    );
    expect(exits).toEqual([0, 0, 0, 0]);
    const events = readFileSync(join(out, 'events.geojson'), 'utf8');
    const ranges = readFileSync(join(out, 'ranges.geojson'), 'utf8');
    const fromB = !events.includes('002_dbc3ea045d314c19');
    // Each corpus's pair, built alone, is the reference.
    const ref = join(a.dir, fromB ? 'ref-b' : 'ref-a');
    expect((await run(['--in', (fromB ? b : a).docs, '--out', ref])).code).toBe(0);
    expect(events).toBe(readFileSync(join(ref, 'events.geojson'), 'utf8'));
    expect(ranges).toBe(readFileSync(join(ref, 'ranges.geojson'), 'utf8'));
    expect(readdirSync(a.dir).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
    // Four whole builds in child processes: a generous limit, so a busy machine is not a failure.
  }, 300_000);
});

const relativeFrom = (from: string, to: string) => relative(from, to).split(sep).join('/');

function rmQuiet(path: string) {
  rmSync(path, { force: true });
}

describe('npm run data -- --stamp FILE', () => {
  it('writes text_sha256 into the front matter and nothing else, and the build then checks it', async () => {
    const w = workspace();
    const file = join(w.docs, 'zz-stamp.md');
    const source = `${front('stamp-me')}Drones struck :place[Kharkiv]{#kh} overnight.\n`;
    writeFileSync(file, source);
    expect((await run(['--stamp', file])).code).toBe(0);
    const stamped = readFileSync(file, 'utf8');
    expect(stamped.replace(/text_sha256: [0-9a-f]{64}\n/, '')).toBe(source);
    expect((await run(['--in', w.docs, '--out', w.out])).code).toBe(0);
    writeFileSync(file, stamped.replace('overnight', 'at night'));
    const { code, lines } = await run(['--in', w.docs, '--out', w.out]);
    expect(code).toBe(1);
    expect(lines.some((l) => /zz-stamp\.md:4:14: error: the text with annotations removed has SHA-256/.test(l))).toBe(
      true,
    );
    rmSync(w.dir, { recursive: true, force: true });
  });
});
