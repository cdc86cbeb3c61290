import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/compiler/compile.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';

let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

const errorsOf = (text: string) =>
  prepareDocument(parseDocumentText('a.md', text), resolve).diagnostics.filter((d) => d.severity === 'error');
const doc = (body: string, front = 'id: t\ntitle: T') => `---\n${front}\n---\n${body}`;
const EVENT = (attrs: string) =>
  `:event[Drones struck :place[Kharkiv]{#kharkiv} overnight.]{${attrs} summary="s" date=2024-11-01 place=kharkiv claimant="officials" status=reported}`;

describe('ids with look-alike characters', () => {
  it('names a Cyrillic letter in an annotation id', () => {
    const [e] = errorsOf(doc(EVENT('#kyіv-strike type=drone-attack')));
    expect(e.message).toContain(
      'U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like "i") at character 3',
    );
  });

  it('names it in a reference list, a document id and a front-matter place id', () => {
    expect(
      errorsOf(doc(EVENT('#s type=drone-attack').replace('place=kharkiv', 'place="kharkiv kyіv"')))[0].message,
    ).toContain('place= names "kyіv"');
    expect(errorsOf(doc('Text.', 'id: dоc\ntitle: T'))[0].message).toContain('U+043E CYRILLIC SMALL LETTER O');
    expect(errorsOf(doc('Text.', 'id: t\ntitle: T\nplaces:\n  sitе:\n    name: X\n    note: n'))[0].message).toContain(
      'U+0435 CYRILLIC SMALL LETTER IE',
    );
  });
});

describe('type', () => {
  it('must be kebab-case', () => {
    for (const type of ['Missile-Strike', 'missile_strike', 'missile--strike', '"missile strike"', 'missile–strike']) {
      const found = errorsOf(doc(EVENT(`#s type=${type}`)));
      expect(found.map((d) => d.message).join('\n')).toContain('must be kebab-case');
    }
    expect(errorsOf(doc(EVENT('#s type=missile-strike')))).toEqual([]);
  });

  it('names a look-alike dash in it', () => {
    expect(errorsOf(doc(EVENT('#s type=missile–strike')))[0].message).toContain('U+2013 EN DASH');
  });
});

describe('front-matter places', () => {
  it('reports an unknown kind at its place instead of handing it to the gazetteer', () => {
    const found = errorsOf(
      doc(
        ':place[Kyiv]{#k} was hit.',
        'id: t\ntitle: T\nplaces:\n  site-a:\n    name: Kapustin Yar\n    kind: launchpad\n    note: n',
      ),
    );
    // At the value (line 7, `    kind: launchpad`), not the place's key (line 5).
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [
        7,
        'place "site-a": unknown kind "launchpad"; allowed: coordinates, site, city, region, country, continent, area',
      ],
    ]);
  });
});

describe('what only a definition says, on an of= mention', () => {
  it('is an error at the attribute, for places, weapons and events', () => {
    const errors = errorsOf(
      doc(
        `${EVENT('#s type=drone-attack')}\n` +
          'Again :place[Kharkiv]{of=kharkiv kind=region}, the :weapon[X]{#wx} and :weapon[X]{of=wx class=ICBM}.\n' +
          ':event[Again.]{of=s type=policy claimant="a" status=claimed}\n',
      ),
    );
    expect(errors.map((e) => [e.line, e.column, e.message.slice(0, 40)])).toEqual([
      [6, 34, 'kind= on :place[Kharkiv] with of=kharkiv'],
      [6, 89, 'class= on :weapon[X] with of=wx would be'],
      [7, 21, 'type= on :event[Again.] with of=s would '],
    ]);
    expect(errors[0].message).toContain(
      'would be ignored: another mention takes its kind from the definition (#kharkiv)',
    );
  });
});
