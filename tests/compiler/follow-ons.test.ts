import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../src/compiler/compile.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';

let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

const build = (docs: Record<string, string>): CompileResult =>
  compile(
    Object.entries(docs).map(([path, text]) => parseDocumentText(path, text)),
    { resolve, areas: new Map() },
  );
const doc = (id: string, body: string, extra = '') => `---\nid: ${id}\ntitle: T ${id}\n${extra}---\n${body}\n`;
const errors = (out: CompileResult) =>
  out.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
const EVENT = 'type=shelling summary="x" date=2024 claimant="c" status=claimed';

describe('one round of errors', () => {
  it('checks the annotations and places of a document whose front matter has errors', () => {
    const out = build({
      'a.md': doc(
        'a',
        `:event[Drones struck :place[Kharkiv]{#kh} and :place[Odesa]{#od}.]{#ev-a ${EVENT}}\n\n:place[Zzyzxqville]{#zz}`,
        'tags: x\n',
      ),
    });
    const e = errors(out);
    expect(e.some((m) => m.startsWith('a.md:4:1: unknown front-matter key "tags"'))).toBe(true);
    expect(e.some((m) => m.startsWith('a.md:6:1: :event[') && m.includes('mentions 2 places'))).toBe(true);
    expect(e.some((m) => m.startsWith('a.md:8:1: unknown place "Zzyzxqville"'))).toBe(true);
  });

  it('checks the annotations of a document whose YAML does not parse', () => {
    const out = build({ 'y.md': '---\nid: y\ntitle: [unclosed\n---\n:place[Zzyzxqville]{#zz}\n' });
    const e = errors(out);
    expect(e.some((m) => m.includes('invalid YAML front matter'))).toBe(true);
    expect(e.some((m) => m.startsWith('y.md:5:1: unknown place "Zzyzxqville"'))).toBe(true);
  });

  it('resolves the front-matter places of a document whose other front-matter fields have errors', () => {
    const out = build({
      'f.md': doc(
        'f',
        `:event[A strike.]{#ev-f place=somewhere ${EVENT}}`,
        'tags: x\nplaces:\n  somewhere:\n    name: Zzyzxqville\n    note: "n"\n',
      ),
    });
    const e = errors(out);
    expect(e.some((m) => m.includes('unknown front-matter key "tags"'))).toBe(true);
    expect(e.some((m) => m.includes('unknown place "Zzyzxqville"'))).toBe(true);
    expect(e.filter((m) => m.includes('names no place'))).toEqual([]);
  });
});

describe('follow-on errors never blame what is defined', () => {
  it('says a place that failed its lookup could not be resolved, pointing at it', () => {
    const out = build({
      'b.md': doc('b', `:place[Zzyzxqville]{#zz} :event[Shelling hit it.]{#ev-b place=zz ${EVENT}}`),
    });
    const e = errors(out);
    expect(e.some((m) => m.startsWith('b.md:5:1: unknown place "Zzyzxqville"'))).toBe(true);
    expect(e.filter((m) => m.includes('names no place'))).toEqual([]);
    expect(e).toContain('b.md:5:57: place=zz: place "zz" is defined but could not be resolved (see 5:1)');
  });

  it('says so for a place whose own attributes have errors, for an event, a range origin and a reference', () => {
    const out = build({
      'c.md': doc(
        'c',
        [
          `:place[Kyiv]{#kyiv bogus=1} :event[Shelling hit it.]{#ev-c place=kyiv ${EVENT}} and :place[the capital]{of=kyiv}.`,
          ':weapon[W-1]{#w1} flies :range[300 km]{weapon=w1 origin=kyiv claimant="c" status=claimed}.',
        ].join('\n\n'),
      ),
    });
    const e = errors(out);
    expect(e.filter((m) => m.includes('names no place') || m.includes('neither a place id'))).toEqual([]);
    expect(e.filter((m) => m.includes('place "kyiv" is defined but could not be resolved (see 5:1)'))).toHaveLength(2);
  });

  it('says an event or weapon defined with errors in another document has errors, and where', () => {
    const out = build({
      'd1.md': doc(
        'd1',
        `:event[Shelling hit :place[Kharkiv]{#kh}.]{#ev-d bogus=1 ${EVENT}} :weapon[W-2]{#w2 bogus=1}`,
      ),
      'd2.md': doc(
        'd2',
        ':event[It was confirmed.]{of=ev-d claimant="c" status=reported} :weapon[It]{of=w2} flies :range[300 km]{weapon=w2 origin="30,50" origin-note="n" claimant="c" status=claimed}.',
      ),
    });
    const e = errors(out);
    expect(e.filter((m) => m.includes('names no event') || m.includes('names no weapon'))).toEqual([]);
    expect(
      e.some(
        (m) =>
          m.startsWith('d2.md:5:') && m.includes('of=ev-d: event "ev-d" is defined but has errors (see d1.md:5:1)'),
      ),
    ).toBe(true);
    expect(e.some((m) => m.includes('of=w2: weapon "w2" is defined but has errors (see d1.md:5:'))).toBe(true);
    expect(e.some((m) => m.includes('weapon=w2: weapon "w2" is defined but has errors (see d1.md:5:'))).toBe(true);
  });

  it('still says how to define a place, event or weapon that nothing defines', () => {
    const out = build({
      'e.md': doc(
        'e',
        `:event[Shelling.]{#ev-e place=nowhere ${EVENT}} :event[Again.]{of=no-event claimant="c" status=reported}`,
      ),
    });
    const e = errors(out);
    expect(e.some((m) => m.includes('place=nowhere names no place of this document; define it with'))).toBe(true);
    expect(e.some((m) => m.includes('of=no-event names no event; define it with'))).toBe(true);
  });

  it('names the defined id that a reference differs from only by case, for places, events and weapons', () => {
    const out = build({
      'c.md': doc(
        'c',
        [
          `:event[Shelling hit :place[Kharkiv]{#Kharkiv} and :place[Kharkiv]{of=kharkiv}.]{#Ev-1 place=kharkiv ${EVENT}}`,
          ':event[It was confirmed.]{of=ev-1 claimant="c" status=reported} :weapon[W-3]{#W3} and :weapon[it]{of=w3}',
          'fly :range[300 km]{weapon=w3 origin=Kharkiv claimant="c" status=claimed}.',
        ].join('\n\n'),
      ),
    });
    const e = errors(out);
    const hinted = (ref: string, meant: string) =>
      e.filter((m) => m.includes(`${ref} names no`) && m.includes(`did you mean "${meant}"? (ids are case-sensitive)`));
    expect(hinted('of=kharkiv', 'Kharkiv')).toHaveLength(1);
    expect(hinted('place=kharkiv', 'Kharkiv')).toHaveLength(1);
    expect(hinted('of=ev-1', 'Ev-1')).toHaveLength(1);
    expect(hinted('of=w3', 'W3')).toHaveLength(1);
    expect(hinted('weapon=w3', 'W3')).toHaveLength(1);
  });
});
