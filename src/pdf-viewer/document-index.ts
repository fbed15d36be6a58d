import type { DrugId } from '../data/schema';
import type { Matcher } from '../match/find-mentions';
import type { Probe } from '../match/probe';
import type { DocumentSummary, MentionCounts } from '../messaging/messages';
import { yieldToPage } from '../page/slices';
import { chunksOf, locate } from '../page/text-model';

// Every page's mentions, read in idle time from the document's text rather than from the drawn
// text layers (only pages near the screen are drawn): what the popup counts and lists by page, and
// what the steps from mention to mention follow across pages. Each page's text is laid out the way
// pdf.js's text layer lays it out (a span per text item, a <br> where a line ends) and read by the
// same text model and matcher as a drawn page, so the index and the marks agree mention for mention.

/** What pdf.js's getTextContent gives for a piece of text (marked-content items have no `str`). */
export interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  type?: string;
}

/** The drugs a page names, in the order its text layer shows them. */
export function mentionsInPageText(items: readonly TextItemLike[], matcher: Matcher, probe: Probe, doc: Document): DrugId[] {
  const root = doc.createElement('div');
  for (const item of items) {
    if (item.str) {
      const span = doc.createElement('span');
      span.textContent = item.str;
      root.append(span);
    }
    if (item.hasEOL) root.append(doc.createElement('br'));
  }
  const textNodes: Node[] = [];
  for (const span of root.children) if (span.firstChild) textNodes.push(span.firstChild);
  const order = new Map(textNodes.map((node, i) => [node, i]));
  const found: { drugId: DrugId; node: number; offset: number }[] = [];
  for (const chunk of chunksOf(root)) {
    for (const m of matcher.find(chunk.text, probe)) {
      const at = locate(chunk, m.start, m.end);
      found.push({ drugId: m.drugId, node: order.get(at.startContainer) ?? 0, offset: at.startOffset });
    }
  }
  // A name joined across a line break is found after the line that follows it: put it back in place.
  return found.sort((a, b) => a.node - b.node || a.offset - b.offset).map((m) => m.drugId);
}

/** One mention in the whole document: its page and its place among that page's mentions. */
export interface DocumentMention {
  page: number;
  ordinal: number;
  drugId: DrugId;
}

export interface PageTextSource {
  numPages: number;
  /** One page's text items, as pdf.js's getTextContent gives them. */
  pageText(page: number): Promise<readonly TextItemLike[]>;
}

/** Reading work (ours, not the worker's) after which the index lets the page run. */
const YIELD_AFTER_MS = 8;

export class DocumentIndex {
  /** Each read page's mentions (index 0 is page 1). */
  private readonly pages: DrugId[][] = [];
  private anyText = false;
  private listeners = new Set<() => void>();

  constructor(
    private readonly source: PageTextSource,
    private readonly matcher: Matcher,
    private readonly probe: Probe,
    private readonly doc: Document,
  ) {}

  /**
   * Reads every page in order. Each page's text arrives from pdf.js's worker as a task of its own,
   * so reading never holds the page for long; it yields besides only after a run of heavy pages.
   * (A timer between every page would crawl in a hidden tab, where browsers slow timers to one a
   * second or less: a 300-page document would take minutes to count.)
   */
  async build(signal: AbortSignal): Promise<void> {
    let busy = 0;
    for (let n = 1; n <= this.source.numPages; n++) {
      let items: readonly TextItemLike[];
      try {
        items = await this.source.pageText(n);
      } catch {
        // A page whose text cannot be extracted counts as a page without text.
        items = [];
      }
      if (signal.aborted) return;
      const started = performance.now();
      if (!this.anyText && items.some((item) => item.str?.trim())) this.anyText = true;
      this.pages.push(mentionsInPageText(items, this.matcher, this.probe, this.doc));
      this.changed();
      busy += performance.now() - started;
      if (busy > YIELD_AFTER_MS) {
        busy = 0;
        await yieldToPage(signal);
      }
    }
  }

  /** Called after each page is read. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get complete(): boolean {
    return this.pages.length === this.source.numPages;
  }

  /** How many mentions page `n` has (0 until it is read). */
  countOn(page: number): number {
    return this.pages[page - 1]?.length ?? 0;
  }

  /** Every mention read so far, in document order; of one drug when given. */
  mentions(drugId?: DrugId): DocumentMention[] {
    const all: DocumentMention[] = [];
    this.pages.forEach((drugs, i) =>
      drugs.forEach((id, ordinal) => {
        if (drugId === undefined || id === drugId) all.push({ page: i + 1, ordinal, drugId: id });
      }),
    );
    return all;
  }

  counts(): MentionCounts {
    const counts: MentionCounts = {};
    for (const drugs of this.pages) for (const id of drugs) counts[id] = (counts[id] ?? 0) + 1;
    return counts;
  }

  summary(): DocumentSummary {
    const byDrug = new Map<DrugId, { count: number; pages: number[] }>();
    this.pages.forEach((drugs, i) => {
      for (const id of drugs) {
        const entry = byDrug.get(id) ?? { count: 0, pages: [] };
        entry.count++;
        if (entry.pages[entry.pages.length - 1] !== i + 1) entry.pages.push(i + 1);
        byDrug.set(id, entry);
      }
    });
    return {
      pageCount: this.source.numPages,
      pagesRead: this.pages.length,
      hasText: !this.complete || this.anyText,
      drugs: [...byDrug].map(([drugId, e]) => ({ drugId, ...e })).sort((a, b) => b.count - a.count || a.drugId.localeCompare(b.drugId)),
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The mention a step leads to: the next or previous one after `from` (a page and a place on it,
 * fractional for "before the first" or "after the last"), going round the document's end.
 */
export function stepFrom(mentions: readonly DocumentMention[], from: { page: number; ordinal: number }, direction: 'next' | 'previous'): DocumentMention | null {
  if (mentions.length === 0) return null;
  const after = (m: DocumentMention) => m.page > from.page || (m.page === from.page && m.ordinal > from.ordinal);
  const before = (m: DocumentMention) => m.page < from.page || (m.page === from.page && m.ordinal < from.ordinal);
  if (direction === 'next') return mentions.find(after) ?? mentions[0]!;
  return mentions.findLast(before) ?? mentions[mentions.length - 1]!;
}
