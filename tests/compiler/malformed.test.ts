/**
 * Malformed documents of kinds the other tests do not cover (tests/fixtures/malformed/): each is either
 * read faithfully or gives located errors (line, column, message), never a crash or a silent loss.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaKey, compile, type CompileResult } from '../../src/compiler/compile.js';
import { parseArea } from '../../src/compiler/areas.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { decodeDocument } from '../../src/cli/prepare-files.js';
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';
import { resolveDocument } from '../../src/compiler/resolve.js';
import type { Resolver } from '../../src/compiler/document-places.js';
import type { Diagnostic } from '../../src/contract.js';
import { growth } from './work-count.js';

const dir = join(import.meta.dirname, '../fixtures/malformed');
let resolve: Resolver;
beforeAll(() => {
  const g = loadGazetteer();
  resolve = (qs, ctx) => resolveDocument(g, qs, ctx);
});

/** Builds fixtures together, as `npm run data` reads them (bytes decoded as the CLI decodes them). */
function build(...names: string[]): { out: CompileResult; diagnostics: Diagnostic[] } {
  const parsed = names.map((name) => {
    const decoded = decodeDocument(name, readFileSync(join(dir, name)));
    if ('diagnostic' in decoded) throw new Error(decoded.diagnostic.message);
    return parseDocumentText(name, decoded.text);
  });
  const out = compile(parsed, { resolve, areas: new Map() });
  return { out, diagnostics: [...new Set([...parsed.flatMap((p) => p.diagnostics), ...out.diagnostics])] };
}

