// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '@/src/card/card-controller';
import type { CardHostEvents, CardSurface } from '@/src/card/card-host';
import type { CardModel } from '@/src/card/card-model';
import { cardDataFor } from '@/src/data/card-data';
import { dataset } from '@/src/data/dataset';
import type { DrugId } from '@/src/data/schema';
import type { PageMention } from '@/src/page/page-mention';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { shimDomForScanner } from '../support/dom-shims';

// When a card opens and closes, with the clock in the test's hands: the dwell before a card
// opens, the grace period after the pointer leaves, and what closes a card at once.

beforeAll(shimDomForScanner);

/** The card on screen, as the controller drives it: which drug's card is showing, and whether it has focus. */
class FakeSurface implements CardSurface {
  shown: CardModel | null = null;
  /** Drawn unseen during the dwell. */
  prepared: CardModel | null = null;
  /** How many times a card was drawn. */
  draws = 0;
  focused = false;
  readonly element = document.createElement('jak-lens-ui');
  constructor(readonly events: CardHostEvents) {}
  prepare(model: CardModel): void {
    if (this.shown) return;
    this.prepared = model;
    this.draws++;
  }
  open(model: CardModel, _anchor: unknown, options: { focus: boolean }): void {
    if (model !== this.prepared) this.draws++;
    this.prepared = null;
    this.shown = model;
    this.focused = options.focus;
  }
  close(): void {
    this.shown = null;
    this.prepared = null;
    this.focused = false;
  }
  hasFocus(): boolean {
    return this.focused;
  }
  owns(target: EventTarget | null): boolean {
    return target === this.element;
  }
  destroy(): void {
    this.close();
  }
}

function mentionOf(p: HTMLElement, name: string, drugId: DrugId): PageMention {
  const text = p.firstChild as Text;
  const start = text.data.indexOf(name);
  return {
    drugId,
    name,
    kind: 'brand',
    text: name,
    range: new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: start + name.length }),
    block: p,
  };
}

let surface: FakeSurface;
let active: PageMention | null;
let controller: CardController;
let rinvoq: PageMention;
let olumiant: PageMention;
let xeljanz: PageMention;
const DWELL = DEFAULT_SETTINGS.dwellMs;
const GRACE = 350;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  document.body.innerHTML = '<p id="a">Rinvoq first.</p><p id="b">Olumiant second.</p><p id="c">Xeljanz third.</p>';
  rinvoq = mentionOf(document.getElementById('a')!, 'Rinvoq', 'upadacitinib');
  olumiant = mentionOf(document.getElementById('b')!, 'Olumiant', 'baricitinib');
  xeljanz = mentionOf(document.getElementById('c')!, 'Xeljanz', 'tofacitinib');
  active = null;
  controller = new CardController({
    doc: document,
    settings: () => DEFAULT_SETTINGS,
    loadData: (drugId) => Promise.resolve(cardDataFor(dataset, drugId)),
    setActive: (m) => (active = m),
    surface: (events) => (surface = new FakeSurface(events)),
  });
  controller.setMentions([olumiant, xeljanz, rinvoq]);
});

afterEach(() => {
  controller.destroy();
  vi.useRealTimers();
});

