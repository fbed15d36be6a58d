import type { CardData } from '../data/card-data';
import type { CardController } from '../card/card-controller';
import { loadedCardUi } from '../card/card-ui-global';
import type { DrugId } from '../data/schema';
import type { MentionCounts } from '../messaging/messages';
import { askBackground } from '../messaging/send';
import { namesToMark } from '../data/name-groups';
import { buildMatcher } from '../match/find-mentions';
import { Probe } from '../match/probe';
import { HighlightPainter } from '../paint/highlight-painter';
import { MentionIndex, mentionAtPoint } from '../paint/hit-test';
import type { Settings } from '../settings/settings';
import type { PageMention } from '../page/page-mention';
import { Scanner } from '../page/scanner';

/** Everything JAK Lens does on one page (one frame), started and stopped as a unit. */
export class PageSession {
  private readonly scanner: Scanner;
  private painter: HighlightPainter | null = null;
  private index = new MentionIndex([]);
  private mentions: readonly PageMention[] = [];
  private pointerFrame = 0;
  private lastPoint: { x: number; y: number; buttons: number } | null = null;
  private cards: CardController | null = null;
  private cardsLoading: Promise<CardController | null> | null = null;
  private stopped = false;
  /** Every listener of this session is added with its signal: stop() is one abort. */
  private readonly lifetime = new AbortController();
  private readonly cardData = new Map<DrugId, Promise<CardData>>();
  private countsTimer = 0;
  private reportedCounts = '{}';

  constructor(private settings: Settings) {
    const names = namesToMark(settings.nameKinds);
    this.scanner = new Scanner(document, {
      matcher: buildMatcher(names),
      probe: new Probe(names.map((n) => n.text)),
      onChange: (mentions) => this.show(mentions),
    });
  }

  start(): void {
    void this.scanner.start();
    const listen = { passive: true, capture: true, signal: this.lifetime.signal };
    document.addEventListener('pointermove', (event) => this.onPointer(event), listen);
    document.addEventListener('pointerdown', (event) => this.onPointerDown(event), listen);
    document.addEventListener('pointerup', (event) => this.onPointerUp(event), listen);
    document.addEventListener('keydown', (event) => this.cards?.onKeyDown(event), listen);
  }

  /** A single-page app moved to another view: read the page again. */
  onLocationChange(): void {
    if (!this.stopped) void this.scanner.fullScan();
  }

  /** Ends everything the session started; a second call does nothing. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.lifetime.abort();
    clearTimeout(this.countsTimer);
    if (this.reportedCounts !== '{}') this.report({});
    this.scanner.stop();
    cancelAnimationFrame(this.pointerFrame);
    this.cards?.destroy();
    this.cards = null;
    this.painter?.destroy();
    this.painter = null;
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.painter?.setStyle(settings.markStyle);
    this.cards?.refresh();
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

  /** Tells the background how many mentions of each drug this frame has, when that changes. */
  private scheduleCountsReport(): void {
    // At most one report per 200 ms, even on a page that re-renders all the time.
    if (this.countsTimer) return;
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
    void askBackground({ type: 'jak-lens/page-counts', counts }).catch(() => undefined);
  }

  /**
   * The card's code, asked of the background the first time this frame has a
   * mention (pages without one never load it). Null if it cannot be loaded,
   * e.g. after the extension was reloaded under the page.
   */
  private loadCards(): Promise<CardController | null> {
    this.cardsLoading ??= (async () => {
      if (!loadedCardUi()) {
        await askBackground({ type: 'jak-lens/load-card-ui' }).catch(() => undefined);
      }
      const ui = loadedCardUi();
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
      pending = askBackground({ type: 'jak-lens/card-data', drugId });
      pending.catch(() => this.cardData.delete(drugId));
      this.cardData.set(drugId, pending);
    }
    return pending;
  }

  private show(mentions: readonly PageMention[]): void {
    this.mentions = mentions;
    // Nothing is registered or styled until there is something to show.
    if (!this.painter && mentions.length === 0) return;
    this.painter ??= new HighlightPainter(document, this.settings.markStyle);
    this.painter.paint(mentions);
    this.index = new MentionIndex(mentions);
    if (mentions.length) void this.loadCards();
    this.cards?.setMentions(mentions);
    this.scheduleCountsReport();
    // Fetch the cards' data now, so a card is ready the moment the dwell ends.
    for (const drugId of new Set(mentions.map((m) => m.drugId))) void this.loadCardData(drugId).catch(() => undefined);
    const open = this.cards?.openMention;
    if (open) this.painter.setActive(open);
  }

  private mentionAt(x: number, y: number): PageMention | null {
    return this.mentions.length ? mentionAtPoint(document, this.index, x, y) : null;
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
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const point = this.lastPoint;
      if (!point || !this.painter) return;
      const mention = mentionAtPoint(document, this.index, point.x, point.y);
      this.painter.setActive(mention ?? this.cards?.openMention ?? null);
      this.cards?.pointerOver(mention, point.buttons);
    });
  }
}
