/** catalogue: data/weapons.yaml read and checked (each range figure with its source). Pure. */
import { parse } from 'yaml';

export interface CatalogueWeapon {
  id: string;
  name: string;
  aliases: string[];
  /**
   * Aliases that are also everyday words or people's names ("Emad", "Lancet", "Quds"): matched only in a
   * sentence about weapons, and not as part of a longer name (before a capitalised word, after "al-").
   */
  ambiguous: string[];
  class: string;
  /** Nominal range with its public source; null when no sourced figure is entered. `verified`: someone has checked the figure against the source (`verified: true` in the file; false when absent). */
  range: { min: number | null; max: number; source: string; verified: boolean } | null;
}

/** Parses the catalogue; throws with the entry and field at fault. */
export function parseCatalogue(yamlText: string): CatalogueWeapon[] {
  const data = parse(yamlText) as unknown;
  if (!Array.isArray(data)) throw new Error('weapons catalogue: expected a list of weapons');
  return data.map((e: Record<string, unknown>, n) => {
    const where = `weapons catalogue entry ${n + 1} (${String(e?.id ?? '?')})`;
    if (typeof e?.id !== 'string' || typeof e.name !== 'string' || typeof e.class !== 'string')
      throw new Error(`${where}: needs id, name and class`);
    const aliases = Array.isArray(e.aliases) ? e.aliases.map(String) : [];
    const ambiguous = Array.isArray(e.ambiguous) ? e.ambiguous.map(String) : [];
    for (const a of ambiguous)
      if (a !== e.name && !aliases.includes(a)) throw new Error(`${where}: ambiguous "${a}" is not one of its aliases`);
    let range: CatalogueWeapon['range'] = null;
    if (e.range_km !== undefined) {
      const r = e.range_km as Record<string, unknown>;
      if (typeof r.source !== 'string' || !r.source.trim())
        throw new Error(`${where}: range_km has no source; a figure with no source is not entered`);
      if (typeof r.max !== 'number' || !(r.max > 0))
        throw new Error(`${where}: range_km.max must be a positive number of km`);
      if (r.verified !== undefined && typeof r.verified !== 'boolean')
        throw new Error(`${where}: range_km.verified must be true or false`);
      range = {
        min: typeof r.min === 'number' ? r.min : null,
        max: r.max,
        source: r.source,
        verified: r.verified === true,
      };
    }
    return { id: e.id, name: e.name, aliases: [...new Set([e.name, ...aliases])], ambiguous, class: e.class, range };
  });
}
