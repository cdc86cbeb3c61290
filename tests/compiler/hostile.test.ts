/** Hostile documents: each broken in one way gets exactly one located, one-line, true error. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';

let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

const HEAD = '---\nid: h\ntitle: Hostile\npublished: 2024-11-28\n---\n';
const EV = 'type=missile-strike summary="s" date=2024-11-01 claimant="x" status=reported';

function errors(body: string) {
  const parsed = parseDocumentText('h.md', HEAD + body);
  const out = compile([parsed], { resolve, areas: new Map() });
  return [...new Set([...parsed.diagnostics, ...out.diagnostics])].filter((d) => d.severity === 'error');
}

const CASES: Array<[string, string, number, number, RegExp]> = [
  [
    'an attribute given twice',
    `:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 ${EV} status=claimed}\n`,
    6,
    124,
    /attribute "status" is given twice .*\(first at 6:\d+\)/,
  ],
  ['two ids', 'Text :place[Kyiv]{#kyiv #kiev}.\n', 6, 26, /the id \(#id or id=\) is given twice/],
  [
    'a figure with too many digits',
    `:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 ${EV} figures="12345678901234567 drones"}\n`,
    6,
    124,
    /"12345678901234567 drones" has more digits than a number can hold exactly/,
  ],
  [
    'a range with too many digits',
    'The :weapon[T]{#t} flies :range[12,345,678,901,234,567 km]{weapon=t claimant="x" status=claimed}.\n',
    6,
    26,
    /has more digits than a number can hold exactly/,
  ],
  [
    'a negative figure',
    `:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 ${EV} figures="-3 killed"}\n`,
    6,
    124,
    /"-3 killed" must be a positive number/,
  ],
  [
    'an unclosed quote',
    `:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 type=missile-strike summary="s claimant="x" status=reported}\n`,
    6,
    42,
    /a quote " that is never closed/,
  ],
  [
    'an event inside a place',
    `In :place[the city of :event[Dnipro was hit]{#e1 ${EV}}]{#dnipro} today.\n`,
    6,
    23,
    /:event\[Dnipro was hit\] cannot sit inside :place/,
  ],
  [
    'a zero-width space in an id',
    `:event[A missile hit :place[Dnipro]{#dni\u200Bpro}.]{#e1 ${EV}}\n`,
    6,
    38,
    /U\+200B ZERO WIDTH SPACE/,
  ],
  [
    'a zero-width space in a kind',
    'Text :pla\u200Bce[Dnipro]{#dnipro}.\n',
    6,
    6,
    /unknown annotation kind .*U\+200B ZERO WIDTH SPACE/,
  ],
  [
    'a zero-width attribute',
    'Text :place[Kyiv]{\u200B#kyiv}.\n',
    6,
    19,
    /unknown attribute .*U\+200B ZERO WIDTH SPACE/,
  ],
  [
    'a look-alike id',
    `:event[A missile hit :place[Dnipro]{#dnipro}.]{#str\u0456ke ${EV}}\n`,
    6,
    49,
    /U\+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I/,
  ],
  [
    'a date that does not exist',
    `:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 type=missile-strike summary="s" date=2023-02-29 claimant="x" status=reported}\n`,
    6,
    79,
    /2023-02 has no day 29/,
  ],
  [
    'a range from more to less',
    'The :weapon[T]{#t} flies :range[900-600 km]{weapon=t claimant="x" status=claimed}.\n',
    6,
    26,
    /from a smaller to a larger number/,
  ],
  [
    'an unknown unit',
    'The :weapon[T]{#t} flies :range[900 furlongs]{weapon=t claimant="x" status=claimed}.\n',
    6,
    26,
    /unknown unit "furlongs"/,
  ],
  ['an unclosed brace', 'Missiles hit :place[Dnipro]{#dnipro kind=city on Monday.\n', 6, 28, /no closing "}"/],
  ['a lost colon', 'Strikes on place[Russia]{of=russia} today.\n', 6, 12, /lost its colon/],
];

describe('hostile documents: one located, one-line, true error each', () => {
  it.each(CASES)('%s', (_, body, line, column, message) => {
    const errs = errors(body);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ line, column });
    expect(errs[0].message).toMatch(message);
    for (const e of errs) expect(e.message).not.toMatch(/\n/);
  });
  it('a CRLF document and a BOM are read as the text they are', () => {
    const parsed = parseDocumentText(
      'c.md',
      `\uFEFF${HEAD}:event[A strike hit :place[Kyiv]{#kyiv}.]{#e1 ${EV}}\r\n`
        .replace(/\n/g, '\r\n')
        .replace(/\r\r/g, '\r'),
    );
    const out = compile([parsed], { resolve, areas: new Map() });
    expect([...parsed.diagnostics, ...out.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.text).toBe('A strike hit Kyiv.\r\n');
  });
});
