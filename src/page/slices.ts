// Long work on a page runs in slices, yielding to the page between them, so a
// huge page never blocks input. One scheduler for every loop that may be long.

const now = () => performance.now();

/**
 * Resolves once a frame has been painted (or soon, in a background tab where
 * frames do not come), or at once when `signal` aborts: a stopped scan leaves
 * no timer or frame callback behind.
 */
export function afterNextPaint(view: Window, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let timer = 0;
    const done = () => {
      clearTimeout(fallback);
      clearTimeout(timer);
      view.cancelAnimationFrame(frame);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    const frame = view.requestAnimationFrame(() => {
      timer = setTimeout(done, 0) as unknown as number;
    });
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Yields to the event loop (a task later, after any input the page has waiting), or resolves at once when `signal` aborts. */
export function yieldToPage(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, 0);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The clock of one piece of sliced work. The loop asks `due` after each step
 * and, when it is, awaits `pause()`; the work stops when its signal aborts
 * (a newer scan, or the session's end). Each slice's length goes to `onSlice`.
 */
export class Slices {
  private start = now();

  constructor(
    private readonly sliceMs: number,
    private readonly signal: AbortSignal,
    private readonly onSlice?: (ms: number) => void,
  ) {}

  /** True once the current slice has used its time. */
  get due(): boolean {
    return now() - this.start > this.sliceMs;
  }

  /** Ends the current slice and waits (a task, unless told otherwise). False when the work was cancelled meanwhile. */
  async pause(wait: (signal: AbortSignal) => Promise<void> = yieldToPage): Promise<boolean> {
    this.end();
    await wait(this.signal);
    this.start = now();
    return !this.signal.aborted;
  }

  /** Reports the slice in progress: call once when the work is done. */
  end(): void {
    this.onSlice?.(now() - this.start);
  }
}
