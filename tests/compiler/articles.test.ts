/**
 * The held-out development set (tests/fixtures/articles): project-written articles, annotated by hand,
 * that the suggestion engine is scored on. These tests keep the set valid as the compiler evolves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataBuilder } from '../../src/cli/build-data.js';
import { listDocuments } from '../../src/cli/documents.js';
import { parseDocumentText } from '../../src/compiler/parse.js';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'tests/fixtures/articles');
const files = listDocuments(dir);

/** Words of the article body, as a reader counts them (the headline is the front matter's title). */
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('the development set of articles', () => {
  it('holds at least 18 articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it('builds with no errors', async () => {
    const out = await createDataBuilder(dir, { cwd: root }).build();
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.documents).toBe(files.length);
    expect(out.files).not.toBeNull();
  });

  for (const file of files) {
    const name = file.slice(dir.length + 1);
    const parsed = parseDocumentText(name, readFileSync(file, 'utf8'));

    it(`${name}: removing the annotations leaves text with no directive markup`, () => {
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.text).not.toMatch(/:(?:place|event|weapon|range)\[/);
      expect(parsed.text).not.toContain(']{');
      expect(parsed.text).not.toMatch(/\{[#.]?[\w-]+=|\{#/);
    });

    it(`${name}: is a short article (150–400 words) with its id as file name, places and an event`, () => {
      expect(words(parsed.text)).toBeGreaterThanOrEqual(150);
      expect(words(parsed.text)).toBeLessThanOrEqual(400);
      expect(parsed.frontMatter?.id).toBe(name.replace(/\.md$/, ''));
      expect(parsed.frontMatter?.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const kinds = new Set(parsed.annotations.map((a) => a.kind));
      expect(kinds.has('place') && kinds.has('event')).toBe(true);
    });
  }
});
