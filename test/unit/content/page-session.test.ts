// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSession } from '@/src/content/page-session';
import { Scanner } from '@/src/page/scanner';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { shimDomForScanner } from '../support/dom-shims';

// A page session owns everything it starts: after stop() nothing of it may still listen, observe
// or scan, however often the site is paused and resumed or the name kinds change (each restart
// is a new session).

beforeAll(shimDomForScanner);

/** Listeners added to the document, live until their signal aborts or they are removed. */
let listeners: { type: string; signal?: AbortSignal }[] = [];
/** Mutation observers observing now. */
const observing = new Set<MutationObserver>();

beforeEach(() => {
  listeners = [];
  observing.clear();
  const add = Document.prototype.addEventListener;
  vi.spyOn(document, 'addEventListener').mockImplementation(function (this: Document, type: string, fn: unknown, options?: unknown) {
    const signal = typeof options === 'object' && options ? (options as AddEventListenerOptions).signal : undefined;
    listeners.push({ type, ...(signal ? { signal } : {}) });
    return add.call(this, type, fn as EventListener, options as AddEventListenerOptions);
  });
  const observe = MutationObserver.prototype.observe;
  const disconnect = MutationObserver.prototype.disconnect;
  vi.spyOn(MutationObserver.prototype, 'observe').mockImplementation(function (this: MutationObserver, target: Node, init?: MutationObserverInit) {
    observing.add(this);
    return observe.call(this, target, init);
  });
  vi.spyOn(MutationObserver.prototype, 'disconnect').mockImplementation(function (this: MutationObserver) {
    observing.delete(this);
    return disconnect.call(this);
  });
  document.body.innerHTML = '<p>A page about eczema that names no JAK inhibitor.</p>';
});

afterEach(() => vi.restoreAllMocks());

const live = () => listeners.filter((l) => !l.signal?.aborted).map((l) => l.type).sort();
const frame = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a page session', () => {
  it('listens while it runs and not at all after stop()', async () => {
    const session = new PageSession(DEFAULT_SETTINGS);
    session.start();
    await frame();
    expect(live()).toEqual(['keydown', 'pointerdown', 'pointermove', 'pointerup']);
    expect(observing.size).toBe(1);
    session.stop();
    expect(live()).toEqual([]);
    expect(observing.size).toBe(0);
  });

  it('after stop(), no event reaches it and no DOM edit or navigation starts a scan', async () => {
    const session = new PageSession(DEFAULT_SETTINGS);
    session.start();
    await frame();
    session.stop();
    const onPointer = vi.spyOn(PageSession.prototype as unknown as { onPointer: () => void }, 'onPointer');
    const fullScan = vi.spyOn(Scanner.prototype, 'fullScan');
    document.dispatchEvent(new Event('pointermove'));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Now it names Rinvoq.' }));
    session.onLocationChange();
    await frame();
    expect(onPointer).not.toHaveBeenCalled();
    expect(fullScan).not.toHaveBeenCalled();
  });

  it('can be stopped twice', () => {
    const session = new PageSession(DEFAULT_SETTINGS);
    session.start();
    session.stop();
    expect(() => session.stop()).not.toThrow();
  });

  it('100 stop/start cycles leave exactly one live session\'s listeners and observer', async () => {
    for (let i = 0; i < 100; i++) {
      const session = new PageSession(DEFAULT_SETTINGS);
      session.start();
      session.stop();
    }
    const last = new PageSession(DEFAULT_SETTINGS);
    last.start();
    await frame();
    expect(live()).toEqual(['keydown', 'pointerdown', 'pointermove', 'pointerup']);
    expect(observing.size).toBe(1);
    last.stop();
  });
});
