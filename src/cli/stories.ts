/**
 * stories: reads the story files (`data/maps/<id>.yaml`) and the area files they highlight, applies
 * them to the built features (src/compiler/story.ts), and returns the files to publish: one
 * `maps/<id>.json` per story and the index `maps.json`. No story directory: no stories (an empty index), no error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT_FILES, storyFile, type Diagnostic, type EventFeature, type RangeFeature } from '../contract.js';
import { readAreaWithin } from './areas.js';
import { decodeDocument } from './prepare-files.js';
import { gazetteerOutline, type Region } from '../compiler/areas.js';
import { parseStory, selectStory, storyIdOf, storyOutput, type StoryIndexEntry } from '../compiler/story.js';
import { focusStorySteps } from '../compiler/story-steps.js';

export interface BuiltStories {
  diagnostics: Diagnostic[];
  /** File name → content (empty when there is no story). */
  files: Record<string, string>;
}

/** The basemap's admin-1 regions (ISO 3166-2 code, country, polygon): the outlines a highlight names by code. */
const REGIONS_FILE = fileURLToPath(new URL('../../public/basemap/admin1.geojson', import.meta.url));
let regions: Region[] | null = null;
function readRegions(): Region[] {
  regions ??= (JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as { features: Region[] }).features;
  return regions;
}

export function buildStories(
  dir: string,
  cwd: string,
  areaRoots: readonly string[],
  events: readonly EventFeature[],
  ranges: readonly RangeFeature[],
): BuiltStories {
  const diagnostics: Diagnostic[] = [];
  // The index is always written (empty without stories), so that the home page's request for it never fails.
  const files: Record<string, string> = { [OUTPUT_FILES.stories]: '[]\n' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { diagnostics, files };
  const index: StoryIndexEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    const shown = relative(cwd, path) || path;
    const id = storyIdOf(name) ?? name.replace(/\.ya?ml$/, '');
    // A folder named like a story file is not one; a file that is not UTF-8 text (saved as Windows-1252, a
    // NUL byte) is an error at the byte, as for a document, never read with U+FFFD in place of its letters.
    if (!statSync(path).isFile()) {
      diagnostics.push({
        severity: 'warning',
        file: shown,
        line: 1,
        column: 1,
        message: 'not read: this is a folder named like a story file; a story is a file',
      });
      continue;
    }
    const decoded = decodeDocument(shown, readFileSync(path), 'story file');
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const { story, diagnostics: parsed } = parseStory(shown, id, decoded.text);
    diagnostics.push(...parsed);
    if (!story) continue;
    const selection = selectStory(story, events, ranges);
    diagnostics.push(...selection.diagnostics);
    const highlights = [];
    let failed = selection.diagnostics.some((d) => d.severity === 'error');
    // The steps focus on what the story shows: checked once that is known.
    const steps = failed ? null : focusStorySteps(story, selection, { events, ranges });
    if (steps) diagnostics.push(...steps.diagnostics);
    failed ||= steps?.diagnostics.some((d) => d.severity === 'error') ?? false;
    for (const h of story.highlights) {
      const what =
        h.area !== null ? `area "${h.area}"` : h.region !== null ? `region ${h.region}` : `country ${h.country}`;
      const area =
        h.area !== null
          ? readAreaWithin(resolvePath(dirname(path), h.area), [...areaRoots, dir])
          : gazetteerOutline(
              readRegions(),
              h.region !== null ? { region: h.region } : { country: h.country as string },
            );
      if ('error' in area) {
        diagnostics.push({
          severity: 'error',
          file: h.at.file,
          line: h.at.line,
          column: h.at.column,
          message: `highlight ${what}: ${area.error}`,
        });
        failed = true;
      } else {
        if ('warning' in area && area.warning)
          diagnostics.push({
            severity: 'warning',
            file: h.at.file,
            line: h.at.line,
            column: h.at.column,
            message: `highlight ${what}: ${area.warning}`,
          });
        highlights.push({ geometry: area.geometry, label: h.label });
      }
    }
    if (failed) continue;
    files[storyFile(story.id)] = `${JSON.stringify(storyOutput(story, selection, highlights, steps?.steps))}\n`;
    index.push({
      id: story.id,
      title: story.title,
      description: story.description,
      events: selection.events.length,
      ranges: selection.ranges.length,
    });
  }
  files[OUTPUT_FILES.stories] = `${JSON.stringify(index, null, 2)}\n`;
  return { diagnostics, files };
}
