import type { PdfDocument, PdfJsLibrary } from './pdfjs';

// The document as a column of pages, built so a 300-page PDF never holds the page up: the empty
// page shells are made in slices, and a page is drawn (its canvas and its text layer, which is
// what JAK Lens reads and marks) only when it comes near the viewport.

/** Page shells made per task while the list is built. */
const SHELLS_PER_TASK = 40;
/** How far from the viewport a page is drawn: a viewport above and below. */
const NEAR_VIEWPORT = '100% 0px';

interface Size {
  width: number;
  height: number;
}

export class PageList {
  private readonly shells: HTMLElement[] = [];
  /** Each page's size at scale 1, once known (pages may differ; the first page's stands in until then). */
  private readonly sizes: (Size | undefined)[] = [];
  private readonly drawn = new Map<number, () => void>();
  /** Each page being drawn or drawn, at the current scale. */
  private readonly drawing = new Map<number, Promise<void>>();
  private readonly observer: IntersectionObserver;
  private fallback: Size = { width: 612, height: 792 };
  /** A page's picture is being painted; the pages waiting for their turn. */
  private painting = false;
  private readonly waiting: { n: number; go: () => void }[] = [];
  private markFirstText: () => void = () => undefined;
  /**
   * Resolves once a first page's text layer is on screen: its text has come from pdf.js's worker.
   * Not its picture, which pdf.js paints in frame callbacks: a tab in the background gets none.
   */
  readonly firstText = new Promise<void>((resolve) => (this.markFirstText = resolve));

