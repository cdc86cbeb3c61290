/**
 * How many of a cluster's places the reader has not hidden, as MapLibre expressions: what its circle's size,
 * its label and whether it is drawn at all follow. The page's own clusters (source.ts, GeoJSON) hold only
 * visible events (the source is set again when they change), so their `point_count` is the answer. Clusters
 * made in the build (vector tiles, src/compiler/event-tiles.ts) hold every event: they carry a tally by status
 * and type (contract.ts clusterTallyKey) and the span of their dates (`t0`, `t1`), which the page's clusters
 * lack, and the hidden statuses and types are subtracted here. A period cannot be counted so: a cluster whose
 * span misses the period is hidden, one that overlaps it counts all its events (README "Large archives").
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLAIM_STATUSES, clusterTallyKey } from '../contract';
import { periodFilter } from './period';
import type { Period } from './url-state';
import { hiddenValues } from './visibility';

/** A cluster made in the build (it carries its span); the page's own carry none. */
const builtCluster: ExpressionSpecification = ['has', 't0'];

const tally = (status: string, type?: string): ExpressionSpecification => [
  'coalesce',
  ['get', clusterTallyKey(status, type)],
  0,
];

function sum(terms: ExpressionSpecification[]): ExpressionSpecification | number {
  if (terms.length === 0) return 0;
  if (terms.length === 1) return terms[0];
  return ['+', ...terms] as ExpressionSpecification;
}

/** The number of a cluster's places whose events are neither of a hidden type nor of a hidden status. */
export function visibleCount(hidden: ReadonlySet<string>): ExpressionSpecification {
  const types = hiddenValues(hidden, 'type');
  const statuses = hiddenValues(hidden, 'status');
  if (!types.length && !statuses.length) return ['get', 'point_count'];
  // Per shown status: its tally less its hidden types'.
  const shown = CLAIM_STATUSES.filter((s) => !statuses.includes(s)).map(
    (s): ExpressionSpecification => (types.length ? ['-', tally(s), sum(types.map((t) => tally(s, t)))] : tally(s)),
  );
  return ['case', builtCluster, sum(shown), ['get', 'point_count']];
}

/** A count as supercluster abbreviates `point_count_abbreviated`: 999, 1.2k, 12k. */
export function countLabel(count: ExpressionSpecification): ExpressionSpecification {
  return [
    'let',
    'n',
    count,
    [
      'case',
      ['>=', ['var', 'n'], 10000],
      ['concat', ['to-string', ['round', ['/', ['var', 'n'], 1000]]], 'k'],
      ['>=', ['var', 'n'], 1000],
      ['concat', ['to-string', ['/', ['round', ['/', ['var', 'n'], 100]], 10]], 'k'],
      ['to-string', ['var', 'n']],
    ],
  ];
}

/** The clusters' filter: a cluster with something visible in it and, when built, a span that meets the period. */
export function clusterFilter(hidden: ReadonlySet<string>, period: Period | null): ExpressionSpecification {
  return [
    'all',
    ['has', 'point_count'],
    ['case', builtCluster, ['all', ['>', visibleCount(hidden), 0], periodFilter(period)], true],
  ];
}

/** px: a cluster's circle radius by its visible count. */
export function clusterRadius(hidden: ReadonlySet<string>): ExpressionSpecification {
  return ['step', visibleCount(hidden), 13, 100, 17, 1000, 22, 10000, 27];
}
