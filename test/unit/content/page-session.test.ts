// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSession, type SessionPorts } from '@/src/content/page-session';
import { dataset } from '@/src/data/dataset';
import { cardDataFor } from '@/src/data/card-data';
import { matchableNames } from '@/src/data/names';
import type { DrugId } from '@/src/data/schema';
import { Scanner } from '@/src/page/scanner';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { shimDomForScanner, shimHighlights } from '../support/dom-shims';

// A page session owns everything it starts: after stop() nothing of it may still listen, observe,
// wait on a timer or a frame, or scan, however often the site is paused and resumed or the name
// kinds change (each restart is a new session). Timers and frames are vitest's fake ones, so
// "nothing is waiting" is a count, not a hope.

beforeAll(() => {
  shimDomForScanner();
  shimHighlights();
});

/** Every listener added in this world, live until removed or until its signal aborts. */
let listeners: { target: EventTarget; type: string; signal?: AbortSignal; removed?: boolean }[] = [];
const observing = new Set<MutationObserver>();

function census() {
  // A listener on an aborted signal can never fire again, and goes when the signal does.
  const dead = (l: (typeof listeners)[number]) => l.removed || l.signal?.aborted || (l.target instanceof AbortSignal && l.target.aborted);
  const live = listeners.filter((l) => !dead(l));
  return {
    listeners: live.map((l) => l.type).sort(),
    observers: observing.size,
    timers: vi.getTimerCount(),
    highlights: [...CSS.highlights.keys()].sort(),
  };
}

function fakePorts(): SessionPorts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: ((request: { type: string; drugId?: DrugId }) => {
      asked.push(request.type);
      return Promise.resolve(request.type === 'jak-lens/card-data' ? cardDataFor(dataset, request.drugId!) : true);
    }) as SessionPorts['ask'],
    cardUi: () => undefined,
  };
}

/** The prototype on `object`'s chain that defines `key`. */
function ownerOf(object: object, key: string): EventTarget {
  let proto = Object.getPrototypeOf(object) as object;
  while (!Object.prototype.hasOwnProperty.call(proto, key)) proto = Object.getPrototypeOf(proto) as object;
  return proto as EventTarget;
}

const names = matchableNames();
const PAGE = '<p>Patients on upadacitinib (Rinvoq) and on Olumiant.</p><p>A paragraph with no drug in it.</p>';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  listeners = [];
  observing.clear();
  // The DOM's event targets (happy-dom's) and AbortSignal's (Node's) have separate prototypes: watch both.
  for (const proto of new Set([ownerOf(document, 'addEventListener'), ownerOf(new AbortController().signal, 'addEventListener')])) {
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    vi.spyOn(proto, 'addEventListener').mockImplementation(function (this: EventTarget, type: string, fn: unknown, options?: unknown) {
      const signal = typeof options === 'object' && options ? (options as AddEventListenerOptions).signal : undefined;
      // Only listeners JAK Lens's code adds (the test runner listens too).
      if (new Error().stack?.includes('/src/')) listeners.push({ target: this, type, ...(signal ? { signal } : {}) });
      return add.call(this, type, fn as EventListener, options as AddEventListenerOptions);
    });
    vi.spyOn(proto, 'removeEventListener').mockImplementation(function (this: EventTarget, type: string, fn: unknown, options?: unknown) {
      const entry = listeners.find((l) => l.target === this && l.type === type && !l.removed);
      if (entry) entry.removed = true;
      return remove.call(this, type, fn as EventListener, options as EventListenerOptions);
    });
  }
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
  CSS.highlights.clear();
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Starts a session and lets its first scan, its counts report and its data requests finish. */
async function started(ports = fakePorts()): Promise<PageSession> {
  const session = new PageSession(DEFAULT_SETTINGS, { ports, names });
  const first = session.start();
  await vi.runAllTimersAsync();
  await first;
  await vi.runAllTimersAsync();
  return session;
}

