/** One run of prose between block boundaries: its text and where each piece came from. */
export interface Chunk {
  /** The text with invisible characters removed, as the matcher sees it. */
  text: string;
  /** Text nodes in order, with the offset of each in the raw (not cleaned) text. */
  nodes: Text[];
  starts: number[];
  /** For each index of `text`, its index in the raw text; null when nothing was removed. */
  cleanToRaw: Int32Array | null;
  /** The element that holds this run (its nearest block ancestor). */
  block: Element;
}
