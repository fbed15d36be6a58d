import { browser } from 'wxt/browser';
import { checkedResponse, type MessageType, type Request, type Response } from './messages';

// The only places messages are sent from: each answer is checked against the
// message map before the caller sees it.

/** Asks the background; rejects when there is no answer or it has the wrong shape. */
export async function askBackground<T extends MessageType>(request: Request<T>): Promise<Response<T>> {
  return checkedResponse(request, await browser.runtime.sendMessage(request));
}

/** Asks one frame of a tab (the top frame unless told). */
export async function askFrame<T extends MessageType>(tabId: number, request: Request<T>, frameId = 0): Promise<Response<T>> {
  return checkedResponse(request, await browser.tabs.sendMessage(tabId, request, { frameId }));
}

/**
 * Asks JAK Lens's own pages (the PDF viewer), which receive no tab messages: the request goes to
 * every extension page, and only the one it names (by tab) answers.
 */
export async function askExtensionPages<T extends MessageType>(request: Request<T>): Promise<Response<T>> {
  return checkedResponse(request, await browser.runtime.sendMessage(request));
}
