import { CardController } from '../card/card-controller';
import { SessionKeeper } from '../content/session-keeper';
import { askBackground } from '../messaging/send';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { entries as markableNames } from 'virtual:jak-lens/markable-names';

// The viewer's pages are an extension page, where no content script runs: the same page session
// that marks web pages runs here directly, over the text layers the page list draws, with the
// card's code imported rather than injected, and kept in step with the settings the same way.
// The viewer is JAK Lens's own page, so no site pause applies to it.

export function startViewerMarks(): void {
  const keeper = new SessionKeeper({ ports: { ask: askBackground, cardUi: () => ({ CardController }) }, names: markableNames });
  void loadSettings().then(({ settings }) => keeper.apply(settings, true));
  watchSettings(({ settings }) => keeper.apply(settings, true));
}
