import type { Conflict, Dataset, Drug, DrugId, Source } from './schema';

/**
 * Everything one drug's card needs, and nothing more: the drug, the class-wide
 * notes and conflicts shown on every card, the reading caveats, and the sources
 * any of these cite. The background sends it to a page's content script on
 * request, so pages never carry the whole dataset.
 */
export interface CardData {
  version: string;
  factsCurrentAsOf: string;
  drug: Drug;
  classNotes: Dataset['classNotes'];
  classConflicts: Conflict[];
  caveats: Dataset['caveats'];
  sources: Source[];
}

function citedIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) citedIds(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(v)) for (const id of v) into.add(String(id));
      else citedIds(v, into);
    }
  }
}

export function cardDataFor(dataset: Dataset, drugId: DrugId): CardData {
  const drug = dataset.drugs.find((d) => d.id === drugId);
  if (!drug) throw new Error(`No drug ${drugId} in the dataset`);
  const ids = new Set<string>();
  citedIds([drug, dataset.classNotes, dataset.classConflicts], ids);
  return {
    version: dataset.version,
    factsCurrentAsOf: dataset.factsCurrentAsOf,
    drug,
    classNotes: dataset.classNotes,
    classConflicts: dataset.classConflicts,
    caveats: dataset.caveats,
    sources: dataset.sources.filter((s) => ids.has(s.id)),
  };
}

