import type { Matcher } from '../match/find-mentions';
import type { Probe } from '../match/probe';
import { textsThatMayMention } from './first-pass';
import type { PageMention } from './page-mention';
import { chunksOf, locate, type Chunk } from './text-model';
import { blockOf, isExcluded, isInline, isInsideExcluded, UI_HOST_TAG } from './dom-rules';

export interface ScannerOptions {
  matcher: Matcher;
  /** The first-pass automaton: says which blocks may hold a name, and where in their text the matcher should look. */
  probe: Probe;
  /** Called whenever the set of mentions changes. */
  onChange: (mentions: readonly PageMention[]) => void;
  /** Longest stretch of work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Mutation records in one batch above which a full rescan is cheaper. */
  burstLimit?: number;
}

const now = () => performance.now();
/** Points down the middle of the viewport where the visible-first pass looks for text. */
const VISIBLE_PROBES = 12;

/** Resolves once a frame has been painted (or soon, in a background tab where frames do not come). */
function afterNextPaint(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    view.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** Yields to the event loop so a long scan never blocks input. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Finds and tracks mentions under one root (the document, or an open shadow
 * root). It never modifies the DOM: it only reads text and reports ranges.
 */
export class Scanner {
  /** Main-thread time the last full scan took, and its longest uninterrupted slice (for the benchmark). */
  readonly stats = { busyMs: 0, longestSliceMs: 0, gateMs: 0, shadowMs: 0, gatePassed: false };
  private mentions = new Map<Element, PageMention[]>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private burst = false;
  private frame = 0;
  private generation = 0;
  private readonly shadowScanners = new Map<ShadowRoot, Scanner>();
  private stopped = false;
  /** True while a full scan is under way; edits meanwhile are applied when it ends, so no block is counted twice. */
  private scanning = false;
  private readonly editedDuringScan = new Set<Element>();

  constructor(
    private readonly root: Document | ShadowRoot,
    private readonly options: ScannerOptions,
  ) {}

  /** All mentions, in no particular order. */
  all(): PageMention[] {
    const out: PageMention[] = [];
    for (const list of this.mentions.values()) out.push(...list);
    for (const child of this.shadowScanners.values()) out.push(...child.all());
    return out;
  }

  /** Scans everything, then keeps up with changes until stop(). */
  async start(): Promise<void> {
    // Watching starts before the first scan: an edit made while it runs is applied when it ends.
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    await this.fullScan();
  }

  stop(): void {
    this.stopped = true;
    this.scanning = false;
    this.generation++;
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    for (const child of this.shadowScanners.values()) child.stop();
    this.shadowScanners.clear();
    this.mentions.clear();
  }

  private get element(): Element | ShadowRoot | null {
    return this.root instanceof Document ? this.root.body ?? this.root.documentElement : this.root;
  }

  /** Rescans the whole root in time slices. A newer scan cancels an older one. */
  async fullScan(): Promise<void> {
    // A stopped scanner stays stopped: a late caller (a navigation event, a frame) starts nothing.
    if (this.stopped) return;
    const generation = ++this.generation;
    const root = this.element;
    this.mentions.clear();
    this.stats.busyMs = 0;
    this.stats.longestSliceMs = 0;
    if (!root) return this.changed();
    this.scanning = true;
    this.editedDuringScan.clear();
    // The common case: no mention anywhere, found out in one pass over the text nodes.
    // Otherwise that pass says which blocks to read; the rest of the page is not read again.
    const blocks = await this.blocksThatMayMention(root, generation);
    if (generation !== this.generation) return;
    if (blocks.length) await this.scanBlocks(blocks, generation, await this.scanVisible(generation));
    else this.changed();
    if (generation !== this.generation) return;
    this.scanning = false;
    if (this.editedDuringScan.size) {
      this.applyEdits(new Set(this.editedDuringScan));
      this.editedDuringScan.clear();
    }
    // Web components' open shadow roots hold text the first pass does not see: find them in any case.
    const t = now();
    for (const shadow of openShadowRoots(root)) this.adoptShadowRoot(shadow);
    this.stats.shadowMs = now() - t;
    this.account(this.stats.shadowMs);
  }

  /**
   * The first pass: the blocks (in document order, each once) whose text may
   * hold a name, in slices on a long page. `root` itself stands for its own
   * text outside any block inside it.
   */
  private async blocksThatMayMention(root: Element | ShadowRoot, generation: number): Promise<(Element | ShadowRoot)[]> {
    const slice = this.options.sliceMs ?? 8;
    const blocks: (Element | ShadowRoot)[] = [];
    const seen = new Set<Element | ShadowRoot>();
    let sliceStart = now();
    this.stats.gateMs = 0;
    for (const text of textsThatMayMention(root, this.options.probe)) {
      if (text) {
        const block = blockToRead(text, root);
        if (block && !seen.has(block)) {
          seen.add(block);
          blocks.push(block);
        }
      } else if (now() - sliceStart > slice) {
        const ms = now() - sliceStart;
        this.stats.gateMs += ms;
        this.account(ms);
        await yieldToPage();
        if (generation !== this.generation) return [];
        sliceStart = now();
      }
    }
    const ms = now() - sliceStart;
    this.stats.gateMs += ms;
    this.account(ms);
    this.stats.gatePassed = blocks.length > 0;
    return blocks;
  }

  private account(ms: number): void {
    this.stats.busyMs += ms;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
  }

  /**
   * The part of the page on screen, scanned first when the page is open
   * scrolled down (the walk in document order already starts with what is on
   * screen at the top). It waits for a frame to be painted first, so reading the
   * scroll position and finding what is on screen use the layout the browser
   * has just made instead of forcing one.
   * Returns the blocks it covered, for the full walk to skip.
   */
  private async scanVisible(generation: number): Promise<Set<Element>> {
    const done = new Set<Element>();
    if (!(this.root instanceof Document)) return done;
    const doc = this.root;
    const view = doc.defaultView;
    if (!view) return done;
    // Reading the scroll position or any geometry forces a layout if the page has pending
    // changes; after a painted frame it has none, so these reads cost nothing.
    await afterNextPaint(view);
    if (generation !== this.generation || view.scrollY < view.innerHeight / 2) return done;
    const t = now();
    const blocks = new Set<Element>();
    const x = view.innerWidth / 2;
    for (let i = 0; i < VISIBLE_PROBES; i++) {
      const hit = doc.elementFromPoint(x, ((i + 0.5) * view.innerHeight) / VISIBLE_PROBES);
      const block = hit && (isInline(hit) ? blockOf(hit) : hit);
      // Containers of the whole page are what the full walk is for.
      if (!block || block === doc.body || block === doc.documentElement || block.childElementCount > 64) continue;
      if (isExcluded(block) || isInsideExcluded(block)) continue;
      blocks.add(block);
    }
    for (const block of outermost(blocks)) {
      for (const chunk of chunksOf(block, (shadow) => this.adoptShadowRoot(shadow))) {
        done.add(chunk.block);
        this.addMentionsFrom(chunk);
      }
      done.add(block);
    }
    if (done.size) this.changed();
    this.account(now() - t);
    return done;
  }

  /** Reads the blocks' own text (not blocks inside them) for mentions, in time slices. */
  private async scanBlocks(blocks: (Element | ShadowRoot)[], generation: number, skip: ReadonlySet<Element>): Promise<void> {
    const slice = this.options.sliceMs ?? 8;
    let sliceStart = now();
    let deadline = sliceStart + slice;
    // The first marks bring the highlight stylesheet, and with it a restyle of the whole page.
    // Ending the slice there lets the browser restyle in its own frame; otherwise the next
    // visibility check would force that restyle inside our slice.
    const view = (this.root.ownerDocument ?? (this.root as Document)).defaultView;
    const restyled = () => (view ? afterNextPaint(view) : yieldToPage());
    let painted = this.mentions.size > 0;
    if (painted) {
      await restyled();
      if (generation !== this.generation) return;
      sliceStart = now();
      deadline = sliceStart + slice;
    }
    let firstMarks = false;
    for (const block of blocks) {
      if (generation !== this.generation) return;
      if (block.isConnected && !(block instanceof Element && skip.has(block))) {
        for (const chunk of chunksOf(block, (shadow) => this.adoptShadowRoot(shadow), true)) this.addMentionsFrom(chunk);
      }
      if (!painted && this.mentions.size > 0) {
        painted = firstMarks = true;
        deadline = 0;
      }
      if (now() > deadline) {
        this.changed();
        this.account(now() - sliceStart);
        await (firstMarks ? restyled() : yieldToPage());
        firstMarks = false;
        if (generation !== this.generation) return;
        sliceStart = now();
        deadline = sliceStart + slice;
      }
    }
    this.changed();
    this.account(now() - sliceStart);
  }

  private adoptShadowRoot(shadow: ShadowRoot): void {
    if (this.stopped || this.shadowScanners.has(shadow)) return;
    const child = new Scanner(shadow, { ...this.options, onChange: () => this.changed() });
    this.shadowScanners.set(shadow, child);
    void child.start();
  }

  private changed(): void {
    if (!this.stopped) this.options.onChange(this.all());
  }

  private onMutations(records: MutationRecord[]): void {
    const limit = this.options.burstLimit ?? 1000;
    for (const record of records) {
      if (this.burst) break;
      if (isOurs(record.target)) continue;
      this.pending.add(record.target);
      if (this.pending.size > limit) this.burst = true;
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Applies a frame's worth of changes: rescans the blocks they touched. */
  private flush(): void {
    this.frame = 0;
    if (this.stopped) return;
    if (this.burst) {
      this.burst = false;
      this.pending.clear();
      void this.fullScan();
      return;
    }
    const blocks = new Set<Element>();
    const touched = [...this.pending];
    this.pending.clear();
    for (const node of touched) {
      if (!node.isConnected) continue;
      const block = blockFor(node);
      if (block) blocks.add(block);
      else return void this.fullScan(); // a change at the root itself
    }
    if (this.scanning) {
      for (const block of blocks) this.editedDuringScan.add(block);
      return;
    }
    this.applyEdits(blocks);
  }

  /** Rescans the blocks an edit touched, after dropping their old mentions and those whose text left the page. */
  private applyEdits(blocks: Set<Element>): void {
    const rescanned = outermost(blocks);
    for (const [block, list] of this.mentions) {
      if (!block.isConnected || rescanned.some((b) => b.contains(block))) this.mentions.delete(block);
      else if (list.some((m) => !m.range.startContainer.isConnected || !m.range.endContainer.isConnected)) this.mentions.delete(block);
    }
    for (const block of rescanned) {
      if (!block.isConnected || isExcluded(block) || isInsideExcluded(block)) continue;
      this.rescanBlock(block);
    }
    this.changed();
  }

  private rescanBlock(block: Element): void {
    for (const chunk of chunksOf(block, (shadow) => this.adoptShadowRoot(shadow))) this.addMentionsFrom(chunk);
  }

  private addMentionsFrom(chunk: Chunk): void {
    for (const m of this.options.matcher.find(chunk.text, this.options.probe)) {
      const range = new StaticRange(locate(chunk, m.start, m.end));
      if (!rendered(range.startContainer)) continue;
      const mention: PageMention = {
        drugId: m.drugId,
        name: m.name,
        kind: m.kind,
        text: chunk.text.slice(m.start, m.end),
        range,
        block: chunk.block,
      };
      const list = this.mentions.get(chunk.block);
      if (list) list.push(mention);
      else this.mentions.set(chunk.block, [mention]);
    }
  }
}

/** False for text the reader cannot see (display: none or visibility: hidden around it). */
function rendered(node: Node): boolean {
  const el = node.parentElement;
  return !el || typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

/**
 * The block whose own text to read for a name the first pass saw end in
 * `text`, or null when it cannot be a mention. Text in an excluded element is
 * skipped, but an excluded inline element (a hidden span) sits inside prose
 * that may join across it, so its block is read.
 */
function blockToRead(text: Text, root: Element | ShadowRoot): Element | ShadowRoot | null {
  let excluded: Element | null = null;
  for (let el = text.parentElement; el; el = el.parentElement) if (isExcluded(el)) excluded = el;
  if (excluded && !isInline(excluded)) return null;
  const block = blockOf(excluded ?? text);
  // Text in a shadow root outside any block inside it belongs to the shadow root.
  return block ?? (root instanceof ShadowRoot ? root : null);
}

/** The block a change to `node` affects: the node itself if it is a block element. */
function blockFor(node: Node): Element | null {
  if (node.nodeType === 1 && !isInline(node as Element)) return node as Element;
  return blockOf(node);
}

/**
 * Open shadow roots of custom elements under `root`. Web components are where
 * shadow roots live in practice. The browser's XPath engine finds them by tag
 * name without handing each element to JavaScript: asking every element for
 * its shadow root would also find built-in hosts (a div can have one), but on
 * a freshly loaded page it costs a JavaScript object for every element, 2 to 4
 * ms on a small page in the benchmark.
 */
export function* openShadowRoots(root: Element | ShadowRoot): Generator<ShadowRoot> {
  if (root instanceof ShadowRoot) {
    // XPath cannot start inside a shadow tree; shadow trees are small, so ask each element.
    for (const el of root.querySelectorAll('*')) if (el.localName.includes('-') && el.shadowRoot) yield el.shadowRoot;
    return;
  }
  const doc = root.ownerDocument ?? document;
  const found = doc.evaluate(".//*[contains(local-name(), '-')]", root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < found.snapshotLength; i++) {
    const shadow = (found.snapshotItem(i) as Element).shadowRoot;
    if (shadow) yield shadow;
  }
}

function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(UI_HOST_TAG) != null;
}

/** Drops blocks contained in another block of the set: rescanning the outer one covers them. */
function outermost(blocks: Set<Element>): Element[] {
  const list = [...blocks];
  return list.filter((b) => !list.some((other) => other !== b && other.contains(b)));
}

