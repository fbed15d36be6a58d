import type { CardData } from '../data/card-data';
import { buildCardModel, type CardModel } from './card-model';
import { anchorForRange, CardHost, type CardHostEvents, type CardSurface } from './card-host';
import { documentOrder, type PageMention } from '../page/page-mention';
import type { Settings } from '../settings/settings';
import type { Direction } from '../messaging/messages';

// When a card opens and closes: dwell before opening, a grace period after the
// pointer leaves, Escape, a click elsewhere, scrolling the mention away, and
// the keyboard's next/previous mention. One card at a time.

/** How long the pointer may be off both the mention and the card before it closes. */
const GRACE_MS = 350;
/** A key pressed this recently means the user is typing: no card pops up under the pointer. */
const TYPING_MS = 800;

export interface CardControllerDeps {
  doc: Document;
  settings: () => Settings;
  loadData: (drugId: PageMention['drugId']) => Promise<CardData>;
  /** Emphasise (or stop emphasising) the mention whose card is open. */
  setActive: (mention: PageMention | null) => void;
  /** Makes the card on screen: a CardHost in the page's document unless given (tests give their own). */
  surface?: (events: CardHostEvents) => CardSurface;
}

export class CardController {
  private readonly host: CardSurface;
  private current: PageMention | null = null;
  private dwelling: PageMention | null = null;
  private dwellTimer = 0;
  private prepareTimer = 0;
  /** The card drawn unseen while the pointer dwells on its mention. */
  private prepared: { mention: PageMention; model: CardModel } | null = null;
  private graceTimer = 0;
  private pointerOnCard = false;
  private pointerOnMention = false;
  private lastKeyAt = -Infinity;
  private focusBefore: Element | null = null;
  private mentions: readonly PageMention[] = [];
  private opening = 0;

  constructor(private readonly deps: CardControllerDeps) {
    const events: CardHostEvents = {
      onPointerEnter: () => {
        this.pointerOnCard = true;
        this.cancelGrace();
      },
      onPointerLeave: () => {
        this.pointerOnCard = false;
        if (!this.pointerOnMention) this.startGrace();
      },
      onDismiss: () => this.close(true),
      onAnchorHidden: () => this.close(false),
    };
    this.host = deps.surface ? deps.surface(events) : new CardHost(deps.doc, events);
  }

  get openMention(): PageMention | null {
    return this.current;
  }

  /** The page's mentions changed: a card whose mention left the page closes. */
  setMentions(mentions: readonly PageMention[]): void {
    this.mentions = mentions;
    if (this.current && !this.current.range.startContainer.isConnected) this.close(false);
  }

  /** The mention under the pointer, checked once per frame while the pointer moves. */
  pointerOver(mention: PageMention | null, buttons: number): void {
    this.pointerOnMention = mention !== null;
    if (mention && this.current && sameMention(mention, this.current)) {
      this.cancelDwell();
      this.cancelGrace();
      return;
    }
    if (!mention) {
      this.cancelDwell();
      if (this.current && !this.pointerOnCard) this.startGrace();
      return;
    }
    if (this.dwelling && sameMention(this.dwelling, mention)) return;
    this.cancelDwell();
    // A pressed button means a text selection is being dragged.
    if (buttons !== 0 || this.typing()) return;
    this.dwelling = mention;
    const { dwellMs } = this.deps.settings();
    // The card is drawn during the dwell, so that it is on screen in the frame after the dwell
    // ends; not at once, so a pointer sweeping across mentions does not draw a card for each.
    this.prepareTimer = window.setTimeout(() => {
      this.prepareTimer = 0;
      void this.prepare(mention);
    }, dwellMs / 3);
    this.dwellTimer = window.setTimeout(() => {
      this.dwellTimer = 0;
      const target = this.dwelling;
      this.dwelling = null;
      if (target && this.pointerOnMention && !this.typing()) void this.open(target, false);
      else this.discardPrepared();
    }, dwellMs);
  }

  /** A tap on a mention (touch screens have no hover). */
  tap(mention: PageMention): void {
    this.cancelDwell();
    if (this.current && sameMention(this.current, mention)) return;
    void this.open(mention, false);
  }

  onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      if (this.current) this.close(true);
      return;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta', 'Tab'].includes(event.key)) this.lastKeyAt = performance.now();
  }

  /** A press anywhere but on the card or its mention closes the card. */
  onPointerDown(event: PointerEvent, mentionThere: PageMention | null): void {
    if (!this.current || this.host.owns(event.target)) return;
    if (mentionThere && sameMention(mentionThere, this.current)) return;
    this.close(false);
  }

  /** Keyboard: go to the next or previous mention in reading order, scroll it into view, open its card with focus inside. */
  async navigate(direction: Direction, drugId?: PageMention['drugId']): Promise<boolean> {
    const ordered = [...this.mentions]
      .filter((m) => m.range.startContainer.isConnected && (drugId === undefined || m.drugId === drugId))
      .sort(documentOrder);
    if (ordered.length === 0) return false;
    const at = this.current ? ordered.findIndex((m) => sameMention(m, this.current!)) : -1;
    const next =
      direction === 'next'
        ? ordered[(at + 1) % ordered.length]!
        : ordered[at <= 0 ? ordered.length - 1 : at - 1]!;
    await this.show(next);
    return true;
  }

  /** Brings one mention to the middle of the view and opens its card, as the keyboard commands do. */
  async show(mention: PageMention): Promise<void> {
    const attempt = ++this.opening;
    this.prepared = null;
    const model = await this.modelFor(mention);
    if (!model || attempt !== this.opening || !mention.range.startContainer.isConnected) return;
    if (!this.host.hasFocus()) this.focusBefore = this.deps.doc.activeElement;
    // Scrolled only once the card is ready, and opened in the same task: a card still open for a
    // mention far away would otherwise see its own mention leave the view and close, taking the
    // opening with it (a step to a mention on another PDF page, whose card data is not yet loaded).
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    this.openNow(mention, model, true);
  }

  close(returnFocus: boolean): void {
    this.cancelDwell();
    this.cancelGrace();
    this.opening++;
    const hadFocus = this.host.hasFocus();
    this.host.close();
    this.current = null;
    this.pointerOnCard = false;
    this.deps.setActive(null);
    if (returnFocus && hadFocus && this.focusBefore instanceof HTMLElement) this.focusBefore.focus({ preventScroll: true });
    if (hadFocus) this.focusBefore = null;
  }

  destroy(): void {
    this.close(false);
    this.host.destroy();
  }

  /** Draws the card of the mention under the pointer, unseen, unless a card is open. */
  private async prepare(mention: PageMention): Promise<void> {
    if (this.current) return;
    let data: CardData;
    try {
      data = await this.deps.loadData(mention.drugId);
    } catch {
      return;
    }
    if (this.dwelling !== mention || this.current || !mention.range.startContainer.isConnected) return;
    const model = this.modelOf(data, mention);
    this.prepared = { mention, model };
    this.host.prepare(model, anchorForRange(mention.range));
  }

  private async open(mention: PageMention, focus: boolean): Promise<void> {
    const attempt = ++this.opening;
    const prepared = this.prepared && sameMention(this.prepared.mention, mention) ? this.prepared.model : null;
    this.prepared = null;
    const model = prepared ?? (await this.modelFor(mention));
    if (!model || attempt !== this.opening || !mention.range.startContainer.isConnected) return;
    this.openNow(mention, model, focus);
  }

  /** The card's model for a mention, or null when its data cannot be had. */
  private async modelFor(mention: PageMention): Promise<CardModel | null> {
    try {
      return this.modelOf(await this.deps.loadData(mention.drugId), mention);
    } catch {
      // The extension was updated or reloaded under this page: its old content script has no card to show.
      return null;
    }
  }

  private openNow(mention: PageMention, model: CardModel, focus: boolean): void {
    this.cancelGrace();
    try {
      this.host.open(model, anchorForRange(mention.range), { focus });
    } catch {
      // A page JAK Lens cannot draw on (an unusual document type): leave it as it is.
      return;
    }
    this.current = mention;
    this.deps.setActive(mention);
  }

  private modelOf(data: CardData, mention: PageMention): CardModel {
    const settings = this.deps.settings();
    return buildCardModel(data, { sections: settings.sections, regulators: settings.regulators, asWritten: { text: mention.text, name: mention.name } });
  }

  /** Settings changed while a card is open: redraw it with the new sections and regulators. */
  refresh(): void {
    this.discardPrepared();
    const mention = this.current;
    if (mention) void this.open(mention, this.host.hasFocus());
  }

  private typing(): boolean {
    return performance.now() - this.lastKeyAt < TYPING_MS;
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    clearTimeout(this.prepareTimer);
    this.dwellTimer = 0;
    this.prepareTimer = 0;
    this.dwelling = null;
    this.discardPrepared();
  }

  private discardPrepared(): void {
    if (!this.prepared) return;
    this.prepared = null;
    if (!this.current) this.host.close();
  }

  private startGrace(): void {
    if (this.graceTimer || this.host.hasFocus()) return;
    this.graceTimer = window.setTimeout(() => {
      this.graceTimer = 0;
      if (!this.pointerOnCard && !this.pointerOnMention) this.close(false);
    }, GRACE_MS);
  }

  private cancelGrace(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = 0;
  }
}

function sameMention(a: PageMention, b: PageMention): boolean {
  return (
    a === b ||
    (a.range.startContainer === b.range.startContainer &&
      a.range.startOffset === b.range.startOffset &&
      a.range.endContainer === b.range.endContainer &&
      a.range.endOffset === b.range.endOffset)
  );
}

