import type { DrugId, NameKind } from './schema';
import { NAMES_BY_DRUG } from './dataset/names';

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
  for (const [drugId, names] of Object.entries(NAMES_BY_DRUG) as [DrugId, (typeof NAMES_BY_DRUG)[DrugId]][]) {
    for (const name of names) {
      if (name.match === false) continue;
      for (const text of [name.text, ...(name.variants ?? [])]) {
        entries.push({ text, drugId, kind: name.kind, canonical: name.text });
      }
    }
  }
  return entries;
}

/** The generic name of each drug, from the names alone (for pages that do not load the whole dataset). */
export function genericName(drugId: DrugId): string {
  return NAMES_BY_DRUG[drugId].find((n) => n.kind === 'inn')?.text ?? drugId;
}
