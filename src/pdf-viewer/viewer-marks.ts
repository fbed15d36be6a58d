import { browser } from 'wxt/browser';
import type { CardUi } from '../card/card-ui-global';
import type { PageSession } from '../content/page-session';
import { SessionKeeper } from '../content/session-keeper';
import { inChosenGroups } from '../data/name-groups';
import { buildMatcher } from '../match/find-mentions';
import { Probe } from '../match/probe';
import { isRequest, type Direction, type DocumentSummary, type MessageType, type Request, type Response } from '../messaging/messages';
import { followSettings } from '../messaging/page-runtime';
import { askBackground } from '../messaging/send';
import { documentOrder, type PageMention } from '../page/page-mention';
import type { Settings } from '../settings/settings';
import { entries as markableNames } from 'virtual:jak-lens/markable-names';
import { DocumentIndex, stepFrom, type PageTextSource } from './document-index';
import type { PageList } from './page-list';

// The viewer's pages are an extension page, where no content script runs: the same page session
// that marks web pages runs here directly, over the text layers the page list draws, with the
// card's code imported rather than injected, and kept in step with the settings the same way.
// The viewer is JAK Lens's own page, so no site pause applies to it.
//
// Only pages near the screen are drawn, so the document's own index (document-index.ts) stands
// for the whole document: the popup's counts and pages, and the steps from mention to mention,
// which draw the page a step leads to and open the card of the mention there.

/** How long a step waits for a page it drew to be marked. */
const MARKS_WAIT_MS = 3000;

export interface OpenDocument {
  text: PageTextSource;
  pages: PageList;
  signal: AbortSignal;
}

export interface ViewerMarks {
  /** A document is shown: read all of it; `onRead` hears when every page has been read. */
  follow(document: OpenDocument, onRead: (summary: DocumentSummary) => void): void;
}

function pageOf(mention: PageMention): number {
  return Number(mention.range.startContainer.parentElement?.closest<HTMLElement>('.page')?.dataset.pageNumber ?? 0);
}

/** The session's marks on one page, in reading order. */
function marksOn(session: PageSession, page: number): PageMention[] {
  return session.shown.filter((m) => m.range.startContainer.isConnected && pageOf(m) === page).sort(documentOrder);
}

async function marksDrawn(session: PageSession, page: number, expected: number, signal: AbortSignal): Promise<PageMention[]> {
  const until = performance.now() + MARKS_WAIT_MS;
  for (;;) {
    const marks = marksOn(session, page);
    if (marks.length >= expected || performance.now() > until || signal.aborted) return marks;
    await new Promise((frame) => requestAnimationFrame(frame));
  }
}

export function startViewerMarks(): ViewerMarks {
  // The card's code is imported when a card is first wanted (as a web page has it injected then),
  // not evaluated with the page while the document is loading. The session's own counts are those
  // of the drawn pages; the document's come from its index.
  let cardUi: CardUi | undefined;
  const ask = <T extends MessageType>(request: Request<T>): Promise<Response<T>> => {
    if (request.type === 'jak-lens/page-counts') return Promise.resolve(true as Response<T>);
    if (request.type === 'jak-lens/load-card-ui') {
      return import('../card/card-controller').then(({ CardController }) => {
        cardUi = { CardController };
        return true as Response<T>;
      });
    }
    return askBackground(request);
  };
  const keeper = new SessionKeeper({ ports: { ask, cardUi: () => cardUi }, names: markableNames });
  let settings: Settings | null = null;
  let shown: OpenDocument | null = null;
  let index: DocumentIndex | null = null;
  let lifetime: AbortController | null = null;
  let whenRead: (summary: DocumentSummary) => void = () => undefined;

  const readDocument = () => {
    lifetime?.abort();
    if (!shown || !settings) return;
    const names = inChosenGroups(markableNames, settings.nameKinds);
    index = null;
    // No kind of name chosen: nothing to find, nothing to read.
    if (names.length === 0) return;
    const reader = new AbortController();
    lifetime = reader;
    // Ends with a newer reading or with the document (AbortSignal.any is newer than Chrome 105).
    shown.signal.addEventListener('abort', () => reader.abort(), { once: true });
    const signal = reader.signal;
    const reading = new DocumentIndex(shown.text, buildMatcher(names), new Probe(names.map((n) => n.text)), document);
    index = reading;
    // The first page's text comes first: reading the rest at once would queue its text requests
    // ahead of that page's in pdf.js's worker. Its picture is not waited for (a tab opened in the
    // background paints nothing until it is shown, and the popup may ask before then).
    void shown.pages.firstText
      .then(() => reading.build(signal))
      .then(() => reading.complete && !signal.aborted && whenRead(reading.summary()));
  };
  let kinds = '';
  const apply = (next: Settings) => {
    settings = next;
    keeper.apply(next, true);
    // The index holds the names of the kinds chosen: other kinds, another reading.
    const nextKinds = JSON.stringify(next.nameKinds);
    if (nextKinds !== kinds) {
      kinds = nextKinds;
      readDocument();
    }
  };
  // Asked of the background, as a web page's script asks: the viewer does not load the settings'
  // schema while the document is opening.
  void followSettings(apply);

  const step = async (direction: Direction, drugId?: Request<'jak-lens/viewer-step'>['drugId']): Promise<boolean> => {
    const session = keeper.current;
    if (!session || !shown || !index) return false;
    const mentions = index.mentions(drugId);
    const open = session.cardMention;
    const openPage = open ? pageOf(open) : 0;
    // From the open card's mention, else from the top of the page being read.
    const from = open ? { page: openPage, ordinal: marksOn(session, openPage).findIndex((m) => m.range === open.range) } : { page: shown.pages.currentPage(), ordinal: -0.5 };
    const target = stepFrom(mentions, from, direction);
    if (!target) return false;
    await shown.pages.ensureDrawn(target.page);
    const marks = await marksDrawn(session, target.page, index.countOn(target.page), shown.signal);
    const mention = marks[target.ordinal];
    return mention ? session.openCard(mention) : false;
  };

  // The popup and the keyboard commands reach this page by runtime messages naming its tab; every
  // other viewer leaves them unanswered.
  let ownTab: number | undefined;
  void browser.tabs.getCurrent().then((tab) => (ownTab = tab?.id));
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isRequest('jak-lens/viewer-summary', message) && message.tabId === ownTab) {
      return Promise.resolve<Response<'jak-lens/viewer-summary'>>(index?.summary() ?? { pageCount: 0, pagesRead: 0, hasText: true, drugs: [] });
    }
    if (isRequest('jak-lens/viewer-step', message) && message.tabId === ownTab) return step(message.direction, message.drugId);
    return undefined;
  });

  return {
    follow(document, onRead) {
      shown = document;
      whenRead = onRead;
      readDocument();
    },
  };
}
