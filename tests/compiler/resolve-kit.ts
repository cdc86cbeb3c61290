/** Shared by the resolver's tests: the place a resolution gives, or a failure that says why there is none. */
import type { Resolution } from '../../src/compiler/resolve.js';
import type { ResolvedPlace } from '../../src/contract.js';

export function place(r: Resolution): ResolvedPlace {
  if (!r.ok) throw new Error(`expected a place, got ${r.reason}: ${r.message}`);
  return r.place;
}
