import type { CardController } from '../card/card-controller';
import type { CardUi } from '../card/card-ui-global';
import type { CardData } from '../data/card-data';
import { inChosenGroups } from '../data/name-groups';
import type { DrugId } from '../data/schema';
import { buildMatcher, type MatchableName } from '../match/find-mentions';
import { Probe } from '../match/probe';
import type { MentionCounts, MessageType, Request, Response } from '../messaging/messages';
import type { PageMention } from '../page/page-mention';
import { Scanner, type ScannerOptions } from '../page/scanner';
import { HighlightPainter } from '../paint/highlight-painter';
import { MentionIndex, mentionAtPoint } from '../paint/hit-test';
import type { Settings } from '../settings/settings';

/** What a session needs from outside its frame; the content script passes the real ones, tests and the benchmark their own. */
export interface SessionPorts {
  /** Asks the background (card data, the card's code, the counts report). */
  ask<T extends MessageType>(request: Request<T>): Promise<Response<T>>;
  /** The card's code, once it is loaded into this frame. */
  cardUi(): CardUi | undefined;
}

export interface SessionOptions {
  ports: SessionPorts;
  /** Every name that may be marked; the session keeps those of the kinds the user chose. */
  names: readonly MatchableName[];
  /** For the benchmark: the scanner's stretches of work. */
  onWork?: ScannerOptions['onWork'];
}

/**
 * Everything JAK Lens does on one page (one frame), started and stopped as a
 * unit. Every listener, observer, timer and frame callback it starts, and the
 * scanner and the card, hang on one AbortController: stop() is one abort. A
 * change that needs a different session (other name kinds, a site paused)
 * makes a fresh one, never patches this one.
 */
export class PageSession {
  private readonly lifetime = new AbortController();
  private readonly scanner: Scanner;
  private painter: HighlightPainter | null = null;
  /** The mentions by text node, for the pointer; built when the pointer first needs it after a change. */
  private indexed: MentionIndex | null = null;
  private mentions: readonly PageMention[] = [];
  private pointerFrame = 0;
  private lastPoint: { x: number; y: number; buttons: number } | null = null;
  private cards: CardController | null = null;
  private cardsLoading: Promise<CardController | null> | null = null;
  private readonly cardData = new Map<DrugId, Promise<CardData>>();
  private countsTimer = 0;
  private reportedCounts = '{}';

  constructor(
    private settings: Settings,
    private readonly options: SessionOptions,
  ) {
    const names = inChosenGroups(options.names, settings.nameKinds);
    this.scanner = new Scanner(document, {
      matcher: buildMatcher(names),
      probe: new Probe(names.map((n) => n.text)),
      onChange: (mentions) => this.show(mentions),
      signal: this.lifetime.signal,
      ...(options.onWork ? { onWork: options.onWork } : {}),
    });
  }

