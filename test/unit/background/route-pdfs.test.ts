import { describe, expect, it, vi } from 'vitest';
import { startPdfRouting, type RoutingBrowser } from '@/src/background/route-pdfs';
import type { ResponseFacts } from '@/src/pdf-routing/routing-policy';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const OLD_CHROME = CHROME.replace('156', '120');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

const pdfResponse = (tabId: number, url = 'https://journal.example/a%20paper.pdf'): ResponseFacts & { tabId: number } => ({
  url,
  tabId,
  method: 'GET',
  type: 'main_frame',
  statusCode: 200,
  responseHeaders: [{ name: 'Content-Type', value: 'application/pdf' }],
});

function firefox(enabled: { on: boolean }) {
  let listener: Parameters<NonNullable<RoutingBrowser['webRequest']>['onHeadersReceived']['addListener']>[0] | undefined;
  const addListener = vi.fn((fn: typeof listener) => void (listener = fn));
  const removed: ((tabId: number) => void)[] = [];
  const api: RoutingBrowser = {
    runtime: { getURL: (path) => `moz-extension://uuid${path}` },
    webRequest: { onHeadersReceived: { addListener } },
    tabs: { onRemoved: { addListener: (fn) => void removed.push(fn) } },
  };
  const routing = startPdfRouting(api, FIREFOX, async () => enabled.on);
  return { routing, addListener, headers: (d: ResponseFacts & { tabId: number }) => listener!(d), closeTab: (id: number) => removed.forEach((fn) => fn(id)) };
}

function chrome(userAgent = CHROME, sessionRules: { id: number }[] = []) {
  const updateDynamicRules = vi.fn(async () => undefined);
  const updateSessionRules = vi.fn(async () => undefined);
  const updated: ((tabId: number, change: { status?: string }) => void)[] = [];
  const api: RoutingBrowser = {
    runtime: { getURL: (path) => `chrome-extension://abc${path}` },
    declarativeNetRequest: { getSessionRules: async () => sessionRules, updateDynamicRules, updateSessionRules },
    tabs: { onUpdated: { addListener: (fn) => void updated.push(fn) }, onRemoved: { addListener: () => undefined } },
  };
  const routing = startPdfRouting(api, userAgent, async () => true);
  return { routing, updateDynamicRules, updateSessionRules, loaded: (tabId: number) => updated.forEach((fn) => fn(tabId, { status: 'complete' })) };
}

describe('opening PDFs in the viewer, Firefox', () => {
  it('sends a PDF navigation to the viewer with its address encoded, and only top-level http(s) responses are asked about', async () => {
    const { headers, addListener } = firefox({ on: true });
    expect(addListener).toHaveBeenCalledWith(expect.any(Function), { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, ['blocking', 'responseHeaders']);
    expect(await headers(pdfResponse(3))).toEqual({ redirectUrl: 'moz-extension://uuid/pdf.html?file=https%3A%2F%2Fjournal.example%2Fa%2520paper.pdf' });
    expect(await headers({ ...pdfResponse(3), responseHeaders: [{ name: 'content-type', value: 'text/html' }] })).toBeUndefined();
  });

  it('reads the setting when a PDF arrives, so turning it off applies to the next one', async () => {
    const enabled = { on: true };
    const { headers } = firefox(enabled);
    enabled.on = false;
    expect(await headers(pdfResponse(3))).toBeUndefined();
    enabled.on = true;
    expect(await headers(pdfResponse(3))).toBeDefined();
  });

  it('lets one document of one tab through after "Open in the browser’s viewer"', async () => {
    const { routing, headers, closeTab } = firefox({ on: true });
    await routing.letThrough(5);
    expect(await headers(pdfResponse(6))).toBeDefined();
    expect(await headers(pdfResponse(5))).toBeUndefined();
    expect(await headers(pdfResponse(5))).toBeDefined();
    await routing.letThrough(7);
    closeTab(7);
    expect(await headers(pdfResponse(7))).toBeDefined();
  });
});

describe('opening PDFs in the viewer, Chrome', () => {
  it('keeps the redirect rules in step with the setting, once per change', async () => {
    const { routing, updateDynamicRules } = chrome();
    await routing.setEnabled(true);
    await routing.setEnabled(true);
    expect(updateDynamicRules).toHaveBeenCalledTimes(1);
    const added = (updateDynamicRules.mock.calls[0] as unknown as [{ removeRuleIds: number[]; addRules: { id: number; action: object }[] }])[0];
    expect(added.removeRuleIds).toEqual([1, 2]);
    expect(added.addRules.map((r) => r.action)).toEqual(Array(2).fill({ type: 'redirect', redirect: { regexSubstitution: 'chrome-extension://abc/pdf.html?file=\\0' } }));
    await routing.setEnabled(false);
    expect(updateDynamicRules).toHaveBeenLastCalledWith({ removeRuleIds: [1, 2], addRules: [] });
  });

  it('lets a tab through until it has loaded the original, then takes the rule away', async () => {
    const { routing, updateSessionRules, loaded } = chrome();
    await routing.letThrough(9);
    expect(updateSessionRules).toHaveBeenLastCalledWith({ removeRuleIds: [1009], addRules: [expect.objectContaining({ id: 1009, action: { type: 'allow' } })] });
    loaded(8);
    expect(updateSessionRules).toHaveBeenCalledTimes(1);
    loaded(9);
    expect(updateSessionRules).toHaveBeenLastCalledWith({ removeRuleIds: [1009] });
  });

  it('a restarted service worker still takes away a let-through left by the one before', async () => {
    const { updateSessionRules, loaded } = chrome(CHROME, [{ id: 1012 }]);
    await vi.waitFor(() => {
      loaded(12);
      expect(updateSessionRules).toHaveBeenCalledWith({ removeRuleIds: [1012] });
    });
  });

  it('adds no rule in a Chrome older than 128, which cannot read a response’s type', async () => {
    const { routing, updateDynamicRules, updateSessionRules } = chrome(OLD_CHROME);
    await routing.setEnabled(true);
    await routing.letThrough(1);
    expect(updateDynamicRules).not.toHaveBeenCalled();
    expect(updateSessionRules).not.toHaveBeenCalled();
  });
});
