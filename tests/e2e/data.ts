/**
 * Test data: whatever the site serves. Until the data build has written public/data, the app
 * fixture is copied there (only when events.geojson is missing), so tests never pin fixture values.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { MultiPolygon, Polygon } from 'geojson';
import type { EventCollection, RangeCollection } from '../../src/contract.js';

const PUBLIC_DATA = 'public/data';
const FIXTURE = 'tests/fixtures/app';

export function ensureServedData(): void {
  if (existsSync(join(PUBLIC_DATA, 'events.geojson'))) return;
  mkdirSync(PUBLIC_DATA, { recursive: true });
  for (const file of ['events.geojson', 'ranges.geojson']) copyFileSync(join(FIXTURE, file), join(PUBLIC_DATA, file));
}

export interface Served {
  events: EventCollection;
  ranges: RangeCollection;
}

export async function served(request: APIRequestContext): Promise<Served> {
  const get = async (file: string) => {
    const response = await request.get(`data/${file}`);
    return response.ok() ? response.json() : { type: 'FeatureCollection', features: [] };
  };
  return { events: await get('events.geojson'), ranges: await get('ranges.geojson') };
}

type Position = number[];
type Band = RangeCollection['features'][number] & { geometry: Polygon | MultiPolygon };

/** The ranges that are drawn: one stated with no origin has geometry null and is listed only. */
export function drawnRanges(ranges: RangeCollection): Band[] {
  return ranges.features.filter((f): f is Band => f.geometry !== null);
}

/**
 * A point inside a range band, away from its edges: halfway between a vertex of the outer ring and
 * the nearest vertex of a hole (or the ring's centre for a disk). Prefers mid-latitude vertices.
 */
export function pointInBand(geometry: Polygon | MultiPolygon): [number, number] {
  const polygon = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0];
  const [outer, ...holes] = polygon;
  const candidates = outer.filter((p) => Math.abs(p[1]) < 60);
  const vertex = candidates[Math.floor(candidates.length / 3)] ?? outer[0];
  const inner: Position[] = holes.flat();
  let target: Position;
  if (inner.length) {
    target = inner.reduce((best, p) => (dist(p, vertex) < dist(best, vertex) ? p : best));
  } else {
    const n = outer.length;
    target = [outer.reduce((s, p) => s + p[0], 0) / n, outer.reduce((s, p) => s + p[1], 0) / n];
  }
  return [(vertex[0] + target[0]) / 2, (vertex[1] + target[1]) / 2];
}

function dist(a: Position, b: Position): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