  private get stopped(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** Starts reading and watching the page; resolves when the first full scan is done. */
  start(): Promise<void> {
    const listen = { passive: true, capture: true, signal: this.lifetime.signal };
    document.addEventListener('pointermove', (event) => this.onPointer(event), listen);
    document.addEventListener('pointerdown', (event) => this.onPointerDown(event), listen);
    document.addEventListener('pointerup', (event) => this.onPointerUp(event), listen);
    document.addEventListener('keydown', (event) => this.cards?.onKeyDown(event), listen);
    this.lifetime.signal.addEventListener('abort', () => this.release(), { once: true });
    return this.scanner.start();
  }

  /** A single-page app moved to another view: read the page again. */
  onLocationChange(): void {
    if (!this.stopped) void this.scanner.fullScan();
  }

  /** Ends everything the session started; a second call does nothing. */
  stop(): void {
    this.lifetime.abort();
  }

  /** What the abort leaves to do by hand: timers and frames have no signal, and the background should forget this frame's counts. */
  private release(): void {
    clearTimeout(this.countsTimer);
    cancelAnimationFrame(this.pointerFrame);
    if (this.reportedCounts !== '{}') this.report({});
    this.cards?.destroy();
    this.cards = null;
    this.painter?.destroy();
    this.painter = null;
    this.mentions = [];
    this.indexed = null;
  }

  /** Settings that need no new session (mark style, card sections, regulators, dwell). */
  applySettings(settings: Settings): void {
    this.settings = settings;
    this.painter?.setStyle(settings.markStyle);
    this.cards?.refresh();
  }

  /** The mentions painted now (for the benchmark and tests). */
  get shown(): readonly PageMention[] {
    return this.mentions;
  }

  /** The keyboard command: next or previous mention. False when this frame has none. */
  async navigate(direction: 'next' | 'previous'): Promise<boolean> {
    const cards = await this.loadCards();
    return cards ? cards.navigate(direction) : false;
  }

  /** The popup's "On this page": go to the next mention of one drug and open its card. */
  async reveal(drugId: DrugId): Promise<boolean> {
    const cards = await this.loadCards();
    return cards ? cards.navigate('next', drugId) : false;
  }

  /** The mention whose card is open, if any. */
  get cardMention(): PageMention | null {
    return this.cards?.openMention ?? null;
  }

  /** Opens the card of one of this page's mentions, brought into view (the PDF viewer's steps across pages). */
  async openCard(mention: PageMention): Promise<boolean> {
    const cards = await this.loadCards();
    if (!cards) return false;
    await cards.show(mention);
    return true;
  }

  /** Tells the background how many mentions of each drug this frame has, when that changes. */
  private scheduleCountsReport(): void {
    // At most one report per 200 ms, even on a page that re-renders all the time.
    if (this.countsTimer || this.stopped) return;
    this.countsTimer = window.setTimeout(() => {
      this.countsTimer = 0;
      const counts: MentionCounts = {};
      for (const m of this.mentions) counts[m.drugId] = (counts[m.drugId] ?? 0) + 1;
      this.report(counts);
    }, 200);
  }

  private report(counts: MentionCounts): void {
    const json = JSON.stringify(counts);
    if (json === this.reportedCounts) return;
    this.reportedCounts = json;
    void this.options.ports.ask({ type: 'jak-lens/page-counts', counts }).catch(() => undefined);
  }

  /**
   * The card's code, asked of the background the first time this frame has a
   * mention (pages without one never load it). Null if it cannot be loaded,
   * e.g. after the extension was reloaded under the page.
   */
  private loadCards(): Promise<CardController | null> {
    this.cardsLoading ??= (async () => {
      const { ports } = this.options;
      if (!ports.cardUi()) await ports.ask({ type: 'jak-lens/load-card-ui' }).catch(() => undefined);
      const ui = ports.cardUi();
      if (!ui || this.stopped) return null;
      this.cards = new ui.CardController({
        doc: document,
        settings: () => this.settings,
        loadData: (drugId) => this.loadCardData(drugId),
        setActive: (mention) => this.painter?.setActive(mention),
      });
      this.cards.setMentions(this.mentions);
      // A pointer already resting on a mention while the code loaded gets its card without moving.
      if (this.lastPoint) this.checkPointer();
      return this.cards;
    })();
    return this.cardsLoading;
  }

  /** Card data comes from the background once per drug, so pages never carry the whole dataset. */
  private loadCardData(drugId: DrugId): Promise<CardData> {
    let pending = this.cardData.get(drugId);
    if (!pending) {
      pending = this.options.ports.ask({ type: 'jak-lens/card-data', drugId });
      pending.catch(() => this.cardData.delete(drugId));
      this.cardData.set(drugId, pending);
    }
    return pending;
  }

  private show(mentions: readonly PageMention[]): void {
    if (this.stopped) return;
    this.mentions = mentions;
    // Nothing is registered or styled until there is something to show.
    if (!this.painter && mentions.length === 0) return;
    this.painter ??= new HighlightPainter(document, this.settings.markStyle);
    this.painter.paint(mentions);
    this.indexed = null;
    if (mentions.length) void this.loadCards();
    this.cards?.setMentions(mentions);
    this.scheduleCountsReport();
    // Fetch the cards' data now, so a card is ready the moment the dwell ends.
    for (const drugId of new Set(mentions.map((m) => m.drugId))) void this.loadCardData(drugId).catch(() => undefined);
    const open = this.cards?.openMention;
    if (open) this.painter.setActive(open);
  }

  private index(): MentionIndex {
    return (this.indexed ??= new MentionIndex(this.mentions));
  }

  private mentionAt(x: number, y: number): PageMention | null {
    return this.mentions.length ? mentionAtPoint(document, this.index(), x, y) : null;
  }

  private onPointerDown(event: PointerEvent): void {
    // Only an open card cares where a press lands; hit-testing every click would cost a layout read.
    if (!this.cards?.openMention) return;
    this.cards.onPointerDown(event, this.mentionAt(event.clientX, event.clientY));
  }

  /** Touch screens have no hover: a tap on a mention opens its card, unless the mention is a link or button. */
  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch') return;
    const mention = this.mentionAt(event.clientX, event.clientY);
    if (mention && !mention.range.startContainer.parentElement?.closest('a[href], button, [role="button"], [role="link"], summary, label')) {
      void this.loadCards().then((cards) => cards?.tap(mention));
    }
  }

  private onPointer(event: PointerEvent): void {
    if (this.mentions.length === 0 || event.pointerType === 'touch') return;
    this.lastPoint = { x: event.clientX, y: event.clientY, buttons: event.buttons };
    this.checkPointer();
  }

  /** Once per frame: which mention is under the pointer, for the emphasis and the card. */
  private checkPointer(): void {
    if (this.pointerFrame || this.stopped) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const point = this.lastPoint;
      if (!point || !this.painter || this.stopped) return;
      const mention = mentionAtPoint(document, this.index(), point.x, point.y);
      this.painter.setActive(mention ?? this.cards?.openMention ?? null);
      this.cards?.pointerOver(mention, point.buttons);
    });
  }
}
