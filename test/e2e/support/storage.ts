import type { BrowserContext } from '@playwright/test';

type ChromeStorage = { chrome: { storage: { sync: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } } };

/** Writes the extension's synced settings the way the options page would, through its service worker. */
export async function setStoredSettings(context: BrowserContext, settings: unknown): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((value) => (globalThis as unknown as ChromeStorage).chrome.storage.sync.set({ settings: value }), settings);
}
