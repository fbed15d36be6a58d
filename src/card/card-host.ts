import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { UI_HOST_TAG } from '../page/dom-rules';
import { afterNextPaint } from '../page/slices';
import cardCss from './card.css?inline';
import type { CardModel } from './card-model';
import { DrugCard } from './DrugCard';

// The card on a page: one host element holding a closed shadow root, created
// the first time a card opens. Page scripts see only an empty custom element;
// page CSS cannot reach inside, and the card's CSS cannot leak out.

const FRAME_CSS = `
:host { all: initial; }
.frame {
  position: fixed; inset: auto; top: 0; left: 0; margin: 0; padding: 0;
  width: min(380px, calc(100vw - 16px)); max-height: min(520px, calc(100vh - 16px));
  display: flex; flex-direction: column; overflow: hidden;
  border: 1px solid rgb(0 0 0 / 0.18); border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.22), 0 1px 3px rgb(0 0 0 / 0.12);
  background: Canvas; color: CanvasText; z-index: 2147483647;
  animation: jak-lens-in 120ms ease-out;
}
.frame[hidden] { display: none; }
.frame.prepared { visibility: hidden; pointer-events: none; animation: none; }
@keyframes jak-lens-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .frame { animation: none; } }
@media (prefers-color-scheme: dark) { .frame { border-color: rgb(255 255 255 / 0.2); } }
`;

/** A reference for the positioning library: the mention's text, wherever it wraps. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
}

export function anchorForRange(range: AbstractRange): Anchor {
  const live = () => {
    const r = (range.startContainer.ownerDocument ?? document).createRange();
    try {
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
    } catch {
      // The text changed under the mention; keep the last known place.
    }
    return r;
  };
  const parent = range.startContainer.parentElement;
  return {
    getBoundingClientRect: () => live().getBoundingClientRect(),
    getClientRects: () => live().getClientRects(),
    ...(parent ? { contextElement: parent } : {}),
  };
}

export interface CardHostEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  /** Escape or the close button. */
  onDismiss(): void;
  /** The mention scrolled out of sight. */
  onAnchorHidden(): void;
}

/** What the card controller needs of the card on screen. */
export interface CardSurface {
  /**
   * Draws a card and lays it out at its place, unseen, while the pointer dwells, so that opening
   * it when the dwell ends only has to make it visible. Does nothing while a card is open.
   */
  prepare(model: CardModel, anchor: Anchor): void;
  /** Shows a card: the prepared one at once when `model` is the model it was prepared with. */
  open(model: CardModel, anchor: Anchor, options: { focus: boolean }): void;
  close(): void;
  hasFocus(): boolean;
  /** True when the event target is the card (events from inside its closed root are retargeted to the host). */
  owns(target: EventTarget | null): boolean;
  destroy(): void;
}

export class CardHost implements CardSurface {
  private host: HTMLElement | null = null;
  private frame: HTMLElement | null = null;
  private stopPositioning: (() => void) | null = null;
  /** The mention the card is kept beside; a placement computed for another one is stale. */
  private following: Anchor | null = null;
  /** The card drawn in the frame, shown or prepared. */
  private drawnModel: CardModel | null = null;
  /** The card the reader asked to see: shown, or shown as soon as it is placed. */
  private openModel: CardModel | null = null;
  private drawnPrefix = '';
  /** The drawn card has all its sections. */
  private whole = false;
  /** The drawn card has been placed beside its mention. */
  private placed = false;
  private focusWhenShown = false;
  /** The steps of the card being prepared; aborted when it is closed or another is drawn. */
  private preparation: AbortController | null = null;
  private counter = 0;

  constructor(
    private readonly doc: Document,
    private readonly events: CardHostEvents,
  ) {}

