import type { Matcher } from '../match/find-mentions';
import type { Probe } from '../match/probe';
import { blockOf, blockToRead, isExcluded, isInline, isInsideExcluded, outermost, rendered } from './dom-rules';
import { textsThatMayMention } from './first-pass';
import { MutationBatcher } from './mutation-batcher';
import type { PageMention } from './page-mention';
import { openShadowRoots } from './shadow-roots';
import { afterNextPaint, Slices, yieldToPage } from './slices';
import { chunksOf, locate, type Chunk } from './text-model';

/** The stretches of work a scan is made of, as the benchmark reports them. */
export type ScanPhase = 'first-pass' | 'visible' | 'blocks' | 'shadow-roots';

export interface ScannerOptions {
  matcher: Matcher;
  /** The first-pass automaton: says which blocks may hold a name, and where in their text the matcher should look. */
  probe: Probe;
  /** Called whenever the set of mentions changes. */
  onChange: (mentions: readonly PageMention[]) => void;
  /** The scanner's lifetime: when it aborts, every scan, observer and frame callback of the scanner ends. */
  signal: AbortSignal;
  /** Longest stretch of work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Mutation records in one batch above which a full rescan is cheaper. */
  burstLimit?: number;
  /** For the benchmark: each uninterrupted stretch of main-thread work, by phase. */
  onWork?: (phase: ScanPhase, ms: number) => void;
}

const now = () => performance.now();
/** How often a long scan hands over what it has found so far (the marks appear as it goes). */
const REPORT_EVERY_MS = 100;
/** Points down the middle of the viewport where the visible-first pass looks for text. */
const VISIBLE_PROBES = 12;

/**
 * Finds and tracks mentions under one root (the document, or an open shadow
 * root). It never modifies the DOM: it only reads text and reports ranges.
 */
export class Scanner {
  private readonly mentions = new Map<Element, PageMention[]>();
  private readonly shadowScanners = new Map<ShadowRoot, Scanner>();
  /** The full scan under way, if any: a newer one aborts it. */
  private scan: AbortController | null = null;
  /** Blocks edited while a full scan runs: applied when it ends, so no block is counted twice. */
  private readonly editedDuringScan = new Set<Element>();

  constructor(
    private readonly root: Document | ShadowRoot,
    private readonly options: ScannerOptions,
  ) {}

  private get stopped(): boolean {
    return this.options.signal.aborted;
  }

  /** All mentions, in no particular order. */
  all(): PageMention[] {
    const out: PageMention[] = [];
    for (const list of this.mentions.values()) out.push(...list);
    for (const child of this.shadowScanners.values()) out.push(...child.all());
    return out;
  }

  /** Scans everything, then keeps up with changes until the signal aborts. */
  async start(): Promise<void> {
    if (this.stopped) return;
    this.options.signal.addEventListener(
      'abort',
      () => {
        this.scan?.abort();
        this.mentions.clear();
        this.shadowScanners.clear();
      },
      { once: true },
    );
    // Watching starts before the first scan: an edit made while it runs is applied when it ends.
    new MutationBatcher(this.root, {
      signal: this.options.signal,
      burstLimit: this.options.burstLimit,
      onBlocks: (blocks) => this.onEdits(blocks),
      onRescanAll: () => void this.fullScan(),
    });
    await this.fullScan();
  }

  private get element(): Element | ShadowRoot | null {
    return this.root instanceof Document ? this.root.body ?? this.root.documentElement : this.root;
  }

  /** Rescans the whole root in time slices. A newer scan cancels an older one. */
  async fullScan(): Promise<void> {
    // A stopped scanner stays stopped: a late caller (a navigation event, a frame) starts nothing.
    if (this.stopped) return;
    this.scan?.abort();
    const scan = (this.scan = new AbortController());
    const root = this.element;
    this.mentions.clear();
    if (!root) {
      this.scan = null;
      return this.changed();
    }
    this.editedDuringScan.clear();
    // The common case: no mention anywhere, found out in one pass over the text nodes.
    // Otherwise that pass says which blocks to read; the rest of the page is not read again.
    const blocks = await this.blocksThatMayMention(root, scan.signal);
    if (scan.signal.aborted) return;
    if (blocks.length) await this.scanBlocks(blocks, scan.signal, await this.scanVisible(scan.signal));
    else this.changed();
    if (scan.signal.aborted) return;
    this.scan = null;
    if (this.editedDuringScan.size) {
      this.applyEdits(new Set(this.editedDuringScan));
      this.editedDuringScan.clear();
    }
    // Web components' open shadow roots hold text the first pass does not see: find them in any case.
    const t = now();
    for (const shadow of openShadowRoots(root)) this.adoptShadowRoot(shadow);
    this.options.onWork?.('shadow-roots', now() - t);
  }

