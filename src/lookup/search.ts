import Fuse from 'fuse.js';
import { allNames, type NameEntry } from '../data/names';
import type { DrugId } from '../data/schema';

// The popup's lookup: any name the dataset lists (generic, brand, code, salt,
// other script), by prefix or with typos. Pure, so it is tested without a browser.

export interface LookupResult {
  drugId: DrugId;
  /** The name that matched best, as the dataset spells it. */
  matched: NameEntry;
}

/** Case, spaces, hyphens and commas do not matter when looking up a name ("cp690550", "abt 494"). */
export const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-‐-―,.]+/g, '');

type KeyedEntry = NameEntry & { key: string };
const withoutKey = ({ key: _key, ...entry }: KeyedEntry): NameEntry => entry;

export class NameLookup {
  private readonly entries: KeyedEntry[] = allNames().map((e) => ({ ...e, key: fold(e.text) }));
  // Typos, not substrings: a match must start near the name's start and be close in length,
  // so "deucravacitinib" (another drug) finds nothing rather than a lookalike.
  private readonly fuse = new Fuse(this.entries, { keys: ['key'], includeScore: true, threshold: 0.34, location: 0, distance: 20, minMatchCharLength: 2 });

  /** Drugs for a query, best first, one result per drug. Prefix matches rank above fuzzy ones. */
  search(query: string): LookupResult[] {
    const q = fold(query);
    if (!q) return [];
    const ranked: { entry: KeyedEntry; score: number }[] = [];
    for (const e of this.entries) {
      if (e.key === q) ranked.push({ entry: e, score: -2 });
      else if (e.key.startsWith(q)) ranked.push({ entry: e, score: -1 + e.key.length / 1000 });
    }
    if (q.length >= 3) {
      for (const r of this.fuse.search(q)) {
        if (Math.abs(r.item.key.length - q.length) <= Math.max(2, q.length / 6)) ranked.push({ entry: r.item, score: r.score ?? 1 });
      }
    }
    ranked.sort((a, b) => a.score - b.score);
    const seen = new Set<DrugId>();
    const out: LookupResult[] = [];
    for (const { entry } of ranked) {
      if (seen.has(entry.drugId)) continue;
      seen.add(entry.drugId);
      out.push({ drugId: entry.drugId, matched: withoutKey(entry) });
    }
    return out;
  }

  /** When nothing matches: the names closest to the query, for "did you mean". */
  closest(query: string, count = 3): string[] {
    const q = fold(query);
    if (!q) return [];
    const loose = new Fuse(this.entries, { keys: ['key'], includeScore: true, threshold: 1, ignoreLocation: true });
    const names: string[] = [];
    for (const r of loose.search(q)) {
      if (r.item.kind === 'other-script' || names.includes(r.item.text)) continue;
      names.push(r.item.text);
      if (names.length === count) break;
    }
    return names;
  }
}
