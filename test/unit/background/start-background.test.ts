import { describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/src/background/start-background';

/** The parts of the extension API the background uses, recorded. */
function fakeBrowser(tabAnswers = true) {
  const listeners: {
    message?: (m: unknown, sender?: object) => unknown;
    command?: (c: string) => void;
    installed?: () => void;
    menu?: (info: object, tab?: object) => void;
  } = {};
  // A tab showing an extension page (the PDF viewer) has no content script to answer.
  const sendMessage = vi.fn(() => (tabAnswers ? Promise.resolve(true) : Promise.reject(new Error('Receiving end does not exist.'))));
  const sendRuntimeMessage = vi.fn(() => Promise.resolve(true));
  const createMenu = vi.fn();
  const createWindow = vi.fn(() => Promise.resolve({}));
  const executeScript = vi.fn(() => Promise.resolve([]));
  const api = {
    runtime: {
      onMessage: { addListener: (fn: (m: unknown) => unknown) => (listeners.message = fn) },
      onInstalled: { addListener: (fn: () => void) => (listeners.installed = fn) },
      getURL: (path: string) => `chrome-extension://abc${path}`,
      sendMessage: sendRuntimeMessage,
    },
    commands: { onCommand: { addListener: (fn: (c: string) => void) => (listeners.command = fn) } },
    contextMenus: { create: createMenu, removeAll: vi.fn(() => Promise.resolve()), onClicked: { addListener: (fn: (info: object, tab?: object) => void) => (listeners.menu = fn) } },
    windows: { create: createWindow },
    scripting: { executeScript },
    tabs: { query: vi.fn(() => Promise.resolve([{ id: 7 }])), sendMessage },
  };
  startBackground(api as unknown as Parameters<typeof startBackground>[0]);
  return { listeners, sendMessage, sendRuntimeMessage, createMenu, createWindow, executeScript };
}

describe('the background', () => {
  it('answers a card-data request with that drug and the sources it cites', async () => {
    const { listeners } = fakeBrowser();
    const data = (await listeners.message!({ type: 'jak-lens/card-data', drugId: 'baricitinib' })) as { drug: { id: string }; sources: { id: string }[] };
    expect(data.drug.id).toBe('baricitinib');
    expect(data.sources.length).toBeGreaterThan(0);
  });

  it('injects the card code into the frame that asks for it, and only there', async () => {
    const { listeners, executeScript } = fakeBrowser();
    await listeners.message!({ type: 'jak-lens/load-card-ui' }, { tab: { id: 4 }, frameId: 9 });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [9] }, files: ['/card-ui.js'] });
    expect(listeners.message!({ type: 'jak-lens/load-card-ui' }, {})).toBeUndefined();
  });

  it('ignores messages it does not know, or with an unknown drug', () => {
    const { listeners } = fakeBrowser();
    expect(listeners.message!({ type: 'jak-lens/card-data', drugId: 'deuruxolitinib' })).toBeUndefined();
    expect(listeners.message!('hello')).toBeUndefined();
  });

  it('offers "Look up in JAK Lens" on selected text, opening the lookup with the selection for that tab', async () => {
    const { listeners, createMenu, createWindow } = fakeBrowser();
    listeners.installed!();
    await vi.waitFor(() => expect(createMenu).toHaveBeenCalled());
    expect(createMenu).toHaveBeenCalledWith({ id: 'jak-lens-lookup', title: 'Look up in JAK Lens', contexts: ['selection'] });
    listeners.menu!({ menuItemId: 'jak-lens-lookup', selectionText: '  Olumiant ' }, { id: 12 });
    expect(createWindow).toHaveBeenCalledWith({ url: 'chrome-extension://abc/popup.html?q=Olumiant&tab=12', type: 'popup', width: 420, height: 640 });
    listeners.menu!({ menuItemId: 'other' }, { id: 12 });
    expect(createWindow).toHaveBeenCalledTimes(1);
  });

  it('turns the keyboard commands into next/previous messages to the top frame of the active tab', async () => {
    const { listeners, sendMessage } = fakeBrowser();
    listeners.command!('next-mention');
    listeners.command!('previous-mention');
    listeners.command!('something-else');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage.mock.calls).toEqual([
      [7, { type: 'jak-lens/navigate', direction: 'next' }, { frameId: 0 }],
      [7, { type: 'jak-lens/navigate', direction: 'previous' }, { frameId: 0 }],
    ]);
  });

  it('sends the keyboard commands to JAK Lens’s PDF viewer when the active tab shows it', async () => {
    const { listeners, sendRuntimeMessage } = fakeBrowser(false);
    listeners.command!('previous-mention');
    await vi.waitFor(() => expect(sendRuntimeMessage).toHaveBeenCalledWith({ type: 'jak-lens/viewer-step', tabId: 7, direction: 'previous' }));
  });
});
