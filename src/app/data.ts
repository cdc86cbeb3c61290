/**
 * Fetches the published data and checks it once, at the entry point: a feature that does not have the
 * contract's shape is left out (and counted), so one bad record never stops the map from drawing.
 */
import { CLAIM_STATUSES, OUTPUT_FILES, RANGE_BASES } from '../contract';
import type { EventCollection, EventFeature, RangeCollection, RangeFeature } from '../contract';

export interface AtlasData {
  events: EventCollection;
  ranges: RangeCollection;
  /** Human-readable problems: missing files, features left out. Empty when all is well. */
  problems: string[];
}

type Check = (p: Record<string, unknown>) => string | null;

const str = (k: string): Check => (p) => (typeof p[k] === 'string' && p[k] !== '' ? null : `"${k}" is ${JSON.stringify(p[k])}, not a non-empty string`);
const oneOf = (k: string, allowed: readonly string[]): Check => (p) => (allowed.includes(p[k] as string) ? null : `"${k}" is ${JSON.stringify(p[k])}, not one of ${allowed.join(', ')}`);
const claims: Check = (p) => (Array.isArray(p.claims) && p.claims.length > 0 ? null : '"claims" is not a non-empty array');
const lonlat = (c: unknown): boolean => Array.isArray(c) && c.length >= 2 && c.every((n) => Number.isFinite(n));

const EVENT_CHECKS = [str('id'), str('type'), str('summary'), str('place'), str('excerpt'), oneOf('status', CLAIM_STATUSES), claims];
const RANGE_CHECKS = [str('id'), str('weapon'), str('label'), str('excerpt'), oneOf('status', CLAIM_STATUSES), oneOf('basis', RANGE_BASES), claims];

/** Why a feature does not fit, or null when it does. Exported for tests. */
export function eventProblem(f: unknown): string | null {
  const feature = f as EventFeature;
  if (feature?.geometry?.type !== 'Point' || !lonlat(feature.geometry.coordinates)) return 'geometry is not a Point with [lon, lat]';
  return firstProblem(feature.properties, EVENT_CHECKS);
}

export function rangeProblem(f: unknown): string | null {
  const feature = f as RangeFeature;
  const type = feature?.geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return 'geometry is not a Polygon or MultiPolygon';
  const p = feature.properties as unknown as Record<string, unknown>;
  if (p && p.origin !== null && !lonlat(p.origin)) return '"origin" is neither null nor [lon, lat]';
  return firstProblem(feature.properties, RANGE_CHECKS);
}

function firstProblem(props: unknown, checks: Check[]): string | null {
  if (!props || typeof props !== 'object') return 'no properties';
  for (const check of checks) {
    const problem = check(props as Record<string, unknown>);
    if (problem) return problem;
  }
  return null;
}

/** Keeps the features that fit; describes the others in `problems`. */
export function validate<F>(name: string, json: unknown, problemOf: (f: unknown) => string | null, problems: string[]): F[] {
  const features = (json as { type?: string; features?: unknown[] })?.features;
  if ((json as { type?: string })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    problems.push(`${name} is not a GeoJSON FeatureCollection.`);
    return [];
  }
  const kept: F[] = [];
  const seen = new Set<string>();
  features.forEach((f, i) => {
    let problem = problemOf(f);
    const id = (f as { properties?: { id?: string } })?.properties?.id;
    if (!problem && seen.has(id as string)) problem = `id "${id}" is used twice`;
    if (problem) problems.push(`${name}: feature ${i + 1} left out: ${problem}.`);
    else {
      seen.add(id as string);
      kept.push(f as F);
    }
  });
  return kept;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}

/** Loads events and ranges from `<base>data/`. Never rejects: failures become `problems`. */
export async function loadData(base: string): Promise<AtlasData> {
  const problems: string[] = [];
  const load = async (file: string) => {
    try {
      return await fetchJson(`${base}data/${file}`);
    } catch (err) {
      problems.push(`Could not load data/${file} (${(err as Error).message}). Has the data build run?`);
      return { type: 'FeatureCollection', features: [] };
    }
  };
  const [events, ranges] = await Promise.all([load(OUTPUT_FILES.events), load(OUTPUT_FILES.ranges)]);
  return {
    events: { type: 'FeatureCollection', features: validate<EventFeature>(OUTPUT_FILES.events, events, eventProblem, problems) },
    ranges: { type: 'FeatureCollection', features: validate<RangeFeature>(OUTPUT_FILES.ranges, ranges, rangeProblem, problems) },
    problems,
  };
}