  /** True when the node belongs to the card (events from inside a closed root reach the page retargeted to the host). */
  owns(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  prepare(model: CardModel, anchor: Anchor): void {
    if (this.openModel) return;
    const frame = this.ensureFrame();
    // Drawn a section per task while the frame is still hidden (drawing then costs no style or
    // layout work); then, after the browser's next frame, laid out unseen; then placed. No step
    // holds the page up for long, and placing forces no layout.
    const prefix = this.nextPrefix();
    const sections = model.sections.length + 1;
    let drawn = 0;
    this.draw(model, frame, prefix, drawn);
    this.drawnModel = model;
    this.drawnPrefix = prefix;
    this.whole = false;
    this.placed = false;
    frame.classList.add('prepared');
    this.preparation?.abort();
    const { signal } = (this.preparation = new AbortController());
    const step = () => {
      if (signal.aborted) return;
      if (!this.whole && drawn < sections) {
        this.draw(model, frame, prefix, ++drawn);
        setTimeout(step, 0);
        return;
      }
      this.whole = true;
      frame.hidden = false;
      this.showOnTop(frame);
      void afterNextPaint(this.doc.defaultView ?? window, signal).then(() => {
        if (!signal.aborted && !this.stopPositioning) this.follow(anchor, frame);
      });
    };
    setTimeout(step, 0);
  }

  open(model: CardModel, anchor: Anchor, options: { focus: boolean }): void {
    const frame = this.ensureFrame();
    this.openModel = model;
    this.focusWhenShown = options.focus;
    if (model === this.drawnModel) {
      // Prepared during the dwell: shown now if it is placed, else as soon as it is (placing it
      // here would force the page's layout inside this task).
      if (!this.whole) this.draw(model, frame, this.drawnPrefix);
      this.whole = true;
      if (this.placed) this.show(frame);
      return;
    }
    this.preparation?.abort();
    this.draw(model, frame, this.nextPrefix());
    this.drawnModel = model;
    this.whole = true;
    this.placed = false;
    this.show(frame);
    this.follow(anchor, frame);
  }

  close(): void {
    if (!this.frame || !this.drawnModel) return;
    this.preparation?.abort();
    this.preparation = null;
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.following = null;
    this.openModel = null;
    this.drawnModel = null;
    this.whole = false;
    this.placed = false;
    this.focusWhenShown = false;
    if (typeof this.frame.hidePopover === 'function' && this.frame.matches(':popover-open')) this.frame.hidePopover();
    this.frame.hidden = true;
    this.frame.classList.remove('prepared');
    render(null, this.frame);
  }

  private nextPrefix(): string {
    return `jak-lens-${++this.counter}`;
  }

  private show(frame: HTMLElement): void {
    frame.classList.remove('prepared');
    frame.hidden = false;
    this.showOnTop(frame);
    if (this.focusWhenShown) frame.focus({ preventScroll: true });
    this.focusWhenShown = false;
  }

  private draw(model: CardModel, frame: HTMLElement, prefix: string, upTo?: number): void {
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close card', onClick: () => this.events.onDismiss() }, '×');
    render(h(DrugCard, { model, idPrefix: prefix, actions: close, ...(upTo === undefined ? {} : { upTo }) }), frame);
    frame.setAttribute('aria-labelledby', `${prefix}-title`);
  }

  /** Keeps the card beside its mention while the page scrolls or reflows. */
  private follow(anchor: Anchor, frame: HTMLElement): void {
    this.stopPositioning?.();
    this.following = anchor;
    this.stopPositioning = autoUpdate(anchor, frame, () => void this.place(anchor, frame));
  }

  /** True when keyboard focus is inside the card. */
  hasFocus(): boolean {
    return this.host !== null && this.doc.activeElement === this.host;
  }

  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.frame = null;
  }

  private ensureFrame(): HTMLElement {
    if (this.host?.isConnected && this.frame) return this.frame;
    // In the HTML namespace even in an XML or SVG document, where only HTML elements take a shadow root.
    const host = this.doc.createElementNS('http://www.w3.org/1999/xhtml', UI_HOST_TAG) as HTMLElement;
    // Inline !important beats any page rule, so the page cannot hide or move the host.
    host.setAttribute('style', 'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; display: block !important; z-index: 2147483647 !important;');
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptCss(shadow, FRAME_CSS + cardCss);
    const frame = this.doc.createElementNS('http://www.w3.org/1999/xhtml', 'div') as HTMLElement;
    frame.className = 'frame';
    frame.setAttribute('role', 'dialog');
    frame.tabIndex = -1;
    frame.hidden = true;
    frame.addEventListener('pointerenter', () => this.events.onPointerEnter());
    frame.addEventListener('pointerleave', () => this.events.onPointerLeave());
    frame.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.events.onDismiss();
      }
    });
    shadow.append(frame);
    (this.doc.documentElement ?? this.doc.body).append(host);
    this.host = host;
    this.frame = frame;
    return frame;
  }

  /** The top layer puts the card above every page element, whatever their z-index or stacking context. */
  private showOnTop(frame: HTMLElement): void {
    if (typeof frame.showPopover !== 'function') return;
    if (!frame.hasAttribute('popover')) frame.setAttribute('popover', 'manual');
    if (!frame.matches(':popover-open')) frame.showPopover();
  }

  private async place(anchor: Anchor, frame: HTMLElement): Promise<void> {
    const { x, y, middlewareData } = await computePosition(anchor, frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: 8, fallbackStrategy: 'bestFit' }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, availableWidth }) {
            frame.style.maxHeight = `${Math.max(96, Math.min(520, availableHeight))}px`;
            frame.style.maxWidth = `${Math.max(200, availableWidth)}px`;
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    // A placement still being computed when the card moved to another mention is for a mention no
    // longer followed: that mention, scrolled out of view, must not close the new card.
    if (!this.drawnModel || this.frame !== frame || this.following !== anchor) return;
    frame.style.left = `${x}px`;
    frame.style.top = `${y}px`;
    this.placed = true;
    if (this.openModel === this.drawnModel && frame.classList.contains('prepared')) this.show(frame);
    if (middlewareData.hide?.referenceHidden) this.events.onAnchorHidden();
  }
}

function adoptCss(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers or worlds without constructable stylesheets: a style element works too.
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