/** Each fixture and the diagnostics it must give, in order: [file, line, column, severity, message]. */
const EXPECTED: Array<[string, Array<[string, number, number, Diagnostic['severity'], RegExp]>]> = [
  [
    'unclosed-across-paragraphs.md',
    [
      [
        'unclosed-across-paragraphs.md',
        6,
        1,
        'error',
        /^unterminated annotation ":event\[A missile hit .*broken by a blank line/,
      ],
      [
        'unclosed-across-paragraphs.md',
        8,
        39,
        'error',
        /^"\]\{#kyiv-strike .*looks like annotation markup \("\]\{"\) left in the text/,
      ],
    ],
  ],
  [
    'smart-quotes-unquoted.md',
    [
      [
        'smart-quotes-unquoted.md',
        6,
        135,
        'error',
        /^claimant=”officials” opens with the typographic quote ” \(U\+201D\).*write claimant="…" with straight quotes$/,
      ],
    ],
  ],
  [
    'smart-quotes-spaced.md',
    [
      [
        'smart-quotes-spaced.md',
        6,
        51,
        'error',
        /cannot be read \("summary=" is followed by the typographic quote “, which does not quote a value/,
      ],
    ],
  ],
  [
    'yaml-tab-indent.md',
    [5, 6, 7].map((line) => [
      'yaml-tab-indent.md',
      line,
      1,
      'error',
      /^invalid YAML front matter: Tabs are not allowed as indentation; indent with spaces$/,
    ]),
  ],
  [
    'published-feb-30.md',
    [
      [
        'published-feb-30.md',
        4,
        12,
        'error',
        /^front-matter "published": "2024-02-30" is not a date: 2024-02 has no day 30/,
      ],
      [
        'published-feb-30.md',
        6,
        102,
        'error',
        /^date="Thursday" cannot be read: it counts from the publication date, and published: "2024-02-30" \(line 4\) is not a date/,
      ],
    ],
  ],
  [
    'range-min-over-max.md',
    [
      [
        'range-min-over-max.md',
        6,
        62,
        'error',
        /^min=500 is not below max=300: a band runs from min= out to a larger max=/,
      ],
    ],
  ],
  [
    'range-negative.md',
    [['range-negative.md', 6, 36, 'error', /^"−300 km" is not a range; expected a number with a unit/]],
  ],
  [
    'range-inside-range.md',
    [
      [
        'range-inside-range.md',
        6,
        49,
        'error',
        /^:range\[300 km\] cannot sit inside :range\[up to 300 km\] \(line 6, column 36\)/,
      ],
    ],
  ],
  [
    'zero-width-joiner-in-reference.md',
    [
      [
        'zero-width-joiner-in-reference.md',
        6,
        47,
        'error',
        /^of= "ky\u200Div" is not a valid id: it has U\+200D ZERO WIDTH JOINER \(invisible\) at character 3/,
      ],
    ],
  ],
  ['bom-only.md', [['bom-only.md', 1, 1, 'error', /^empty document; expected YAML front matter/]]],
  [
    'front-matter-only-crlf.md',
    [
      [
        'front-matter-only-crlf.md',
        6,
        1,
        'warning',
        /^the document has no text after its front matter: nothing of it reaches the map/,
      ],
    ],
  ],
  [
    'cr-line-breaks.md',
    [
      [
        'cr-line-breaks.md',
        1,
        4,
        'error',
        /^the lines of this document end with a bare carriage return \(CR.*save it with LF \(or CRLF\) line breaks$/,
      ],
    ],
  ],
  [
    'yaml-alias-bomb.md',
    [['yaml-alias-bomb.md', 5, 10, 'error', /^invalid YAML front matter: .*its aliases \(\*name\) repeat too much/]],
  ],
  [
    'no-break-space-between-attributes.md',
    [
      [
        'no-break-space-between-attributes.md',
        6,
        25,
        'error',
        /cannot be read \(a no-break space \(U\+00A0\) between attributes; separate them with ordinary spaces\)/,
      ],
    ],
  ],
  [
    'annotation-in-indented-code.md',
    [
      [
        'annotation-in-indented-code.md',
        8,
        5,
        'error',
        /^":place\[Kyiv\]" looks like an annotation but was not read as one \(is it unterminated, or inside code or HTML\?\)/,
      ],
    ],
  ],
  [
    'annotation-in-html-comment.md',
    [
      [
        'annotation-in-html-comment.md',
        6,
        11,
        'error',
        /^":place\[Kyiv\]" looks like an annotation but was not read as one/,
      ],
    ],
  ],
  [
    'place-named-twice.md',
    [
      [
        'place-named-twice.md',
        6,
        164,
        'error',
        /^place="kyiv kyiv" names "kyiv" twice; name each place of the event once$/,
      ],
    ],
  ],
  [
    'weapon-named-twice.md',
    [
      [
        'weapon-named-twice.md',
        6,
        51,
        'error',
        /^weapon="test-6 test-6" names "test-6" twice; name each weapon of the range once$/,
      ],
    ],
  ],
  [
    'prototype-names.md',
    [
      ['prototype-names.md', 4, 1, 'error', /^unknown front-matter key "__proto__"; allowed: id, title/],
      ['prototype-names.md', 6, 32, 'error', /^unknown attribute "__proto__" on :place\[Kyiv\]; allowed: id, of, name/],
      ['prototype-names.md', 6, 44, 'error', /^unknown attribute "constructor" on :place\[Kyiv\]/],
    ],
  ],
  [
    'magnitude-and-figures.md',
    [
      [
        'magnitude-and-figures.md',
        6,
        194,
        'error',
        /are both given: .* write figures="188 drones; 3 killed" and delete magnitude= and unit=$/,
      ],
    ],
  ],
  [
    'bare-cr-in-text.md',
    [
      // A bare CR ends a line, as micromark, editors and the LSP count lines: both errors on one count.
      ['bare-cr-in-text.md', 7, 27, 'error', /^the attributes of :place\[Kyiv\] have no closing "\}"/],
      ['bare-cr-in-text.md', 8, 33, 'error', /^unknown place kind "galaxy"/],
    ],
  ],
  [
    // Two byte-order marks: neither is text, and the front matter is read (it was YAML garbage at 3:1).
    'double-bom.md',
    [['double-bom.md', 6, 33, 'error', /^unknown place kind "galaxy"/]],
  ],
  [
    // One line out of place: one error, at it, in the front matter's terms (it was 11 "unexpected token"s).
    'yaml-line-out-of-place.md',
    [
      [
        'yaml-line-out-of-place.md',
        2,
        3,
        'error',
        /^invalid YAML front matter: Implicit keys need to be on a single line; each line is "key: value", .* is this line out of place, or a key missing its colon\?$/,
      ],
    ],
  ],
  [
    // An empty value was read as no attribute: place="" dropped the event, date-added="" stated the date.
    'empty-attribute-values.md',
    [
      [
        'empty-attribute-values.md',
        6,
        141,
        'error',
        /^date-added= on :event\[A missile hit Kyiv on Thursday\.\] is empty; it marks the date as the annotator's, not the text's: write where the date comes from .*, or delete date-added=$/,
      ],
      [
        'empty-attribute-values.md',
        6,
        155,
        'error',
        /^place= on :event\[A missile hit Kyiv on Thursday\.\] is empty; name the place\(s\) of the event by id .*, or delete place=$/,
      ],
    ],
  ],
  [
    // A range under the smallest drawable circle: said in metres, as written (it was "cannot draw the range
    // 0–0 km: rangeGeometry: maxKm must be …", a misstated value in the code's terms).
    'range-under-100-m.md',
    [
      [
        'range-under-100-m.md',
        6,
        59,
        'error',
        /^:range\[up to 40 m\] reaches 40 m, less than the 100 m the map can draw around its origin .*; leave out origin= to list the claim without a band$/,
      ],
    ],
  ],
  [
    // A blank title was published as the title; an empty one was already an error.
    'blank-title.md',
    [['blank-title.md', 3, 8, 'error', /^front matter needs "title" \(it is blank\)$/]],
  ],
  [
    // YAML's .nan was shown as null: the message misquoted what the annotator wrote.
    'place-at-nan.md',
    [
      [
        'place-at-nan.md',
        7,
        9,
        'error',
        /^place "depot": "at" must be \[lon, lat\] in degrees \(lon from -180 to 180, lat from -90 to 90\), got \[\.nan,48\.46\]$/,
      ],
    ],
  ],
  [
    // At the empty attribute, not at the event's first character (6:1).
    'empty-claimant.md',
    [
      [
        'empty-claimant.md',
        6,
        142,
        'error',
        /^:event\[A missile hit Kyiv on Thursday\.\] needs claimant="…" \(it is empty\): who says so/,
      ],
    ],
  ],
  [
    // Past 2^53 the id read is not the one written: it was quoted as 100000000000000000000, at the mention.
    'geonames-too-long.md',
    [
      [
        'geonames-too-long.md',
        6,
        34,
        'error',
        /^geonames="99999999999999999999" is not a GeoNames id \(a positive whole number, e\.g\. geonames=709930\)$/,
      ],
    ],
  ],
  [
    // The same figure twice was published twice, with no error.
    'figures-twice.md',
    [
      [
        'figures-twice.md',
        6,
        146,
        'error',
        /^figures="3 killed; 3 killed" states "3 killed" twice; state each figure once$/,
      ],
    ],
  ],
  [
    // An invisible character pasted into a pin: named, as it is in an id (it was only quoted, unseen).
    'wikidata-invisible.md',
    [
      [
        'wikidata-invisible.md',
        6,
        38,
        'error',
        /^wikidata="Q212\uFEFF" is not a Wikidata QID \(e\.g\. wikidata=Q1013\); it has U\+FEFF ZERO WIDTH NO-BREAK SPACE \(invisible\) at character 5$/,
      ],
    ],
  ],
  // Found by hand and by fuzzing (tests/compiler/fuzz.test.ts): what a hurried annotator writes.
  [
    // Attributes cut off by a space were kept in the text, and the mention read without them, silently.
    'attributes-after-space.md',
    [
      [
        'attributes-after-space.md',
        6,
        28,
        'error',
        /^"\{of=kyiv\}" looks like annotation attributes left in the text \(a space stands between them and the "\]" before\): attributes follow an annotation's "\]" directly/,
      ],
    ],
  ],
  [
    // One error, at the cut-off attributes: not also "needs #id" at the event they belong to.
    'attributes-on-next-line.md',
    [
      [
        'attributes-on-next-line.md',
        7,
        1,
        'error',
        /^"\{#m-next-line-strike .*left in the text \(a line break stands between them and the "\]" before\)/,
      ],
    ],
  ],
  [
    // A second {…} was kept in the text, and its note lost, with no error.
    'second-attribute-block.md',
    [
      [
        'second-attribute-block.md',
        6,
        182,
        'error',
        /^"\{note="Confirmed by the mayor\."\}" looks like annotation attributes left in the text: .* an annotation has one \{…\}/,
      ],
    ],
  ],
  [
    // "}}" kept a "}" in the published text.
    'doubled-closing-brace.md',
    [
      [
        'doubled-closing-brace.md',
        6,
        51,
        'error',
        /^a second "\}" after the attributes of :place\[Kyiv\] would be kept in the text; delete it, or, if it is the source's own text, write it as "\\\}"$/,
      ],
    ],
  ],
  [
    'missing-closing-bracket.md',
    [
      [
        'missing-closing-bracket.md',
        6,
        1,
        'error',
        /^unterminated annotation ":event\[A missile hit :place\[Kyiv\]\{#kyiv\}…": its \[text\] has no closing "\]"/,
      ],
      ['missing-closing-bracket.md', 6, 54, 'error', /^"\{#m-no-bracket-strike .*left in the text/],
    ],
  ],
  [
    // Was published as 3 of "killed, 5 injured".
    'figures-two-in-one.md',
    [
      [
        'figures-two-in-one.md',
        6,
        216,
        'error',
        /^figures: "3 killed, 5 injured" states two figures in one, .*; separate figures with ";": figures="3 killed; 5 injured"$/,
      ],
    ],
  ],
  [
    // Was published as 3 displaced.
    'figures-dot-thousands.md',
    [
      [
        'figures-dot-thousands.md',
        6,
        200,
        'error',
        /^figures: "3\.000 displaced" would be read as 3: if the dot separates thousands, write 3000 or 3,000; if the text means 3, write 3$/,
      ],
    ],
  ],
  [
    // Was drawn as a band of 1.5 km.
    'range-dot-thousands.md',
    [
      [
        'range-dot-thousands.md',
        6,
        36,
        'error',
        /^"1\.500 km" is ambiguous: "1\.500" is 1500 if its dot separates thousands, 1\.5 if it is a decimal point; .*max=1500 added=/,
      ],
    ],
  ],
  [
    'range-en-dash-in-max.md',
    [
      [
        'range-en-dash-in-max.md',
        6,
        65,
        'error',
        /^max="600–700" must be a positive number of km, in digits \(e\.g\. max=300\); a band from 600 to 700 km is min=600 max=700$/,
      ],
    ],
  ],
  [
    // It was "claimant= must be followed by a value", which it is.
    'quotes-inside-value.md',
    [
      [
        'quotes-inside-value.md',
        6,
        55,
        'error',
        /cannot be read \(the value of "claimant=" holds the quote " that encloses it, .*write claimant='the "Azov" brigade'/,
      ],
    ],
  ],
  [
    'unquoted-value-with-spaces.md',
    [
      [
        'unquoted-value-with-spaces.md',
        6,
        155,
        'error',
        /^unknown attribute "army" on :event\[.*\]; if "army" belongs to the value before it, a value with spaces is quoted: claimant="the army"; allowed:/,
      ],
    ],
  ],
  [
    // The key is named, and the relative date no longer says the front matter has no published:.
    'yaml-duplicate-key.md',
    [
      [
        'yaml-duplicate-key.md',
        5,
        1,
        'error',
        /^invalid YAML front matter: Map keys must be unique; the key "title" is given twice \(first at line 3\): keep one$/,
      ],
      [
        'yaml-duplicate-key.md',
        7,
        127,
        'error',
        /^date="Thursday" cannot be read: it counts from the publication date, and the front matter could not be read \(see 5:1\)/,
      ],
    ],
  ],
  [
    // The first was kept as text with no error (no "{" after it); the second was "lost its colon".
    'lookalike-colon.md',
    [
      [
        'lookalike-colon.md',
        6,
        15,
        'error',
        /^"：place\[Kyiv\]" has U\+FF1A FULLWIDTH ":" \(looks like ":"\) where an annotation's colon goes, .*write an ASCII ":"/,
      ],
      ['lookalike-colon.md', 6, 45, 'error', /^"꞉place\[Lviv\]" has U\+A789 MODIFIER LETTER COLON/],
    ],
  ],
  [
    'capitalised-kind.md',
    [
      [
        'capitalised-kind.md',
        6,
        1,
        'error',
        /^unknown annotation kind ":Event" in .*allowed kinds: place, event, weapon, range/,
      ],
    ],
  ],
  ['date-month-13.md', [['date-month-13.md', 6, 116, 'error', /^"2024-13-01" is not a date: month 13 does not exist/]]],
  [
    'date-day-first.md',
    [
      [
        'date-day-first.md',
        6,
        117,
        'error',
        /^"22\/11\/2024" is not a date: write a date as YYYY-MM-DD \(year, month, day\): 2024-11-22 \(day first\)$/,
      ],
    ],
  ],
  [
    'of-names-nothing.md',
    [
      [
        'of-names-nothing.md',
        6,
        62,
        'error',
        /^of=m-nowhere-strike names no event; define it with :event\[…\]\{#m-nowhere-strike …\} in any document$/,
      ],
    ],
  ],
  [
    'place-id-reused.md',
    [
      [
        'place-id-reused.md',
        6,
        200,
        'error',
        /^duplicate place id "kyiv"; first defined at place-id-reused\.md:6:22 \(use of=kyiv for another mention\)$/,
      ],
    ],
  ],
  [
    // It was "front matter must be a YAML mapping", of a front matter that has none.
    'front-matter-doubled-fence.md',
    [['front-matter-doubled-fence.md', 2, 1, 'error', /^the front matter is empty: .*is a --- line doubled\?\)$/]],
  ],
  [
    // It was "missing front matter".
    'front-matter-four-dashes.md',
    [
      [
        'front-matter-four-dashes.md',
        1,
        1,
        'error',
        /^the front matter must open with a line of exactly three dashes \(---\), not "----"/,
      ],
    ],
  ],
  [
    // It was "never closed", at line 1.
    'front-matter-closed-with-dots.md',
    [
      [
        'front-matter-closed-with-dots.md',
        4,
        1,
        'error',
        /^this "\.\.\." line ends the front matter in YAML, but a document's front matter ends with a line of ---/,
      ],
    ],
  ],
  [
    // Was published with no word: the claimant shown reversed on the map. Published still (the map keeps the
    // override inside its own words), with a warning at it.
    'bidi-override-in-value.md',
    [
      [
        'bidi-override-in-value.md',
        6,
        138,
        'warning',
        /^claimant= on :event\[.*\] has U\+202E \(an invisible control character\) at character 1, which would reverse or reorder how the value reads on the map; delete it$/,
      ],
    ],
  ],
  [
    'id-of-another-kind.md',
    [
      [
        'id-of-another-kind.md',
        6,
        144,
        'error',
        /^place=m-other-kind-strike names no place of this document; "m-other-kind-strike" is the id of :event\[A missile hit Kyiv on Thursda…\] \(6:1\), not of a place: name a place's id here$/,
      ],
    ],
  ],
  [
    // It was: unknown place "" (the words looked up as nothing).
    'blank-words.md',
    [['blank-words.md', 6, 14, 'error', /^annotation ":place\[ \]" has only spaces for its text/]],
  ],
  [
    'figures-trailing-semicolon.md',
    [
      [
        'figures-trailing-semicolon.md',
        6,
        194,
        'error',
        /^figures="3 killed;" has an empty figure \(a ";" with no figure after it\); delete the extra ";"$/,
      ],
    ],
  ],
  [
    // Was published as 1.2 drones.
    'magnitude-dot-thousands.md',
    [
      [
        'magnitude-dot-thousands.md',
        6,
        215,
        'error',
        /^magnitude=1\.200 would be read as 1\.2: if the dot separates thousands, write magnitude=1200/,
      ],
    ],
  ],
  [
    // Was published as the year 24 with no word.
    'date-year-mistyped.md',
    [
      [
        'date-year-mistyped.md',
        6,
        112,
        'warning',
        /^date=0024-11-21 is in the year 24; is the year mistyped \(2024\?\)$/,
      ],
    ],
  ],
  [
    // The mention had only "names no place of this document", of a place the front matter defines.
    'of-unreadable-front-place.md',
    [
      ['of-unreadable-front-place.md', 6, 9, 'error', /^place "depot": "at" must be \[lon, lat\] in degrees/],
      [
        'of-unreadable-front-place.md',
        10,
        32,
        'error',
        /^of=depot: place "depot" is defined in the front matter but could not be read \(see 5:3\)$/,
      ],
    ],
  ],
  [
    // It was said twice, as "never closed", of a quote the next line closes.
    'yaml-quote-across-lines.md',
    [
      [
        'yaml-quote-across-lines.md',
        4,
        8,
        'error',
        /^invalid YAML front matter: this " is not closed on its line, and the line that closes it is not indented; indent the lines/,
      ],
    ],
  ],
  // Round 5 (fuzz): what a reporter pasting from Word or a CMS, and a hurried annotator, write.
  [
    'attribute-misspelt.md',
    [
      [
        'attribute-misspelt.md',
        6,
        133,
        'error',
        /^unknown attribute "claimaint" on :event\[A missile hit Kyiv at dawn\.\]; did you mean "claimant"\? allowed: /,
      ],
    ],
  ],
  [
    'status-capitalised.md',
    [
      [
        'status-capitalised.md',
        6,
        155,
        'error',
        /^unknown status "Reported"; did you mean "reported"\? allowed: reported/,
      ],
    ],
  ],
  [
    'status-not-listed.md',
    [
      [
        'status-not-listed.md',
        6,
        153,
        'error',
        /^unknown status "confirmed"; allowed: reported, claimed, disputed, unverified$/,
      ],
    ],
  ],
  [
    'kind-misspelt.md',
    [
      [
        'kind-misspelt.md',
        6,
        21,
        'error',
        /^unknown annotation kind ":palce" in ":palce\[Lviv\]\{#lviv\}"; did you mean ":place"\? allowed kinds/,
      ],
    ],
  ],
  [
    'place-kind-misspelt.md',
    [['place-kind-misspelt.md', 6, 41, 'error', /^unknown place kind "ciity"; did you mean "city"\? allowed: /]],
  ],
  [
    'front-matter-key-misspelt.md',
    [
      [
        'front-matter-key-misspelt.md',
        4,
        1,
        'error',
        /^unknown front-matter key "publsihed"; did you mean "published"\? allowed: /,
      ],
    ],
  ],
  [
    'bom-inside-front-matter.md',
    [
      ['bom-inside-front-matter.md', 2, 1, 'error', /^front matter needs "title"$/],
      [
        'bom-inside-front-matter.md',
        3,
        1,
        'error',
        /^unknown front-matter key "\uFEFFtitle" \(it has U\+FEFF ZERO WIDTH NO-BREAK SPACE \(invisible\) at character 1\); did you mean "title"\?/,
      ],
    ],
  ],
  [
    'en-dash-in-date-interval.md',
    [
      [
        'en-dash-in-date-interval.md',
        6,
        119,
        'error',
        /^"2024-11-01–2024-11-03" is not a date: an interval is written with "\/" between its ends: 2024-11-01\/2024-11-03$/,
      ],
    ],
  ],
  [
    'smart-quotes-around-type.md',
    [
      [
        'smart-quotes-around-type.md',
        6,
        78,
        'error',
        /^type=“missile-strike” opens with the typographic quote “ \(U\+201C\).*write type="…" with straight quotes$/,
      ],
      ['smart-quotes-around-type.md', 6, 73, 'error', /must be kebab-case.*U\+201C "“" at character 1/],
    ],
  ],
  [
    'soft-hyphen-in-id.md',
    [
      [
        'soft-hyphen-in-id.md',
        6,
        36,
        'error',
        /^id "ky\u00ADiv" is not a valid id: it has U\+00AD SOFT HYPHEN \(invisible\) at character 3/,
      ],
      [
        'soft-hyphen-in-id.md',
        6,
        165,
        'error',
        /^place=kyiv names no place of this document; the mention at 6:22 defines "ky\u00ADiv", with U\+00AD SOFT HYPHEN \(invisible\) pasted in; delete it there$/,
      ],
    ],
  ],
  [
    'decomposed-accent-in-id.md',
    [
      ['decomposed-accent-in-id.md', 6, 37, 'error', /^id "ke\u0301rch" is not a valid id: it has U\+0301/],
      ['decomposed-accent-in-id.md', 6, 167, 'error', /^place= names "ke\u0301rch", which is not a valid id/],
    ],
  ],
  [
    'event-across-list-items.md',
    [
      ['event-across-list-items.md', 6, 3, 'error', /^unterminated annotation ":event\[A missile hit/],
      ['event-across-list-items.md', 7, 11, 'error', /^"\]\{#m-list-strike .*left in the text/],
    ],
  ],
  [
    'annotation-in-code-span.md',
    [
      [
        'annotation-in-code-span.md',
        6,
        13,
        'error',
        /^":place\[Kyiv\]" looks like an annotation but was not read as one \(.*inside code/,
      ],
    ],
  ],
  [
    'unbalanced-quote.md',
    [['unbalanced-quote.md', 6, 51, 'error', /have a quote " that is never closed and no closing "\}"/]],
  ],
  [
    'date-reversed.md',
    [
      [
        'date-reversed.md',
        6,
        116,
        'error',
        /^date interval "2024-11-05\/2024-11-01" ends before it starts; write the earlier date first: 2024-11-01\/2024-11-05$/,
      ],
    ],
  ],
  [
    'date-feb-29-not-leap.md',
    [['date-feb-29-not-leap.md', 6, 115, 'error', /^"2023-02-29" is not a date: 2023-02 has no day 29/]],
  ],
  [
    'event-no-place.md',
    [
      [
        'event-no-place.md',
        6,
        1,
        'error',
        /^event "m-noplace-strike" has no place: add place=id, or annotate the place/,
      ],
    ],
  ],
  ['at-out-of-range.md', [['at-out-of-range.md', 6, 47, 'error', /^at="195\.2,48\.46" is not "lon,lat" in degrees/]]],
  [
    'geonames-unknown.md',
    [['geonames-unknown.md', 6, 41, 'error', /^GeoNames id 1 \(for "Kyiv"\) is not in the gazetteer/]],
  ],
  [
    'range-klicks.md',
    [['range-klicks.md', 6, 36, 'error', /^unknown unit "klicks" in "300 klicks"; allowed units: km/]],
  ],
  [
    'range-half-the-earth.md',
    [['range-half-the-earth.md', 6, 38, 'warning', /^range of 40,000 km is more than half the Earth's circumference/]],
  ],
  ['range-zero.md', [['range-zero.md', 6, 38, 'error', /^range "0 km" must be greater than zero/]]],
  [
    'block-directive.md',
    [
      [
        'block-directive.md',
        6,
        1,
        'error',
        /^block directive "::place\[Kyiv\]\{#kyiv\}" is not supported; annotations are inline/,
      ],
    ],
  ],
  [
    'front-matter-never-closed.md',
    [['front-matter-never-closed.md', 1, 1, 'error', /^the front matter opened by the --- line here is never closed/]],
  ],
  [
    'front-matter-list-title.md',
    [['front-matter-list-title.md', 3, 8, 'error', /^front-matter "title" must be text, got \["Strike","Kyiv"\]/]],
  ],
  // Valid as it stands: published: in the future is a warning only when the build knows today (below).
  ['published-in-future.md', []],
  [
    'text-sha256-mismatch.md',
    [
      [
        'text-sha256-mismatch.md',
        5,
        14,
        'error',
        /^the text with annotations removed has SHA-256 [0-9a-f]{64}, not the 0{64}/,
      ],
    ],
  ],
  [
    'no-front-matter.md',
    [['no-front-matter.md', 1, 1, 'error', /^missing front matter; a document starts with a --- line/]],
  ],
  [
    'date-in-words.md',
    [['date-in-words.md', 6, 118, 'error', /^"1 November 2024" is not a date: write it as YYYY-MM-DD: 2024-11-01$/]],
  ],
  [
    'date-non-breaking-hyphens.md',
    [
      [
        'date-non-breaking-hyphens.md',
        6,
        116,
        'error',
        /^"2024\u201111\u201101" is not a date: it has U\+2011 NON-BREAKING HYPHEN \(looks like "-"\) at character 5; type it again with ASCII characters: 2024-11-01$/,
      ],
    ],
  ],
  [
    'date-unpadded.md',
    [
      [
        'date-unpadded.md',
        6,
        116,
        'error',
        /^"2024-1-5" is not a date: write the month and the day with two digits: 2024-01-05$/,
      ],
    ],
  ],
  [
    // Was published with "published: 2024-11-28", "author: …" and "---" as the text's first lines, and no publication date.
    'front-matter-fence-inside.md',
    [
      [
        'front-matter-fence-inside.md',
        4,
        1,
        'error',
        /^this --- line closes the front matter, but the 2 lines after it \(published:, author:\), up to the --- at line 7, are front matter: they would be read as the document's text; delete this --- line$/,
      ],
    ],
  ],
  [
    // A CMS's timestamp: was "it has U+003A ":" at character 14; type it again with ASCII characters".
    'published-timestamp.md',
    [
      [
        'published-timestamp.md',
        4,
        12,
        'error',
        /^front-matter "published": "2024-11-28T23:30:00-05:00" is not a date: it has a time of day, and a date is the day alone: write 2024-11-28 \(the day where the text counts it; the time is not kept\)$/,
      ],
      [
        'published-timestamp.md',
        6,
        121,
        'error',
        /^date="Thursday" cannot be read: it counts from the publication date/,
      ],
    ],
  ],
  [
    // Degrees with hemisphere letters (latitude first) and a minus sign (U+2212), pasted from a map or an
    // encyclopaedia: was only 'is not "lon,lat" in degrees', with no point to write.
    'at-pasted-from-a-map.md',
    [
      [
        'at-pasted-from-a-map.md',
        6,
        45,
        'error',
        /^at="50\.45°N 30\.52°E" is not "lon,lat" in degrees .*; degrees are written as plain decimal numbers, west and south negative: at="30\.52,50\.45"$/,
      ],
      [
        'at-pasted-from-a-map.md',
        7,
        50,
        'error',
        /^at="−58\.38,−34\.6" is not "lon,lat" in degrees .*; it has U\+2212 \(a minus sign\) for "-": at="-58\.38,-34\.6"$/,
      ],
    ],
  ],
  [
    // Attributes as other formats write them: a comma between them, "# id", "key:value". Each was
    // located, but said only that the id had a "," or that "# lviv" or "kind:city" was unexpected.
    'attributes-written-as-elsewhere.md',
    [
      [
        'attributes-written-as-elsewhere.md',
        7,
        25,
        'error',
        /^the attributes of :place\[Lviv\] cannot be read \(a space between "#" and the id: write #lviv\)/,
      ],
      [
        'attributes-written-as-elsewhere.md',
        6,
        29,
        'error',
        /^id "kyiv," is not a valid id: .*; attributes are separated by spaces alone, with no ",": write #kyiv and the next attribute after a space$/,
      ],
      [
        'attributes-written-as-elsewhere.md',
        8,
        37,
        'error',
        /^unknown attribute "kind:city" on :place\[Odesa\]; did you mean kind=city\? \(an attribute is key=value\)/,
      ],
      ['attributes-written-as-elsewhere.md', 9, 122, 'error', /^place=kyiv names no place of this document/],
      [
        'attributes-written-as-elsewhere.md',
        9,
        122,
        'error',
        /^place=odesa: place "odesa" is defined but could not be resolved \(see 8:16\)/,
      ],
    ],
  ],
  [
    // 1024 for 2024 was published as the year 1024 without a word (only years before 1000 were flagged);
    // 1654 is history ("2054" would be after the document), and passes.
    'date-year-first-digit.md',
    [
      [
        'date-year-first-digit.md',
        6,
        124,
        'warning',
        /^date=1024-11-21 is in the year 1024; is the year mistyped \(2024\?\) If the text dates something that long ago, say so in note=$/,
      ],
    ],
  ],
  // Read, not refused: "5 500 km" with a no-break space, "2 000 km" with a narrow one and a soft hyphen (below).
  ['range-space-thousands.md', []],
  [
    'range-decimal-comma.md',
    [
      [
        'range-decimal-comma.md',
        6,
        38,
        'error',
        /^"1,5 km" is ambiguous: "1,5" is 1\.5 if its comma is a decimal point.*max=1\.5 added="the text writes 1,5, a decimal comma"/,
      ],
    ],
  ],
  [
    'range-stated-and-max.md',
    [
      [
        'range-stated-and-max.md',
        6,
        68,
        'error',
        /^:range\[300 km\] states 300 km itself, and max=500 would publish the annotator's figure in its place; drop min=\/max=\/added=/,
      ],
    ],
  ],
  ['range-nautical-nm.md', []],
  [
    'figures-soft-hyphen.md',
    [
      [
        'figures-soft-hyphen.md',
        6,
        182,
        'error',
        /^figures= on :event\[A missile hit Kyiv at dawn, killing fou…\] has U\+00AD SOFT HYPHEN \(invisible\) at character 6, pasted with the value: the same figure would read as another; delete it$/,
      ],
    ],
  ],
  ['figures-no-break-space.md', []],
  [
    'at-lat-lon-swapped.md',
    [
      [
        'at-lat-lon-swapped.md',
        6,
        43,
        'error',
        /^at="31\.23,121\.47" is not "lon,lat" in degrees .*; are longitude and latitude swapped\? longitude comes first: at="121\.47,31\.23"$/,
      ],
    ],
  ],
  [
    'at-space-separated.md',
    [
      [
        'at-space-separated.md',
        6,
        45,
        'error',
        /^at="35\.04 48\.46" is not "lon,lat" in degrees .*; separate longitude and latitude with a comma: at="35\.04,48\.46"$/,
      ],
    ],
  ],
  [
    // A left-to-right mark copied with the words from a bilingual page: "unknown place" with the mark
    // printed raw (invisible, and a bidi control reorders the line it is printed in), no suggestion, no fix.
    'place-words-bidi-mark.md',
    [
      [
        'place-words-bidi-mark.md',
        6,
        15,
        'error',
        /^unknown place "<U\+200E>Kharkiv": .*; it has U\+200E \(an invisible control character\) at character 1, which no place's name has .*: the text keeps its words as they are: give the name to look up with name="Kharkiv"/,
      ],
    ],
  ],
  [
    // A zero-width space inside the words: the error named a look-alike and never the character.
    'place-words-zero-width-space.md',
    [
      [
        'place-words-zero-width-space.md',
        6,
        14,
        'error',
        /^unknown place "Zapo<U\+200B>rizhzhia": .*; it has U\+200B ZERO WIDTH SPACE \(invisible\) at character 5, .*give the name to look up with name="Zaporizhzhia"/,
      ],
    ],
  ],
  [
    // "<<: *depot" (a YAML 1.1 merge key): was 'unknown key "<<" (it has U+003C "<" …)' and "needs a
    // name", as if the annotator had typed a stray character, with no word of merge keys.
    'yaml-merge-key.md',
    [
      [
        'yaml-merge-key.md',
        11,
        5,
        'error',
        /^invalid YAML front matter: "<<" is a merge key \(YAML 1\.1\), which the front matter's YAML \(1\.2\) does not read: .*write them out here instead of "<<: \*name"$/,
      ],
    ],
  ],
  [
    // A forum thread pasted with its replies quoted 120 deep: was read with no error, and a line of 4,000
    // such markers took 9 s (time quadratic in the depth): now refused at the line, unread.
    'quotes-nested-past-reading.md',
    [
      [
        'quotes-nested-past-reading.md',
        8,
        1,
        'error',
        /^this line opens 120 quotes or list items inside one another \("> > > > > > …"\), past the 100 a document may nest: .*cut it down$/,
      ],
    ],
  ],
  [
    // Round 6. An unquoted value ends at the first "}", which closes the attributes: "name=Ky}iv}" looked
    // up "Ky" (Kentucky) and kept "iv}" in the text; "note=see}below}" published the note "see".
    'unquoted-value-with-brace.md',
    [
      [
        'unquoted-value-with-brace.md',
        6,
        200,
        'error',
        /^the value note=see on :event\[A missile hit .*\] ends at this "\}".* "below\}" after it would be kept in the text; a value that holds "\}" is quoted: note="see\}below"/,
      ],
      [
        'unquoted-value-with-brace.md',
        6,
        48,
        'error',
        /^the value name=Ky on :place\[Kyiv\] ends at this "\}", which closes the attributes, and "iv\}" after it would be kept in the text; a value that holds "\}" is quoted: name="Ky\}iv"/,
      ],
    ],
  ],
  [
    // Invisible characters alone (a zero-width space or word joiner a CMS left, &#8203;) passed every
    // "is it empty?" check: a claim published with no claimant to see, an excerpt of nothing, a blank note.
    'invisible-only-values.md',
    [
      [
        'invisible-only-values.md',
        9,
        1,
        'error',
        /^annotation ":event\[ \]" has only invisible characters \(U\+2060 WORD JOINER \(invisible\)\) for its text/,
      ],
      [
        'invisible-only-values.md',
        5,
        9,
        'error',
        /^front-matter "author" holds only invisible characters \(U\+200B ZERO WIDTH SPACE \(invisible\)\): .*write the value, or delete author:$/,
      ],
      [
        'invisible-only-values.md',
        7,
        143,
        'error',
        /^claimant= on :event\[A missile hit Kyiv on Thursday\.\] holds only invisible characters \(U\+200B ZERO WIDTH SPACE \(invisible\)\): it would publish a value no one can see; write the value, or delete claimant=$/,
      ],
      [
        'invisible-only-values.md',
        11,
        84,
        'error',
        /^origin-note= on :range\[900 km\] holds only invisible characters \(U\+200B ZERO WIDTH SPACE \(invisible\), U\+200D ZERO WIDTH JOINER \(invisible\)\)/,
      ],
    ],
  ],
  [
    // A point and a gazetteer pin on one place: at= placed the point and the pin was dropped without a
    // word (the output had geonames: null), in the text and in the front matter alike.
    'at-and-pin.md',
    [
      [
        'at-and-pin.md',
        9,
        15,
        'error',
        /^place "depot" has both at: and wikidata: — at: gives the point itself, so the pin would be ignored; give one/,
      ],
      [
        'at-and-pin.md',
        12,
        73,
        'error',
        /^:place\[Kyiv\] has both at="30\.52,50\.45" and geonames=703448: at= gives the point itself, so the GeoNames pin would be ignored; give one: the pin alone .*, or at= with precision= for a point it has not$/,
      ],
      [
        'at-and-pin.md',
        14,
        123,
        'error',
        /^place=depot: place "depot" is defined but could not be resolved \(see 6:3\)$/,
      ],
    ],
  ],
];

/** Fixtures whose bytes are not UTF-8 text: the error the shell gives before any parsing. */
const UNDECODABLE: Record<string, [number, number, RegExp]> = {
  // claimant=“the mayor” typed in Word and saved as Windows-1252: byte 0x93 where UTF-8 wants a sequence.
  'windows-1252.md': [6, 139, /^not valid UTF-8: byte 0x93 here is "“" in Windows-1252 \(Latin-1\).*save it as UTF-8$/],
  'nul-byte.md': [6, 19, /^not a text file: it has a NUL byte \(U\+0000\) here/],
  // An emoji written as two UTF-16 surrogates (CESU-8): the error was placed at the file's last byte.
  'emoji-as-surrogates.md': [
    6,
    68,
    /^not valid UTF-8: bytes 0xED 0xA0 here encode half of a UTF-16 surrogate pair \(CESU-8.*save the document as UTF-8/,
  ],
  // UTF-16 with no byte-order mark: was "a NUL byte here", at 1:2.
  'utf-16-no-bom.md': [
    1,
    1,
    /^document is UTF-16 \(little-endian, with no byte-order mark: a NUL byte beside each character\); save it as UTF-8$/,
  ],
};

/** The fixtures of round 5 (from attribute-misspelt.md on): each built beside a valid neighbour. */
const ROUND_5 = EXPECTED.slice(EXPECTED.findIndex(([f]) => f === 'attribute-misspelt.md')).map(([f]) => f);

const NEIGHBOUR = [
  '---',
  'id: m-neighbour',
  'title: A valid neighbour',
  'published: 2024-11-28',
  '---',
  ':event[A missile hit :place[Lviv]{#lviv} at dawn.]{#m-neighbour-strike type=missile-strike summary="Strike on Lviv" date=2024-11-01 claimant="the mayor" status=reported}',
  '',
].join('\n');

describe('malformed documents: a located error for each, never a crash or a silent loss', () => {
  it('has an expectation for every fixture', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    const covered = new Set([
      ...EXPECTED.map(([f]) => f),
      'bom-crlf-mixed.md',
      'markdown-in-words.md',
      'duplicate-id-across-files-a.md',
      'duplicate-id-across-files-b.md',
      'event-id-differs-by-case-a.md',
      'event-id-differs-by-case-b.md',
      ...Object.keys(UNDECODABLE),
    ]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(EXPECTED)('%s', (name, expected) => {
    const { out, diagnostics } = build(name);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity])).toEqual(
      expected.map(([f, l, c, s]) => [f, l, c, s]),
    );
    diagnostics.forEach((d, i) => expect(d.message).toMatch(expected[i][4]));
    // An error means nothing is published; a warning alone leaves what there is.
    if (expected.some((e) => e[3] === 'error')) expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(out).toBeDefined();
  });

  it('reads a BOM with CRLF and LF line breaks mixed faithfully: the text byte for byte, the event at its place', () => {
    const { out, diagnostics } = build('bom-crlf-mixed.md');
    expect(diagnostics).toEqual([]);
    const [event] = out.events.features;
    expect(event.properties.id).toBe('kyiv-strike-bom');
    expect(event.properties.place).toBe('Kyiv');
    expect(event.properties.claims[0].excerpt).toBe('A missile hit Kyiv at dawn.');
    const parsed = parseDocumentText('bom-crlf-mixed.md', readFileSync(join(dir, 'bom-crlf-mixed.md'), 'utf8'));
    expect(parsed.text).toBe('A missile hit Kyiv at dawn.\r\nA second line ends in LF.\nA third in CRLF.\r\n');
  });

  it('says an event id defined in two files is a duplicate, at the second, naming the first', () => {
    const { diagnostics } = build('duplicate-id-across-files-a.md', 'duplicate-id-across-files-b.md');
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      [
        'duplicate-id-across-files-b.md',
        6,
        54,
        'error',
        'duplicate event id "dup-strike"; first defined at duplicate-id-across-files-a.md:6:1 (use of=dup-strike to add a claim to it)',
      ],
    ]);
  });

  it('warns of an event id that differs from another only by case, at the second, naming the first; both are published', () => {
    // Was silent: "#Kyiv-dawn-strike" beside "#kyiv-dawn-strike" made two events of one.
    const { out, diagnostics } = build('event-id-differs-by-case-a.md', 'event-id-differs-by-case-b.md');
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      [
        'event-id-differs-by-case-b.md',
        6,
        64,
        'warning',
        'event id "Kyiv-dawn-strike" differs only by case from "kyiv-dawn-strike", defined at event-id-differs-by-case-a.md:6:1: the map shows two events; if this sentence tells the same one, write of=kyiv-dawn-strike to add a claim to it, else give it an id that differs in more than case',
      ],
    ]);
    expect(out.events.features.map((f) => f.properties.id).sort()).toEqual(['Kyiv-dawn-strike', 'kyiv-dawn-strike']);
  });

  it('keeps what only looks like those mistakes: figures with numbers in their words, decimals, escaped braces', () => {
    const source = [
      '---',
      'id: m-look-alikes',
      'title: Look-alikes',
      'published: 2024-11-28',
      '---',
      ':event[A missile hit :place[Kyiv]{#kyiv} on Thursday.]{#m-alike-strike type=missile-strike summary="Strike" date=Thursday claimant="the city" status=reported figures="1.5 million displaced; 12 F-16 jets; 3 killed in 2 districts; 0.500 tonnes"}',
      'The :weapon[Test-11]{#test-11} flies :range[1.5 km]{weapon=test-11 claimant="the maker" status=claimed}, and \\{a=1} is text, as is {a = 1}.',
      '',
    ].join('\n');
    const parsed = parseDocumentText('alike.md', source);
    const out = compile([parsed], { resolve, areas: new Map() });
    expect([...parsed.diagnostics, ...out.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.events.features[0].properties.claims[0].figures).toEqual([
      { value: 1.5, unit: 'million displaced' },
      { value: 12, unit: 'F-16 jets' },
      { value: 3, unit: 'killed in 2 districts' },
      { value: 0.5, unit: 'tonnes' },
    ]);
    expect(parsed.text).toContain('flies 1.5 km, and {a=1} is text, as is {a = 1}.');
  });

  it('locates an error at the end of an extremely long line (a million characters) by its UTF-16 column', () => {
    const head = '---\nid: m-long\ntitle: Long\n---\n';
    const words = `${'Words of a very long line, 😀 and more. '.repeat(25_000)}`;
    const parsed = parseDocumentText('long.md', `${head}${words}:place[Kyiv]{#kyiv kind=city\n`);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.column])).toEqual([[5, words.length + 13]]);
    expect(errors[0].message).toMatch(/have no closing "}"/);
  });

  it('builds a document of thousands of events in work linear in their count', async () => {
    // Each event's places and highlights were found by a scan of every annotation of its document: 8,000
    // events in one document (1.8 MB) took a minute. Two sizes, the second four times the first, and the
    // compile's work counted (work-count.ts), not timed: linear, about four times the count; quadratic, sixteen.
    const places = ['Kyiv', 'Lviv', 'Odesa', 'Kharkiv', 'Dnipro'];
    const source = (n: number) =>
      `---\nid: m-many\ntitle: Many events\npublished: 2024-11-28\n---\n${Array.from(
        { length: n },
        (_, i) =>
          `:event[A missile hit :place[${places[i % 5]}]{#p${i}} at dawn.]{#m-many-${i} type=missile-strike summary="s" date=2024-11-01 claimant="the mayor" status=reported}\n`,
      ).join('')}`;
    // Counted in a fresh process (work-count.ts), compile only; here, the events of each size are all built.
    const n = 400;
    for (const k of [n, 4 * n])
      expect(
        compile([parseDocumentText('many.md', source(k))], { resolve, areas: new Map() }).events.features,
      ).toHaveLength(k);
    const { ratio } = await growth('events', n);
    expect(ratio).toBeLessThan(5);
  });

  it('reads a text of unmatched asterisks and underscores in work linear in its length', async () => {
    // micromark's emphasis matcher walked back over every unmatched delimiter for each closing one:
    // 8,000 of "*a_" (24 KB) took 20 s, and a 240 KB text of them would have hung the build for half an
    // hour. Two sizes, the second four times the first, and the work counted (work-count.ts), not timed:
    // linear, about four times the count.
    const source = (n: number) => `---\nid: m-stars\ntitle: Stars\n---\n${'*a_'.repeat(n)}:place[Kyiv]{#kyiv}\n`;
    for (const n of [1000, 4000]) {
      const parsed = parseDocumentText('stars.md', source(n));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.annotations.map((a) => a.attributes.id)).toEqual(['kyiv']);
      expect(parsed.text).toBe(`${'*a_'.repeat(n)}Kyiv\n`);
    }
    const { ratio } = await growth('stars', 1000);
    expect(ratio).toBeLessThan(5);
  });

  it('reports every one of 150,000 errors in one document, never overflowing the stack', () => {
    // Handing a document's diagnostics on by spreading them into push() threw RangeError (Maximum call
    // stack size exceeded) past about 120,000: the build crashed with a stack trace instead of reporting.
    const parsed = parseDocumentText('flood.md', `---\nid: m-flood\ntitle: Flood\n---\n${'x]{y '.repeat(150_000)}\n`);
    const out = compile([parsed], { resolve, areas: new Map() });
    expect(out.diagnostics.length).toBe(150_000);
    expect(out.diagnostics[149_999]).toMatchObject({ file: 'flood.md', line: 5, column: 5 * 149_999 + 2 });
  }, 120_000);

  it('reads words an export formatted (a link, bold, italics) as the article shows them; the excerpt keeps its markup', () => {
    // Looked up with the markup, "[Odesa](https://…)" and "**Kyiv**" were unknown places, "_up to 500 km_"
    // not a range, and a weapon was named "**Iskander-M**".
    const { out, diagnostics } = build('markdown-in-words.md');
    expect(diagnostics).toEqual([]);
    const [event] = out.events.features;
    expect(event.properties.places.map((p) => p.name)).toEqual(['Kharkiv', 'Odesa']);
    expect(event.properties.claims[0].excerpt).toBe(
      'A missile hit *Kharkiv* and [Odesa](https://example.org/odesa_(city)) on Thursday.',
    );
    const [range] = out.ranges.features;
    expect([
      range.properties.weapon,
      range.properties.max_km,
      range.properties.stated_text,
      range.properties.qualifier,
    ]).toEqual(['Iskander-M', 500, 'up to 500 km', 'up to']);
    expect(range.properties.excerpt).toBe('The **Iskander-M** flies _up to 500 km_, and **Kyiv** was not hit.');
  }, 120_000);

  it.each(Object.entries(UNDECODABLE))(
    '%s: the bytes that are not text, at their line and column',
    (name, [line, column, message]) => {
      const decoded = decodeDocument(name, readFileSync(join(dir, name)));
      expect('diagnostic' in decoded && [decoded.diagnostic.line, decoded.diagnostic.column]).toEqual([line, column]);
      expect('diagnostic' in decoded && decoded.diagnostic.message).toMatch(message);
    },
  );

  it.each(ROUND_5)('%s: a valid document beside it still builds, every claim of it published', (name) => {
    const { out } = build(name);
    const neighbour = parseDocumentText('m-neighbour.md', NEIGHBOUR);
    const both = compile([parseDocumentText(name, readDocument(name)), neighbour], { resolve, areas: new Map() });
    const mine = both.diagnostics.filter((d) => d.file === 'm-neighbour.md');
    expect(mine).toEqual([]);
    const event = both.events.features.find((f) => f.properties.id === 'm-neighbour-strike');
    expect(event?.properties.place).toBe('Lviv');
    expect(event?.properties.claims.map((c) => [c.excerpt, c.claimant, c.status])).toEqual([
      ['A missile hit Lviv at dawn.', 'the mayor', 'reported'],
    ]);
    // And the broken one's own output is the same as when built alone.
    expect(both.events.features.length).toBe(out.events.features.length + 1);
  });

  it('publishes a range of 40,000 km as the text states it, with its warning, not capped or dropped', () => {
    const { out } = build('range-half-the-earth.md');
    expect(out.ranges.features.map((f) => [f.properties.max_km, f.properties.claims[0].stated_text])).toEqual([
      [40000, '40,000 km'],
    ]);
  });

  it('reads thousands grouped by a no-break or a narrow space, and a figure with a soft hyphen pasted in, as the text states them', () => {
    const { out } = build('range-space-thousands.md');
    expect(out.ranges.features.map((f) => [f.properties.max_km, f.properties.claims[0].qualifier])).toEqual([
      [5500, 'up to'],
      [2000, null],
    ]);
    expect(parseDocumentText('r.md', readDocument('range-space-thousands.md')).text).toContain('up to 5\u00a0500 km');
  });

  it('reads a no-break space between the words of a figure as a space, so it is the same figure as in another account', () => {
    const { out } = build('figures-no-break-space.md');
    expect(out.events.features[0].properties.claims[0].figures).toEqual([{ value: 4, unit: 'killed in action' }]);
  });

  it('reads "1,000 nm" as nautical miles (1,852 km), never nanometres', () => {
    const { out } = build('range-nautical-nm.md');
    expect(out.ranges.features.map((f) => f.properties.max_km)).toEqual([1852]);
  });

  it('warns of a published: date after today at its value, and still publishes the event', () => {
    const parsed = parseDocumentText('published-in-future.md', readDocument('published-in-future.md'));
    const out = compile([parsed], { resolve, areas: new Map(), today: '2026-12-07' });
    expect(out.diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [
        4,
        12,
        'warning',
        expect.stringMatching(/^published: 2099-01-01 is after today \(2026-12-07\); is the year right\?/),
      ],
    ]);
    expect(out.events.features.map((f) => f.properties.id)).toEqual(['m-future-strike']);
  });
});

describe('malformed area files: located at the origin-area= that names them', () => {
  it('refuses one in projected metres and warns of a ring that crosses itself, drawing its band', () => {
    const doc = [
      '---',
      'id: m-areas',
      'title: Areas',
      'published: 2024-11-28',
      '---',
      'The :weapon[Test-20]{#test-20} flies :range[300 km]{weapon=test-20 origin-area=areas/projected-metres.geojson origin-note="the oblast" claimant="the maker" status=claimed}.',
      'The :weapon[Test-21]{#test-21} flies :range[400 km]{weapon=test-21 origin-area=areas/bow-tie.geojson origin-note="the front" claimant="the maker" status=claimed}.',
      '',
    ].join('\n');
    const path = join(dir, 'm-areas.md');
    const areas = new Map(
      ['projected-metres.geojson', 'bow-tie.geojson'].map((f) => [
        areaKey(path, `areas/${f}`),
        parseArea(readFileSync(join(dir, 'areas', f), 'utf8')),
      ]),
    );
    const out = compile([parseDocumentText(path, doc)], { resolve, areas });
    expect(out.diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [
        6,
        68,
        'error',
        expect.stringMatching(
          /^origin-area=areas\/projected-metres\.geojson: coordinates\[0\]\[0\] is \[3339584\.7, 6446275\.8\].*projected CRS/,
        ),
      ],
      [
        7,
        68,
        'warning',
        expect.stringMatching(/^origin-area=areas\/bow-tie\.geojson: the ring coordinates\[0\] crosses itself/),
      ],
    ]);
    expect(out.ranges.features.map((f) => [f.properties.max_km, f.geometry?.type])).toEqual([[400, 'Polygon']]);
  });
});

function readDocument(name: string): string {
  const decoded = decodeDocument(name, readFileSync(join(dir, name)));
  if ('diagnostic' in decoded) throw new Error(decoded.diagnostic.message);
  return decoded.text;
}
