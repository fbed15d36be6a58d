import type { DrugId, NameKind } from './schema';
import { dataset } from './dataset';

/** One spelling a page may use, with the drug it names. */
export interface NameEntry {
  text: string;
  drugId: DrugId;
  kind: NameKind;
  /** The dataset name this spelling belongs to (itself, or the name it is a variant of). */
  canonical: string;
}

/**
 * Every spelling the matcher should find: each name and its listed variants,
 * except names the dataset marks as too ambiguous to mark on pages.
 */
export function matchableNames(): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const drug of dataset.drugs) {
    for (const name of drug.names) {
      if (name.match === false) continue;
      for (const text of [name.text, ...(name.variants ?? [])]) {
        entries.push({ text, drugId: drug.id, kind: name.kind, canonical: name.text });
      }
    }
  }
  return entries;
}
