import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { matchableNames } from '../data/names';
import { buildMatcher } from '../match/find-mentions';
import { buildProbe } from '../match/probe';
import { HighlightPainter, highlightsSupported } from '../paint/highlight-painter';
import { MentionIndex, mentionAtPoint } from '../paint/hit-test';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { siteAllowed } from '../settings/site-rules';
import type { Settings } from '../settings/settings';
import type { PageMention } from './page-mention';
import { Scanner } from './scanner';

/** True when the page asks to be left alone: <meta name="jak-lens" content="off">. */
export function pageOptsOut(doc: Document): boolean {
  const meta = doc.querySelector('meta[name="jak-lens" i]');
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'off';
}

/** Everything JAK Lens does on one page (one frame), started and stopped as a unit. */
class PageSession {
  private readonly scanner: Scanner;
  private painter: HighlightPainter | null = null;
  private index = new MentionIndex([]);
  private mentions: readonly PageMention[] = [];
  private pointerFrame = 0;
  private lastPoint: { x: number; y: number } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private settings: Settings,
  ) {
    const names = matchableNames();
    this.scanner = new Scanner(document, {
      matcher: buildMatcher(names),
      probe: buildProbe(names.map((n) => n.text)),
      onChange: (mentions) => this.show(mentions),
    });
  }

  start(): void {
    void this.scanner.start();
    this.ctx.addEventListener(document, 'pointermove', (event) => this.onPointer(event as PointerEvent), { passive: true });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => void this.scanner.fullScan());
  }

  stop(): void {
    this.scanner.stop();
    cancelAnimationFrame(this.pointerFrame);
    this.painter?.destroy();
    this.painter = null;
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.painter?.setStyle(settings.markStyle);
  }

  private show(mentions: readonly PageMention[]): void {
    this.mentions = mentions;
    // Nothing is registered or styled until there is something to show.
    if (!this.painter && mentions.length === 0) return;
    this.painter ??= new HighlightPainter(document, this.settings.markStyle);
    this.painter.paint(mentions);
    this.index = new MentionIndex(mentions);
  }

  private onPointer(event: PointerEvent): void {
    if (this.mentions.length === 0) return;
    this.lastPoint = { x: event.clientX, y: event.clientY };
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const point = this.lastPoint;
      if (!point || !this.painter) return;
      this.painter.setActive(mentionAtPoint(document, this.index, point.x, point.y));
    });
  }
}

/** Content-script entry: everything it starts is tied to ctx so an update leaves nothing behind. */
export async function startJakLens(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid || pageOptsOut(document) || !highlightsSupported()) return;
  // Guard against a second injection into the same frame (e.g. after an extension update).
  const marker = Symbol.for('jak-lens.started');
  const host = globalThis as typeof globalThis & { [marker]?: boolean };
  if (host[marker]) return;
  host[marker] = true;

  let { settings } = await loadSettings();
  let session: PageSession | null = null;
  const sync = () => {
    const allowed = siteAllowed(location.href, settings.siteMode, settings.sites);
    if (allowed && !session) {
      session = new PageSession(ctx, settings);
      session.start();
    } else if (!allowed && session) {
      session.stop();
      session = null;
    } else session?.applySettings(settings);
  };
  sync();
  const unwatch = watchSettings((read) => {
    settings = read.settings;
    sync();
  });
  ctx.onInvalidated(() => {
    unwatch();
    session?.stop();
    host[marker] = false;
  });
}
