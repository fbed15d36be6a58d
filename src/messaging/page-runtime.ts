import type { Settings } from '../settings/settings';
import { SETTINGS_STORAGE_KEY } from '../settings/storage-key';
import { checkedResponse, type MessageType, type Request, type Response } from './messages';

// The page side of messaging, for the scripts injected into pages. They use the browser's own
// namespace (Firefox's promise-based `browser`, else Chrome's `chrome`, which returns promises in
// MV3) rather than the polyfill, which every page would pay to evaluate.

type Listener = (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => boolean;

interface PageRuntime {
  runtime: {
    sendMessage(message: object): Promise<unknown> | undefined;
    onMessage: { addListener(listener: Listener): void };
  };
  storage: { onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void } };
}

export function pageRuntime(): PageRuntime {
  return (globalThis as { browser?: PageRuntime }).browser ?? (globalThis as unknown as { chrome: PageRuntime }).chrome;
}

/** Asks the background; rejects when there is no answer or it has the wrong shape. */
export async function askBackgroundFromPage<T extends MessageType>(request: Request<T>): Promise<Response<T>> {
  return checkedResponse(request, await pageRuntime().runtime.sendMessage(request));
}

/**
 * Answers messages from the extension: `handle` returns a promise of the answer, or undefined for
 * a message it does not take. The answer goes back through sendResponse, which both browsers honour.
 */
export function answerMessages(handle: (message: unknown) => Promise<unknown> | undefined): void {
  pageRuntime().runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const answer = handle(message);
    if (!answer) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}

/** Calls `changed` whenever the stored settings change (from the options page, the popup or another browser). */
export function onSettingsChanged(changed: () => void): void {
  pageRuntime().storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_STORAGE_KEY in changes) changed();
  });
}

/**
 * Applies the settings the background holds, now and after every change, asked of it each time
 * (it has checked them); answers are applied in the order asked. Resolves once the first has been.
 */
export function followSettings(apply: (settings: Settings) => void): Promise<void> {
  let asked = 0;
  const refresh = async () => {
    const ask = ++asked;
    const settings = await askBackgroundFromPage({ type: 'jak-lens/settings' }).catch(() => null);
    if (settings && ask === asked) apply(settings);
  };
  onSettingsChanged(() => void refresh());
  return refresh();
}