const showing = () => surface.shown?.drugId ?? null;
/** Lets the clock run and the card's data promise settle. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('the dwell before a card opens', () => {
  it('opens the card once the pointer has rested on a mention for the dwell time, not before', async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL - 1);
    expect(showing()).toBeNull();
    await wait(1);
    expect(showing()).toBe('upadacitinib');
    expect(active).toBe(rinvoq);
    expect(surface.focused).toBe(false);
  });

  it('draws the card unseen during the dwell and, when the dwell ends, shows that drawing without drawing again', async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL / 3);
    expect(surface.prepared?.drugId).toBe('upadacitinib');
    expect(showing()).toBeNull();
    const drawsBefore = surface.draws;
    await wait(DWELL - DWELL / 3);
    expect(showing()).toBe('upadacitinib');
    expect(surface.draws).toBe(drawsBefore);
  });

  it('draws nothing for mentions the pointer only sweeps across, and discards an unseen card when the pointer leaves', async () => {
    for (const m of [rinvoq, olumiant, xeljanz]) {
      controller.pointerOver(m, 0);
      await wait(16);
    }
    expect(surface.draws).toBe(0);
    await wait(DWELL / 3);
    expect(surface.prepared?.drugId).toBe('tofacitinib');
    controller.pointerOver(null, 0);
    expect(surface.prepared).toBeNull();
    await wait(1000);
    expect(showing()).toBeNull();
  });

  it('never redraws an open card to prepare another: the other card is drawn when its dwell ends', async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL);
    controller.pointerOver(olumiant, 0);
    await wait(DWELL / 3);
    expect(surface.prepared).toBeNull();
    expect(showing()).toBe('upadacitinib');
    await wait(DWELL);
    expect(showing()).toBe('baricitinib');
  });

  it('opens nothing when the pointer moves off before the dwell ends', async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL - 50);
    controller.pointerOver(null, 0);
    await wait(1000);
    expect(showing()).toBeNull();
  });

  it('restarts the dwell when the pointer moves to another mention', async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL - 50);
    controller.pointerOver(olumiant, 0);
    await wait(DWELL - 1);
    expect(showing()).toBeNull();
    await wait(1);
    expect(showing()).toBe('baricitinib');
  });

  it('opens nothing while a button is held (a selection being dragged) or just after typing', async () => {
    controller.pointerOver(rinvoq, 1);
    await wait(1000);
    expect(showing()).toBeNull();
    controller.pointerOver(null, 0);
    controller.onKeyDown(new KeyboardEvent('keydown', { key: 'a' }));
    controller.pointerOver(rinvoq, 0);
    await wait(1000);
    expect(showing()).toBeNull();
  });

  it('a tap opens the card at once (touch screens have no hover)', async () => {
    controller.tap(xeljanz);
    await wait(0);
    expect(showing()).toBe('tofacitinib');
  });
});

describe('the grace period after the pointer leaves', () => {
  async function openOn(mention: PageMention) {
    controller.pointerOver(mention, 0);
    await wait(DWELL);
    expect(showing()).toBe(mention.drugId);
  }

  it('keeps the card while the pointer is away for less than the grace period, then closes it', async () => {
    await openOn(rinvoq);
    controller.pointerOver(null, 0);
    await wait(GRACE - 1);
    expect(showing()).toBe('upadacitinib');
    await wait(1);
    expect(showing()).toBeNull();
    expect(active).toBeNull();
  });

  it('keeps the card while the pointer is on it, and starts the grace again when it leaves', async () => {
    await openOn(rinvoq);
    controller.pointerOver(null, 0);
    await wait(GRACE - 100);
    surface.events.onPointerEnter();
    controller.pointerOver(null, 0);
    await wait(5000);
    expect(showing()).toBe('upadacitinib');
    surface.events.onPointerLeave();
    await wait(GRACE - 1);
    expect(showing()).toBe('upadacitinib');
    await wait(1);
    expect(showing()).toBeNull();
  });

  it('keeps the card when the pointer comes back to its mention within the grace period', async () => {
    await openOn(rinvoq);
    controller.pointerOver(null, 0);
    await wait(GRACE - 50);
    controller.pointerOver(rinvoq, 0);
    await wait(5000);
    expect(showing()).toBe('upadacitinib');
  });
});

describe('what closes a card at once', () => {
  beforeEach(async () => {
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL);
  });

  it('Escape', () => {
    controller.onKeyDown(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(showing()).toBeNull();
  });

  it('a press elsewhere on the page, but not on the card or on its own mention', () => {
    controller.onPointerDown(new PointerEvent('pointerdown') as PointerEvent & { target: EventTarget }, rinvoq);
    expect(showing()).toBe('upadacitinib');
    const onCard = new PointerEvent('pointerdown');
    Object.defineProperty(onCard, 'target', { value: surface.element });
    controller.onPointerDown(onCard, null);
    expect(showing()).toBe('upadacitinib');
    controller.onPointerDown(new PointerEvent('pointerdown'), null);
    expect(showing()).toBeNull();
  });

  it('the card asking to be dismissed (its close button) or its mention scrolling out of sight', async () => {
    surface.events.onDismiss();
    expect(showing()).toBeNull();
    controller.pointerOver(null, 0);
    controller.pointerOver(rinvoq, 0);
    await wait(DWELL);
    surface.events.onAnchorHidden();
    expect(showing()).toBeNull();
  });

  it("its mention's text leaving the page", () => {
    document.getElementById('a')!.remove();
    controller.setMentions([olumiant, xeljanz]);
    expect(showing()).toBeNull();
  });
});

describe('next and previous mention (the keyboard commands)', () => {
  it('go through the mentions in reading order, wrapping at the ends, with focus in the card', async () => {
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await controller.navigate('next');
      order.push(showing());
    }
    expect(order).toEqual(['upadacitinib', 'baricitinib', 'tofacitinib', 'upadacitinib']);
    expect(surface.focused).toBe(true);
    await controller.navigate('previous');
    expect(showing()).toBe('tofacitinib');
  });

  it('a step to a mention far away opens its card even when the card still open sees its own mention scrolled away', async () => {
    // As in the PDF viewer, where a step goes to another page: the card data comes a little
    // later, and the open card reports its mention hidden soon after any scroll (as floating-ui's
    // placement does), unless it already follows another mention by then.
    controller.destroy();
    controller = new CardController({
      doc: document,
      settings: () => DEFAULT_SETTINGS,
      loadData: (drugId) => new Promise((done) => setTimeout(() => done(cardDataFor(dataset, drugId)), 20)),
      setActive: (m) => (active = m),
      surface: (events) => (surface = new FakeSurface(events)),
    });
    let following: unknown = null;
    const open = surface.open.bind(surface);
    surface.open = (model, anchor, options) => {
      following = anchor;
      open(model, anchor, options);
    };
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {
      const before = following;
      queueMicrotask(() => {
        if (surface.shown && following === before) surface.events.onAnchorHidden();
      });
    });
    controller.setMentions([olumiant, xeljanz, rinvoq]);
    const first = controller.navigate('next');
    await wait(20);
    await first;
    expect(showing()).toBe('upadacitinib');
    const second = controller.navigate('next');
    await wait(20);
    await second;
    await wait(0);
    expect(scroll).toHaveBeenCalledTimes(2);
    expect(showing()).toBe('baricitinib');
    expect(active).toBe(olumiant);
    scroll.mockRestore();
  });

  it('can keep to one drug, and say when the page has none of it', async () => {
    expect(await controller.navigate('next', 'baricitinib')).toBe(true);
    expect(showing()).toBe('baricitinib');
    expect(await controller.navigate('next', 'ruxolitinib')).toBe(false);
  });
});
