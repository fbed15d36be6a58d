// Test builds only (WXT_CENSUS=1, `npm run soak`): counts what the content
// script's world has live (event listeners, mutation observers, timers and
// frame callbacks), so a long soak can compare a page that has been through
// hundreds of restarts with a freshly loaded one. The content script's world
// is its own: these wrappers see only JAK Lens's calls, never the page's.

interface Census {
  listeners: number;
  observers: number;
  timers: number;
  frames: number;
}

export const CENSUS_KEY = Symbol.for('jak-lens.census');

export function installCensus(): void {
  const census: Census = { listeners: 0, observers: 0, timers: 0, frames: 0 };
  (globalThis as { [CENSUS_KEY]?: () => Census })[CENSUS_KEY] = () => ({ ...census });

  // Listeners: one per target, type, function and capture flag, as the DOM counts them.
  const registered = new WeakMap<EventTarget, Set<string>>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const keyOf = (type: string, fn: unknown, options: unknown) => {
    if (!ids.has(fn as object)) ids.set(fn as object, nextId++);
    const capture = typeof options === 'boolean' ? options : !!(options as EventListenerOptions | undefined)?.capture;
    return `${type}\u0000${ids.get(fn as object)}\u0000${capture}`;
  };
  const forget = (target: EventTarget, key: string) => {
    if (registered.get(target)?.delete(key)) census.listeners--;
  };
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    addEventListener.call(this, type, fn, options);
    if (!fn) return;
    const signal = typeof options === 'object' ? options.signal : undefined;
    if (signal?.aborted) return;
    const key = keyOf(type, fn, options);
    let keys = registered.get(this);
    if (!keys) registered.set(this, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
    census.listeners++;
    const once = typeof options === 'object' && options.once;
    if (signal) addEventListener.call(signal, 'abort', () => forget(this, key), { once: true });
    // A once-listener is gone after it fires: the census counts it out on the same event.
    if (once) addEventListener.call(this, type, () => forget(this, key), { once: true });
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    removeEventListener.call(this, type, fn, options);
    if (fn) forget(this, keyOf(type, fn, options));
  };

  const observing = new WeakSet<MutationObserver>();
  const { observe, disconnect } = MutationObserver.prototype;
  MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, init?: MutationObserverInit) {
    observe.call(this, target, init);
    if (!observing.has(this)) {
      observing.add(this);
      census.observers++;
    }
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    disconnect.call(this);
    if (observing.delete(this)) census.observers--;
  };

  // Timeouts and intervals share one pool of ids, as in the browser; frame callbacks have their own.
  const tracker = (field: 'timers' | 'frames') => {
    const live = new Set<number>();
    return {
      add(id: number): number {
        live.add(id);
        census[field]++;
        return id;
      },
      drop(id: number | undefined): void {
        if (id !== undefined && live.delete(id)) census[field]--;
      },
    };
  };
  const timers = tracker('timers');
  const frames = tracker('frames');
  const view = globalThis as typeof globalThis & Window;
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stopEvery, requestAnimationFrame: frame, cancelAnimationFrame: cancelFrame } = view;
  view.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
    const id: number = timers.add(
      set(() => {
        timers.drop(id);
        fn(...(args as []));
      }, ms) as unknown as number,
    );
    return id;
  }) as typeof setTimeout;
  view.setInterval = ((fn: () => void, ms?: number, ...args: unknown[]) => timers.add(every(fn, ms, ...args) as unknown as number)) as typeof setInterval;
  view.clearTimeout = ((id?: number) => {
    clear(id);
    timers.drop(id);
  }) as typeof clearTimeout;
  view.clearInterval = ((id?: number) => {
    stopEvery(id);
    timers.drop(id);
  }) as typeof clearInterval;
  view.requestAnimationFrame = (fn: FrameRequestCallback) => {
    const id: number = frames.add(
      frame.call(view, (time) => {
        frames.drop(id);
        fn(time);
      }),
    );
    return id;
  };
  view.cancelAnimationFrame = (id: number) => {
    cancelFrame.call(view, id);
    frames.drop(id);
  };
}
