import { INVISIBLE } from '../match/characters';

const IS_INVISIBLE = new RegExp(INVISIBLE.source);
import { isExcluded, isInline } from './dom-rules';
import type { Chunk } from './chunk';
import { brokenWordRun } from './line-breaks';

export type { Chunk } from './chunk';

/** A found shadow root, reported so the caller can scan and watch it separately. */
export type ShadowRootSink = (root: ShadowRoot) => void;

function finishChunk(parts: string[], nodes: Text[], starts: number[], block: Element): Chunk | null {
  if (nodes.length === 0) return null;
  const raw = parts.length === 1 ? parts[0]! : parts.join('');
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(raw)) return { text: raw, nodes, starts, cleanToRaw: null, block };
  const map = new Int32Array(raw.length);
  let text = '';
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (IS_INVISIBLE.test(ch)) continue;
    text += ch;
    map[j++] = i;
  }
  return { text, nodes, starts, cleanToRaw: map.subarray(0, j), block };
}

/**
 * Walks `root`'s subtree in document order and hands over each run of inline
 * prose. Excluded elements are skipped whole; block elements and <br> split
 * runs, so text from two paragraphs or table cells never joins. With
 * `ownOnly`, blocks inside `root` are skipped: only runs whose block is `root`
 * itself (or, for a shadow root, its host) are handed over.
 */
export function* chunksOf(root: Element | ShadowRoot, onShadowRoot?: ShadowRootSink, ownOnly = false): Generator<Chunk> {
  const rootBlock = root instanceof ShadowRoot ? root.host : root;
  const blocks: Element[] = [rootBlock];
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  /** The run a <br> just ended: a word it breaks with a hyphen may end in the next run. */
  let endedByBreak: Chunk | null = null;
  // Called only when there is text, so no generator is made for an empty run.
  const flush = function* (block: Element, atBreak = false) {
    const chunk = finishChunk(parts, nodes, starts, block);
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    if (!chunk) return;
    yield chunk;
    const joined = endedByBreak && brokenWordRun(endedByBreak, chunk);
    if (joined) yield joined;
    endedByBreak = atBreak ? chunk : null;
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length) {
        parts.push(data);
        nodes.push(node as Text);
        starts.push(length);
        length += data.length;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (!isExcluded(el)) {
        if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
        if (isInline(el)) descend = el.firstChild !== null;
        else {
          if (nodes.length) yield* flush(blocks[blocks.length - 1]!, el.localName === 'br');
          else if (el.localName === 'br') endedByBreak = null;
          descend = !ownOnly && el.firstChild !== null;
          if (descend) blocks.push(el);
        }
      } else if (el.localName === 'br' || !isInline(el)) {
        if (nodes.length) yield* flush(blocks[blocks.length - 1]!, el.localName === 'br');
        else endedByBreak = null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until there is a next sibling, closing blocks on the way up.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === 1 && node !== root && !isInline(node as Element)) {
        if (nodes.length) yield* flush(blocks[blocks.length - 1]!);
        blocks.pop();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  yield* flush(blocks[blocks.length - 1]!);
}

/** Maps [start, end) in a chunk's text back to DOM positions. */
export function locate(chunk: Chunk, start: number, end: number): StaticRangeInit {
  const rawStart = chunk.cleanToRaw ? chunk.cleanToRaw[start]! : start;
  const rawLast = chunk.cleanToRaw ? chunk.cleanToRaw[end - 1]! : end - 1;
  const a = nodeAt(chunk.starts, rawStart);
  const b = nodeAt(chunk.starts, rawLast);
  return {
    startContainer: chunk.nodes[a]!,
    startOffset: rawStart - chunk.starts[a]!,
    endContainer: chunk.nodes[b]!,
    endOffset: rawLast - chunk.starts[b]! + 1,
  };
}

/** Index of the node whose text holds raw offset `offset` (binary search over starts). */
function nodeAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
