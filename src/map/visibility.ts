/**
 * What the reader has switched off: whole layers (`events`, `ranges`) and categories within them,
 * as tokens `type:<event type>`, `basis:<range basis>`, `status:<claim status>` (status applies to both).
 * The same tokens go into the URL, so a shared link hides the same things.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { EventProperties, RangeProperties } from '../contract';

export type Category = 'type' | 'basis' | 'status';
export type Token = 'events' | 'ranges' | `${Category}:${string}`;

export function token(category: Category, value: string): Token {
  return `${category}:${value}`;
}

/** Hidden values of one category, for filters. */
export function hiddenValues(hidden: ReadonlySet<string>, category: Category): string[] {
  const prefix = `${category}:`;
  return [...hidden]
    .filter((t) => t.startsWith(prefix))
    .map((t) => t.slice(prefix.length))
    .sort();
}

export function isEventVisible(p: Pick<EventProperties, 'type' | 'status'>, hidden: ReadonlySet<string>): boolean {
  return !hidden.has('events') && !hidden.has(token('type', p.type)) && !hidden.has(token('status', p.status));
}

export function isRangeVisible(p: Pick<RangeProperties, 'basis' | 'status'>, hidden: ReadonlySet<string>): boolean {
  return !hidden.has('ranges') && !hidden.has(token('basis', p.basis)) && !hidden.has(token('status', p.status));
}

function notIn(key: string, values: string[]): ExpressionSpecification {
  return ['!', ['in', ['get', key], ['literal', values]]];
}

/** Layer filter for event layers: the same rule as isEventVisible, minus the layer switch. */
export function eventFilter(hidden: ReadonlySet<string>): ExpressionSpecification {
  return ['all', notIn('type', hiddenValues(hidden, 'type')), notIn('status', hiddenValues(hidden, 'status'))];
}

export function rangeFilter(hidden: ReadonlySet<string>): ExpressionSpecification {
  return ['all', notIn('basis', hiddenValues(hidden, 'basis')), notIn('status', hiddenValues(hidden, 'status'))];
}
