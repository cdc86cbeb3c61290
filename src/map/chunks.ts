/**
 * The claims of a large archive's events, in the chunks the build writes (src/compiler/page-index.ts):
 * each chunk is fetched once, on the first popup (or list) that needs one of its events, and shared by
 * every request made while it loads. A chunk that does not load or does not fit leaves its events
 * without claims (null), and the next request tries again.
 */
import type { EventProperties } from '../contract';

export type FetchJson = (file: string) => Promise<unknown>;

export class ClaimChunks {
  private readonly loaded = new Map<number, Promise<Record<string, EventProperties> | null>>();

  constructor(
    private readonly fetchJson: FetchJson,
    private readonly nameOf: (n: number) => string,
    /** Whether a chunk's entry has the full properties (data.ts's checks); default: an object with claims. */
    private readonly fits: (p: unknown) => boolean = (p) => Array.isArray((p as EventProperties)?.claims),
  ) {}

  /** The full properties of event `id`, from chunk `n`; null when the chunk fails or lacks it. */
  async get(id: string, n: number): Promise<EventProperties | null> {
    let chunk = this.loaded.get(n);
    if (!chunk) {
      chunk = this.fetchJson(this.nameOf(n)).then(
        (json) => (json && typeof json === 'object' ? (json as Record<string, EventProperties>) : null),
        () => null,
      );
      this.loaded.set(n, chunk);
    }
    const entries = await chunk;
    if (!entries) this.loaded.delete(n);
    const p = entries && Object.hasOwn(entries, id) ? entries[id] : null;
    return p && this.fits(p) ? p : null;
  }

  /** How many chunks were requested (for tests and the bench). */
  get requested(): number {
    return this.loaded.size;
  }
}
