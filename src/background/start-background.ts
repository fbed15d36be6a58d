import type { browser as Browser } from 'wxt/browser';
import { cardDataFor } from '../data/card-data';
import { dataset } from '../data/dataset';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { startPdfRouting, type RoutingBrowser } from './route-pdfs';
import { COMMANDS, isRequest, type MentionCounts, type Request, type Response, type TabCounts as FrameCounts } from '../messaging/messages';

// The background holds the whole dataset and answers content scripts' requests
// for one drug's card, and turns keyboard commands into messages to the page.

/**
 * Mentions per frame of each tab, for the popup's "On this page". Kept in
 * session storage so a restarted service worker still knows them; cleared when
 * a tab navigates or closes.
 */
class TabCounts {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly area: (typeof Browser)['storage']['session'] | undefined) {}

  private key = (tabId: number) => `counts:${tabId}`;

  /** Writes one after another: frames of one tab report at the same moment. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get(tabId: number): Promise<FrameCounts> {
    return this.serial(async () => ((await this.area?.get(this.key(tabId)))?.[this.key(tabId)] as FrameCounts | undefined) ?? {});
  }

  set(tabId: number, frameId: number, counts: MentionCounts): Promise<void> {
    return this.serial(async () => {
      const key = this.key(tabId);
      const frames = ((await this.area?.get(key))?.[key] as FrameCounts | undefined) ?? {};
      if (Object.keys(counts).length) frames[frameId] = counts;
      else delete frames[frameId];
      await this.area?.set({ [key]: frames });
    });
  }

  clear(tabId: number): Promise<void> {
    return this.serial(async () => void (await this.area?.remove(this.key(tabId))));
  }
}

const LOOKUP_MENU = 'jak-lens-lookup';
/** The page session, and the card's code: each injected into a frame when it first needs it. */
const SESSION_FILE = '/session.js';
const CARD_UI_FILE = '/card-ui.js';

/** Puts a script into one frame, beside the content script that asked for it. */
async function inject(browser: typeof Browser, file: typeof SESSION_FILE | typeof CARD_UI_FILE, tabId: number, frameId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } else {
    await browser.tabs.executeScript(tabId, { file, frameId });
  }
}

/** The popup page with a query (the selection, trimmed and capped) and the tab it came from. */
export function lookupUrl(popupUrl: string, selection: string, tabId?: number): string {
  const params = new URLSearchParams({ q: selection.trim().slice(0, 80) });
  if (tabId !== undefined && tabId >= 0) params.set('tab', String(tabId));
  return `${popupUrl}?${params}`;
}

export function startBackground(browser: typeof Browser): void {
  const counts = new TabCounts(browser.storage?.session);
  const pdfs = startPdfRouting(browser as unknown as RoutingBrowser, globalThis.navigator?.userAgent ?? '', async () => (await loadSettings()).settings.openPdfs);
  void loadSettings().then((read) => pdfs.setEnabled(read.settings.openPdfs));
  watchSettings((read) => void pdfs.setEnabled(read.settings.openPdfs));

  browser.runtime.onMessage.addListener((message: unknown, sender?: { tab?: { id?: number }; frameId?: number }) => {
    const tabId = sender?.tab?.id;
    const frameId = sender?.frameId ?? 0;
    if (isRequest('jak-lens/card-data', message)) return Promise.resolve<Response<'jak-lens/card-data'>>(cardDataFor(dataset, message.drugId));
    if (isRequest('jak-lens/page-counts', message) && tabId !== undefined) return counts.set(tabId, frameId, message.counts).then(() => true as const);
    if (isRequest('jak-lens/tab-counts', message)) return counts.get(message.tabId);
    if (isRequest('jak-lens/settings', message)) return loadSettings().then((read) => read.settings);
    if (isRequest('jak-lens/load-session', message) && tabId !== undefined) return inject(browser, SESSION_FILE, tabId, frameId).then(() => true as const);
    if (isRequest('jak-lens/let-pdf-through', message) && tabId !== undefined) return pdfs.letThrough(tabId).then(() => true as const);
    if (isRequest('jak-lens/load-card-ui', message) && tabId !== undefined) return inject(browser, CARD_UI_FILE, tabId, frameId).then(() => true as const);
    return undefined;
  });

  browser.tabs?.onUpdated?.addListener((tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') void counts.clear(tabId);
  });
  browser.tabs?.onRemoved?.addListener((tabId: number) => void counts.clear(tabId));

  // "Look up in JAK Lens" on selected text: the popup's lookup, in a small window of its own.
  // Recreated at every start as well as on install: Firefox does not always keep them across restarts.
  const createMenu = async () => {
    if (!browser.contextMenus) return;
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: LOOKUP_MENU, title: 'Look up in JAK Lens', contexts: ['selection'] });
  };
  browser.runtime.onInstalled?.addListener(() => void createMenu());
  browser.runtime.onStartup?.addListener(() => void createMenu());
  browser.contextMenus?.onClicked.addListener((info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => {
    if (info.menuItemId !== LOOKUP_MENU) return;
    const url = lookupUrl(browser.runtime.getURL('/popup.html'), info.selectionText ?? '', tab?.id);
    if (browser.windows) void browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    else void browser.tabs.create({ url });
  });

  browser.commands?.onCommand.addListener((command: string) => {
    const direction = COMMANDS[command];
    if (!direction) return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const request: Request<'jak-lens/navigate'> = { type: 'jak-lens/navigate', direction };
      // The top frame only: one card at a time, in the page the user is reading. A tab showing
      // JAK Lens's PDF viewer has no content script to answer; the viewer hears runtime messages.
      const tabId = tab.id;
      await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(async () => {
        const step: Request<'jak-lens/viewer-step'> = { type: 'jak-lens/viewer-step', tabId, direction };
        await browser.runtime.sendMessage(step).catch(() => undefined);
      });
    })();
  });
}