  private slices(phase: ScanPhase, signal: AbortSignal): Slices {
    return new Slices(this.options.sliceMs ?? 8, signal, this.options.onWork && ((ms) => this.options.onWork!(phase, ms)));
  }

  /**
   * The first pass: the blocks (in document order, each once) whose text may
   * hold a name, in slices on a long page. `root` itself stands for its own
   * text outside any block inside it.
   */
  private async blocksThatMayMention(root: Element | ShadowRoot, signal: AbortSignal): Promise<(Element | ShadowRoot)[]> {
    const slices = this.slices('first-pass', signal);
    const blocks: (Element | ShadowRoot)[] = [];
    const seen = new Set<Element | ShadowRoot>();
    for (const text of textsThatMayMention(root, this.options.probe)) {
      if (text) {
        const block = blockToRead(text, root);
        if (block && !seen.has(block)) {
          seen.add(block);
          blocks.push(block);
        }
      } else if (slices.due && !(await slices.pause())) return [];
    }
    slices.end();
    return blocks;
  }

  /**
   * The part of the page on screen, scanned first when the page is open
   * scrolled down (the walk in document order already starts with what is on
   * screen at the top). It waits for a frame to be painted first, so reading the
   * scroll position and finding what is on screen use the layout the browser
   * has just made instead of forcing one.
   * Returns the blocks it covered, for the full walk to skip.
   */
  private async scanVisible(signal: AbortSignal): Promise<Set<Element>> {
    const done = new Set<Element>();
    if (!(this.root instanceof Document)) return done;
    const doc = this.root;
    const view = doc.defaultView;
    if (!view) return done;
    // Reading the scroll position or any geometry forces a layout if the page has pending
    // changes; after a painted frame it has none, so these reads cost nothing.
    await afterNextPaint(view, signal);
    if (signal.aborted || view.scrollY < view.innerHeight / 2) return done;
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
      for (const chunk of this.chunks(block)) {
        done.add(chunk.block);
        this.addMentionsFrom(chunk);
      }
      done.add(block);
    }
    if (done.size) this.changed();
    this.options.onWork?.('visible', now() - t);
    return done;
  }

  /** Reads the blocks' own text (not blocks inside them) for mentions, in time slices. */
  private async scanBlocks(blocks: (Element | ShadowRoot)[], signal: AbortSignal, skip: ReadonlySet<Element>): Promise<void> {
    // The first marks bring the highlight stylesheet, and with it a restyle of the whole page.
    // Ending the slice there lets the browser restyle in its own frame; otherwise the next
    // visibility check would force that restyle inside our slice.
    const view = (this.root.ownerDocument ?? (this.root as Document)).defaultView;
    const restyled = (until: AbortSignal) => (view ? afterNextPaint(view, until) : yieldToPage(until));
    let painted = this.mentions.size > 0;
    if (painted) {
      await restyled(signal);
      if (signal.aborted) return;
    }
    const slices = this.slices('blocks', signal);
    let reported = now();
    for (const block of blocks) {
      if (block.isConnected && !(block instanceof Element && skip.has(block))) {
        for (const chunk of this.chunks(block, true)) this.addMentionsFrom(chunk);
      }
      const firstMarks = !painted && this.mentions.size > 0;
      if (firstMarks) painted = true;
      if (firstMarks || slices.due) {
        // Each report hands over every mention so far: on a page with thousands, reporting after
        // every slice made the reports cost more than the slices.
        if (firstMarks || now() - reported >= REPORT_EVERY_MS) {
          this.changed();
          reported = now();
        }
        if (!(await slices.pause(firstMarks ? restyled : yieldToPage))) return;
      }
    }
    this.changed();
    slices.end();
  }

  /** The runs of prose in a block, adopting any open shadow root found on the way. */
  private chunks(block: Element | ShadowRoot, ownTextOnly = false): Iterable<Chunk> {
    return chunksOf(block, (shadow) => this.adoptShadowRoot(shadow), ownTextOnly);
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

  private onEdits(blocks: Set<Element>): void {
    // An edit to the page's root or body element touches all its text: read it again in slices.
    const doc = this.root.nodeType === Node.DOCUMENT_NODE ? (this.root as Document) : null;
    if (doc && [...blocks].some((b) => b === doc.body || b === doc.documentElement)) return void this.fullScan();
    if (this.scan) for (const block of blocks) this.editedDuringScan.add(block);
    else this.applyEdits(blocks);
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
      for (const chunk of this.chunks(block)) this.addMentionsFrom(chunk);
    }
    this.changed();
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
