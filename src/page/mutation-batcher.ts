import { blockOf, isInline, UI_HOST_TAG } from './dom-rules';

// Pages change all the time (feeds, editors, React re-renders). Their edits are
// collected and handed over once a frame, as the set of blocks they touched,
// or as "read everything again" when a burst touched too much to be worth sorting.

export interface MutationBatcherOptions {
  /** The blocks a frame's edits touched, all still on the page. */
  onBlocks: (blocks: Set<Element>) => void;
  /** Too many edits at once, or an edit at the root itself: the whole root needs reading again. */
  onRescanAll: () => void;
  /** Mutation records in one batch above which a full rescan is cheaper. */
  burstLimit?: number;
  signal: AbortSignal;
}

export class MutationBatcher {
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private burst = false;
  private frame = 0;

  constructor(
    root: Document | ShadowRoot,
    private readonly options: MutationBatcherOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    if (options.signal.aborted) return;
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    options.signal.addEventListener(
      'abort',
      () => {
        this.observer.disconnect();
        cancelAnimationFrame(this.frame);
        this.pending.clear();
      },
      { once: true },
    );
  }

  private onMutations(records: MutationRecord[]): void {
    const limit = this.options.burstLimit ?? 1000;
    for (const record of records) {
      if (this.burst) break;
      if (isOurs(record.target) || onlyOurHost(record)) continue;
      this.pending.add(record.target);
      if (this.pending.size > limit) this.burst = true;
    }
    if (!this.frame && (this.pending.size > 0 || this.burst)) this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    if (this.options.signal.aborted) return;
    const touched = [...this.pending];
    this.pending.clear();
    if (this.burst) {
      this.burst = false;
      return this.options.onRescanAll();
    }
    const blocks = new Set<Element>();
    for (const node of touched) {
      if (!node.isConnected) continue;
      const block = blockFor(node);
      if (!block) return this.options.onRescanAll(); // a change at the root itself
      blocks.add(block);
    }
    this.options.onBlocks(blocks);
  }
}

/** The block a change to `node` affects: the node itself if it is a block element. */
function blockFor(node: Node): Element | null {
  if (node.nodeType === 1 && !isInline(node as Element)) return node as Element;
  return blockOf(node);
}

/** Our card's host added to or taken from the page: no text of the page changed. */
function onlyOurHost(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).localName === UI_HOST_TAG);
}

/** Our own card's host: edits to it are not the page's. */
function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(UI_HOST_TAG) != null;
}
