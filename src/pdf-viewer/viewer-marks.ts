import { CardController } from '../card/card-controller';
import { PageSession } from '../content/page-session';
import { askBackground } from '../messaging/send';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { entries as markableNames } from 'virtual:jak-lens/markable-names';

// The viewer's pages are an extension page, where no content script runs: the same page session
// that marks web pages runs here directly, over the text layers the page list draws, with the
// card's code imported rather than injected. Settings changes start it afresh, as on a web page.

export function startViewerMarks(signal: AbortSignal): void {
  let session: PageSession | null = null;
  const ports = { ask: askBackground, cardUi: () => ({ CardController }) };
  const begin = async () => {
    const { settings } = await loadSettings();
    if (signal.aborted) return;
    session?.stop();
    session = Object.values(settings.nameKinds).some(Boolean) ? new PageSession(settings, { ports, names: markableNames }) : null;
    void session?.start();
  };
  void begin();
  const unwatch = watchSettings(() => void begin());
  signal.addEventListener('abort', () => {
    unwatch();
    session?.stop();
  });
}
