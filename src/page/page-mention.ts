import type { DrugId, NameKind } from '../data/schema';

/** A mention found on the page: where it is and what it names. */
export interface PageMention {
  drugId: DrugId;
  /** The dataset name that matched. */
  name: string;
  kind: NameKind;
  /** The text as written on the page (invisible characters removed). */
  text: string;
  range: StaticRange;
  /** The block element the mention was found in; rescans replace mentions by block. */
  block: Element;
}

/** Sorts mentions in reading order (where each starts in the document). */
export function documentOrder(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  const relation = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  return relation & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
