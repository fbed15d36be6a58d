import type { Chunk } from './chunk';

// A word broken at the end of a line by a hyphen ("upadaci-" / "tinib"), as typeset documents
// do and as a PDF's text layer keeps it, lines split by <br>. The two lines stay separate runs
// (text on separate lines never joins into a name); this adds one more run made of just the two
// halves without the hyphen, so a name broken this way is found, and found once: any name in it
// crosses the break, since the halves run into each other with no word boundary between.

/** A letter, then a hyphen (or the Unicode hyphen), ending the line; trailing spaces allowed. */
const BROKEN_WORD_END = /(\p{L}+)[-\u2010]\s*$/u;
const ENDS_IN_HYPHEN = /[-\u2010]\s*$/;
/** The next line's first word, in lower case (a capital starts a new word or a name of its own). */
const CONTINUED_WORD_START = /^\s*(\p{Ll}\p{L}*)/u;

/** The run joining a word broken by a hyphen at the end of `before` with its end in `after`, or null. */
export function brokenWordRun(before: Chunk, after: Chunk): Chunk | null {
  // Every line of a page that ends in a <br> comes here: most end in no hyphen, which the last
  // text node alone tells.
  if (before.block !== after.block || !ENDS_IN_HYPHEN.test(before.nodes[before.nodes.length - 1]!.data)) return null;
  const beforeRaw = rawOf(before);
  const tail = BROKEN_WORD_END.exec(beforeRaw);
  if (!tail) return null;
  const afterRaw = rawOf(after);
  const head = CONTINUED_WORD_START.exec(afterRaw);
  if (!head) return null;
  const tailFrom = tail.index;
  const tailTo = tailFrom + tail[1]!.length;
  const headFrom = head.index + head[0].length - head[1]!.length;
  const headTo = head.index + head[0].length;

  // The nodes holding the two halves, and where each starts in their joined text.
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const take = (chunk: Chunk, from: number, to: number): number => {
    let offset = -1;
    chunk.nodes.forEach((node, i) => {
      const start = chunk.starts[i]!;
      const end = start + node.data.length;
      if (end <= from || start >= to) return;
      if (offset < 0) offset = length - start;
      nodes.push(node);
      starts.push(length);
      length += node.data.length;
    });
    return offset;
  };
  const beforeShift = take(before, tailFrom, tailTo);
  const afterShift = take(after, headFrom, headTo);
  const cleanToRaw: number[] = [];
  for (let i = tailFrom; i < tailTo; i++) cleanToRaw.push(i + beforeShift);
  for (let i = headFrom; i < headTo; i++) cleanToRaw.push(i + afterShift);
  return {
    text: tail[1]! + head[1]!,
    nodes,
    starts,
    cleanToRaw: Int32Array.from(cleanToRaw),
    block: before.block,
  };
}

function rawOf(chunk: Chunk): string {
  return chunk.nodes.length === 1 ? chunk.nodes[0]!.data : chunk.nodes.map((n) => n.data).join('');
}
