import type { DrugId, NameKind, Status } from './schema';
import { NAMES_BY_DRUG } from './dataset/names';

/** One spelling of a drug's name, with what the dataset says of it. */
export interface NameEntry {
  text: string;
  drugId: DrugId;
  kind: NameKind;
  /** The dataset name this spelling belongs to (itself, or the name it is a variant of). */
  canonical: string;
  /** How far the reference confirmed the name (a name from a low-grade page says so). */
  status: Status;
  /** False for names too ambiguous to mark on pages (they can still be looked up). */
  markable: boolean;
}

/** Every spelling the dataset lists: each name and its variants. */
export function allNames(): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const [drugId, names] of Object.entries(NAMES_BY_DRUG) as [DrugId, (typeof NAMES_BY_DRUG)[DrugId]][]) {
    for (const name of names) {
      for (const text of [name.text, ...(name.variants ?? [])]) {
        entries.push({ text, drugId, kind: name.kind, canonical: name.text, status: name.status, markable: name.match !== false });
      }
    }
  }
  return entries;
}

/** Every spelling the matcher should find: all but the names too ambiguous to mark on pages. */
export function matchableNames(): NameEntry[] {
  return allNames().filter((n) => n.markable);
}

/** The generic name of each drug, from the names alone (for pages that do not load the whole dataset). */
export function genericName(drugId: DrugId): string {
  return NAMES_BY_DRUG[drugId].find((n) => n.kind === 'inn')?.text ?? drugId;
}
