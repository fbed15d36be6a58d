import { loadedCardUi } from '../card/card-ui-global';
import { setFrameState } from '../messaging/frame-state';
import { isRequest } from '../messaging/messages';
import { answerMessages, askBackgroundFromPage, followSettings } from '../messaging/page-runtime';
import type { Settings } from '../settings/settings';
import { siteAllowed } from '../settings/site-rules';
import { highlightsSupported } from '../paint/highlight-painter';
import type { SessionPorts } from './page-session';
import { SessionKeeper } from './session-keeper';
import { entries as markableNames } from 'virtual:jak-lens/markable-names';

// The page session's composition root, injected into a frame once its text may
// name a drug (src/content/sentinel.ts decides): gets the settings from the
// background, starts a page session when the site is allowed, and replaces it
// with a fresh one when the settings change (never patching a live one).

const ports: SessionPorts = { ask: askBackgroundFromPage, cardUi: loadedCardUi };

export async function startJakLens(): Promise<void> {
  // Guard against a second injection into the same frame.
  const marker = Symbol.for('jak-lens.session');
  const world = globalThis as typeof globalThis & { [marker]?: boolean };
  // A browser without the highlight API could not paint a mark: the session stays out of its pages.
  if (world[marker] || !highlightsSupported()) return;
  world[marker] = true;
  setFrameState('running');

  const keeper = new SessionKeeper({ ports, names: markableNames });
  // A single-page app moved to another view: the live session reads the page again.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', () => keeper.current?.onLocationChange());
  window.addEventListener('popstate', () => keeper.current?.onLocationChange());
  // The background relays keyboard commands; the popup asks a frame to reveal a drug's mentions.
  answerMessages((message) => {
    const session = keeper.current;
    if (!session) return undefined;
    if (isRequest('jak-lens/navigate', message)) return session.navigate(message.direction);
    if (isRequest('jak-lens/reveal', message)) return session.reveal(message.drugId);
    return undefined;
  });
  const apply = (settings: Settings) => keeper.apply(settings, siteAllowed(location.href, settings.siteMode, settings.sites));

  await followSettings(apply);
}
