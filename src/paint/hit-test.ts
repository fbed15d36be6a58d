import type { PageMention } from '../page/page-mention';

/** Mentions by the text nodes they cover, so the pointer's text node leads straight to them. */
export class MentionIndex {
  private readonly byNode = new Map<Node, PageMention[]>();
  /** The shadow roots mentions live in: the caret APIs see into a shadow root only when given it. */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(mentions: readonly PageMention[]) {
    const roots = new Set<ShadowRoot>();
    for (const mention of mentions) {
      const root = mention.range.startContainer.getRootNode();
      if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) roots.add(root as ShadowRoot);
      for (const node of nodesOf(mention.range)) {
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
    this.shadowRoots.push(...roots);
  }

  at(node: Node): readonly PageMention[] {
    return this.byNode.get(node) ?? [];
  }
}

function nodesOf(range: StaticRange): Node[] {
  const { startContainer: start, endContainer: end } = range;
  if (start === end) return [start];
  const nodes: Node[] = [start];
  const doc = start.ownerDocument;
  if (!doc) return [start, end];
  const walker = doc.createTreeWalker(start.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let n = walker.nextNode(); n && n !== end; n = walker.nextNode()) nodes.push(n);
  nodes.push(end);
  return nodes;
}

/**
 * The text node under a point, through whichever caret API the browser has. Without the shadow
 * roots to look into, the caret stops at a shadow host and a mention inside would never be found.
 */
function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const options = shadowRoots.length ? { shadowRoots } : undefined;
    return (doc.caretPositionFromPoint as (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null)(x, y, options)?.offsetNode ?? null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  return legacy ? (legacy.call(doc, x, y)?.startContainer ?? null) : null;
}

/** True when (x, y) falls inside one of the rectangles the mention's text occupies. */
function pointInMention(mention: PageMention, x: number, y: number): boolean {
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  if (!startContainer.isConnected || !endContainer.isConnected) return false;
  const range = (startContainer.ownerDocument ?? document).createRange();
  try {
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
  } catch {
    return false; // the text changed under the mention; the next rescan replaces it
  }
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The mention under the pointer, or null. Maps the point to a text node with
 * the caret APIs, then confirms it against the mention's own client rects (the
 * caret API snaps to the nearest text even beside it).
 */
export function mentionAtPoint(doc: Document, index: MentionIndex, x: number, y: number): PageMention | null {
  const node = caretAt(doc, x, y, index.shadowRoots);
  if (!node || node.nodeType !== 3) return null;
  for (const mention of index.at(node)) if (pointInMention(mention, x, y)) return mention;
  return null;
}
