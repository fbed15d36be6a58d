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
