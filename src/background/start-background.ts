import type { browser as Browser } from 'wxt/browser';
import { cardDataFor } from '../card/card-data';
import { dataset } from '../data/dataset';
import { COMMANDS, isCardDataRequest, type NavigateRequest } from '../messaging/messages';

// The background holds the whole dataset and answers content scripts' requests
// for one drug's card, and turns keyboard commands into messages to the page.

export function startBackground(browser: typeof Browser): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isCardDataRequest(message)) return Promise.resolve(cardDataFor(dataset, message.drugId));
    return undefined;
  });

  browser.commands?.onCommand.addListener((command: string) => {
    const direction = COMMANDS[command];
    if (!direction) return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const request: NavigateRequest = { type: 'jak-lens/navigate', direction };
      // The top frame only: one card at a time, in the page the user is reading.
      await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
    })();
  });
}