describe('a page session', () => {
  it('while it runs: listens, observes, paints and reports; after stop(): nothing of it is left', async () => {
    const ports = fakePorts();
    const session = await started(ports);
    expect(session.shown.map((m) => m.text)).toEqual(['upadacitinib', 'Rinvoq', 'Olumiant']);
    const running = census();
    expect(running.listeners).toEqual(expect.arrayContaining(['abort', 'keydown', 'pointerdown', 'pointermove', 'pointerup']));
    expect(running.observers).toBe(1);
    expect(running.highlights).toEqual(['jak-lens', 'jak-lens-active']);
    expect(ports.asked).toContain('jak-lens/page-counts');

    ports.asked.length = 0;
    session.stop();
    expect(census()).toEqual({ listeners: [], observers: 0, timers: 0, highlights: [] });
    // The one message a stop sends: this frame has no mentions any more.
    expect(ports.asked).toEqual(['jak-lens/page-counts']);
  });

  it('after stop(), no event, DOM edit, navigation or timer reaches it', async () => {
    const ports = fakePorts();
    const session = await started(ports);
    session.stop();
    ports.asked.length = 0;
    const onPointer = vi.spyOn(PageSession.prototype as unknown as { onPointer: () => void }, 'onPointer');
    const show = vi.spyOn(PageSession.prototype as unknown as { show: () => void }, 'show');
    const fullScan = vi.spyOn(Scanner.prototype, 'fullScan');
    document.dispatchEvent(new Event('pointermove'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Now it names Xeljanz.' }));
    session.onLocationChange();
    await vi.runAllTimersAsync();
    expect(onPointer).not.toHaveBeenCalled();
    expect(show).not.toHaveBeenCalled();
    expect(fullScan).not.toHaveBeenCalled();
    expect(ports.asked).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stopped in the middle of its first scan of a long page, it scans and paints no further', async () => {
    document.body.innerHTML = Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i} on eczema${i % 50 === 0 ? ', treated with Rinvoq' : ''}.</p>`).join('');
    const ports = fakePorts();
    const session = new PageSession(DEFAULT_SETTINGS, { ports, names });
    const show = vi.spyOn(PageSession.prototype as unknown as { show: () => void }, 'show');
    const first = session.start();
    // A few slices in, not to the end.
    await vi.advanceTimersByTimeAsync(1);
    expect(census().timers, 'the scan is waiting for its next slice').toBeGreaterThan(0);
    session.stop();
    // The scan's wait ends with the abort: nothing is left to run.
    expect(census()).toEqual({ listeners: [], observers: 0, timers: 0, highlights: [] });
    const calls = show.mock.calls.length;
    await vi.runAllTimersAsync();
    await first;
    expect(show.mock.calls.length).toBe(calls);
    expect(census()).toEqual({ listeners: [], observers: 0, timers: 0, highlights: [] });
  });

  it('stopped while its counts report waits, it sends none', async () => {
    const ports = fakePorts();
    const session = new PageSession(DEFAULT_SETTINGS, { ports, names });
    void session.start();
    // The first scan has painted; the report waits 200 ms so a busy page sends few.
    await vi.advanceTimersByTimeAsync(120);
    expect(session.shown.length).toBe(3);
    expect(ports.asked).not.toContain('jak-lens/page-counts');
    session.stop();
    expect(census().timers).toBe(0);
    await vi.runAllTimersAsync();
    expect(ports.asked).not.toContain('jak-lens/page-counts');
  });

  it('can be stopped twice', async () => {
    const session = await started();
    session.stop();
    expect(() => session.stop()).not.toThrow();
    expect(census()).toEqual({ listeners: [], observers: 0, timers: 0, highlights: [] });
  });

  it("100 stop/start cycles leave exactly one live session's listeners, observers, timers and marks", async () => {
    const one = await started();
    const fresh = census();
    one.stop();
    for (let i = 0; i < 100; i++) {
      const session = new PageSession(DEFAULT_SETTINGS, { ports: fakePorts(), names });
      void session.start();
      // Half the sessions stop at once, half after their scan has painted.
      if (i % 2) await vi.runAllTimersAsync();
      session.stop();
    }
    const last = await started();
    expect(census()).toEqual(fresh);
    last.stop();
    expect(census()).toEqual({ listeners: [], observers: 0, timers: 0, highlights: [] });
  });
});