  constructor(
    private readonly container: HTMLElement,
    private readonly lib: PdfJsLibrary,
    private readonly pdf: PdfDocument,
    private scale: number,
    private readonly signal: AbortSignal,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onNear(entries), { root: container.parentElement, rootMargin: NEAR_VIEWPORT });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      for (const cancel of this.drawn.values()) cancel();
      this.drawn.clear();
    });
  }

  get pageCount(): number {
    return this.pdf.numPages;
  }

  /** Makes every page's shell, in slices; pages near the viewport are drawn as soon as theirs exists. */
  async build(): Promise<void> {
    const first = (await this.pdf.getPage(1)).getViewport({ scale: 1 });
    this.fallback = { width: first.width, height: first.height };
    this.sizes[0] = this.fallback;
    this.container.style.setProperty('--scale-factor', String(this.scale));
    for (let n = 1; n <= this.pdf.numPages; n++) {
      if (this.signal.aborted) return;
      const shell = document.createElement('div');
      shell.className = 'page';
      shell.dataset.pageNumber = String(n);
      shell.setAttribute('role', 'region');
      shell.setAttribute('aria-label', `Page ${n}`);
      this.size(shell, n);
      this.container.append(shell);
      this.shells.push(shell);
      this.observer.observe(shell);
      if (n % SHELLS_PER_TASK === 0) await new Promise((done) => setTimeout(done, 0));
    }
  }

  /** The page whose shell holds the middle of the visible area. */
  currentPage(): number {
    const scroller = this.container.parentElement!;
    const middle = scroller.scrollTop + scroller.clientHeight / 2;
    let low = 0;
    let high = this.shells.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.shells[mid]!.offsetTop <= middle) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  goTo(n: number): void {
    const shell = this.shells[Math.min(Math.max(n, 1), this.shells.length) - 1];
    shell?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  /** Draws every page again at a new scale, keeping the reader on the page they were reading. */
  setScale(scale: number): void {
    const reading = this.currentPage();
    this.scale = scale;
    this.container.style.setProperty('--scale-factor', String(scale));
    for (const cancel of this.drawn.values()) cancel();
    this.drawn.clear();
    this.drawing.clear();
    this.shells.forEach((shell, i) => {
      shell.replaceChildren();
      this.size(shell, i + 1);
      // Observed afresh, so the pages near the viewport are reported (and drawn) again.
      this.observer.unobserve(shell);
      this.observer.observe(shell);
    });
    this.goTo(reading);
  }

  /** The first page's size in points: the sheet a printed copy is laid out on. */
  get sheetSize(): Size {
    return this.sizes[0] ?? this.fallback;
  }

  private size(shell: HTMLElement, n: number): void {
    const size = this.sizes[n - 1] ?? this.fallback;
    const width = Math.round(size.width * this.scale);
    const height = Math.round(size.height * this.scale);
    shell.style.width = `${width}px`;
    shell.style.height = `${height}px`;
    // Printed, a page is as large as the PDF says, whatever the zoom on screen: a point is 4/3 of
    // a CSS pixel. Never larger, so the rounding above cannot spill a sliver onto a second sheet.
    shell.style.setProperty('--print-zoom', String(Math.min((size.width * 4) / 3 / width, (size.height * 4) / 3 / height)));
  }

  /** Page `n` drawn, with its text layer, wherever it is (a step to a mention on a far page). */
  ensureDrawn(n: number): Promise<void> {
    const shell = this.shells[n - 1];
    if (!shell) return Promise.resolve();
    let drawing = this.drawing.get(n);
    if (!drawing) {
      drawing = this.draw(n, shell).catch(() => undefined);
      this.drawing.set(n, drawing);
    }
    return drawing;
  }

  // One page's picture is painted at a time: pdf.js paints in frame callbacks, and two pages at
  // once put both their callbacks and both canvases' commit in the same frame, the viewer's
  // longest task while a document opens (figures in docs/decisions/0006-pdf-viewer.md). Their
  // text layers, and so their marks, do not wait.
  private async turnToPaint(n: number): Promise<void> {
    if (this.painting) await new Promise<void>((go) => this.waiting.push({ n, go }));
    else this.painting = true;
  }

  /** The next turn goes to the waiting page nearest the one being read (a page scrolled past can wait). */
  private passTurn(): void {
    if (this.waiting.length === 0) {
      this.painting = false;
      return;
    }
    const reading = this.currentPage();
    const distance = (i: number) => Math.abs(this.waiting[i]!.n - reading);
    let nearest = 0;
    for (let i = 1; i < this.waiting.length; i++) if (distance(i) < distance(nearest)) nearest = i;
    this.waiting.splice(nearest, 1)[0]!.go();
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      void this.ensureDrawn(Number((entry.target as HTMLElement).dataset.pageNumber));
    }
  }

  private async draw(n: number, shell: HTMLElement): Promise<void> {
    let cancelled = false;
    let cancelRender = () => undefined as void;
    this.drawn.set(n, () => {
      cancelled = true;
      cancelRender();
    });
    const page = await this.pdf.getPage(n);
    if (cancelled || this.signal.aborted) return;
    const unit = page.getViewport({ scale: 1 });
    this.sizes[n - 1] = { width: unit.width, height: unit.height };
    this.size(shell, n);
    const viewport = page.getViewport({ scale: this.scale });
    const ratio = window.devicePixelRatio || 1;
    const wrapper = document.createElement('div');
    wrapper.className = 'canvasWrapper';
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    wrapper.append(canvas);
    const textLayer = document.createElement('div');
    textLayer.className = 'textLayer';
    shell.replaceChildren(wrapper, textLayer);
    const painting = (async () => {
      await this.turnToPaint(n);
      try {
        if (cancelled || this.signal.aborted) return;
        const rendering = page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
        cancelRender = () => rendering.cancel();
        await rendering.promise;
      } finally {
        this.passTurn();
      }
    })();
    // The text content is normalised (pdf.js's default): ligatures such as "ﬁ" and other
    // compatibility characters arrive as their letters, so "Jakaﬁ" is matched as "Jakafi".
    const text = new this.lib.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
    await Promise.all([
      painting.catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'RenderingCancelledException') throw error;
      }),
      text.render().then(() => this.markFirstText()),
    ]);
    shell.dataset.drawn = 'true';
  }
}
