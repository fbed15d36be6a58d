import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { isRequest, type Response } from '../messaging/messages';
import { highlightsSupported } from '../paint/highlight-painter';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { siteAllowed } from '../settings/site-rules';
import { askBackground } from '../messaging/send';
import { loadedCardUi } from '../card/card-ui-global';
import { PageSession, type SessionPorts } from './page-session';

// The content script's composition root: reads the settings, starts a page session when the site
// is allowed, and replaces it with a fresh one when the settings change (never patching a live one).

const ports: SessionPorts = { ask: askBackground, cardUi: loadedCardUi };

/** True when the page asks to be left alone: <meta name="jak-lens" content="off">. */
function pageOptsOut(doc: Document): boolean {
  const meta = doc.querySelector('meta[name="jak-lens" i]');
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'off';
}

/** Content-script entry: everything it starts is tied to ctx so an update leaves nothing behind. */
export async function startJakLens(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid || !highlightsSupported()) return;
  // Guard against a second injection into the same frame (e.g. after an extension update).
  const marker = Symbol.for('jak-lens.started');
  const host = globalThis as typeof globalThis & { [marker]?: boolean };
  if (host[marker]) return;
  host[marker] = true;

  const optedOut = pageOptsOut(document);
  let session: PageSession | null = null;
  // One listener for the frame's lifetime; it goes to whichever session is live.
  ctx.addEventListener(window, 'wxt:locationchange', () => session?.onLocationChange());
  // The popup asks the top frame whether JAK Lens runs here; the background relays keyboard commands.
  const onMessage = (message: unknown) => {
    if (isRequest('jak-lens/ping', message)) {
      const answer: Response<'jak-lens/ping'> = { host: location.hostname, url: location.href, state: optedOut ? 'opted-out' : session ? 'running' : 'paused' };
      return Promise.resolve(answer);
    }
    if (!session) return undefined;
    if (isRequest('jak-lens/navigate', message)) return session.navigate(message.direction);
    if (isRequest('jak-lens/reveal', message)) return session.reveal(message.drugId);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  if (optedOut) {
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    return;
  }

  let { settings } = await loadSettings();
  // The matcher is built from the chosen name kinds: a change of kinds starts the page over.
  let kinds = '';
  const sync = () => {
    const allowed = siteAllowed(location.href, settings.siteMode, settings.sites) && Object.values(settings.nameKinds).some(Boolean);
    const nextKinds = JSON.stringify(settings.nameKinds);
    if (session && (!allowed || nextKinds !== kinds)) {
      session.stop();
      session = null;
    }
    if (allowed && !session) {
      kinds = nextKinds;
      session = new PageSession(settings, { ports });
      void session.start();
    } else session?.applySettings(settings);
  };
  sync();
  const unwatch = watchSettings((read) => {
    settings = read.settings;
    sync();
  });
  ctx.onInvalidated(() => {
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    session?.stop();
    host[marker] = false;
  });
}
