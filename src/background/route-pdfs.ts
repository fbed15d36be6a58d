import { viewerUrlFor, VIEWER_PAGE } from '../messaging/pdf-viewer-url';
import { canRouteByHeaders, letThroughRule, letThroughRuleId, PDF_RULE_IDS, redirectRules, shouldOpenInViewer, type ResponseFacts, type RoutingRule } from '../pdf-routing/routing-policy';

// Opens the PDFs the browser navigates to in JAK Lens's viewer while the reader's "Open PDFs in JAK
// Lens" setting is on (the policy is in pdf-routing/routing-policy.ts). Firefox's build asks the
// response's headers in a blocking webRequest listener; Chrome's build keeps declarativeNetRequest
// rules in step with the setting, so the browser decides without waking the service worker.

interface RuleApi {
  getSessionRules(): Promise<{ id: number }[]>;
  updateDynamicRules(change: { removeRuleIds?: number[]; addRules?: RoutingRule[] }): Promise<void>;
  updateSessionRules(change: { removeRuleIds?: number[]; addRules?: RoutingRule[] }): Promise<void>;
}

type HeadersListener = (details: ResponseFacts & { tabId: number }) => Promise<{ redirectUrl: string } | undefined>;

/** The parts of the extension API this uses; either request API may be missing. */
export interface RoutingBrowser {
  runtime: { getURL(path: string): string };
  declarativeNetRequest?: RuleApi;
  webRequest?: { onHeadersReceived: { addListener(listener: HeadersListener, filter: object, extra: string[]): void } };
  tabs?: {
    onUpdated?: { addListener(listener: (tabId: number, change: { status?: string }) => void): void };
    onRemoved?: { addListener(listener: (tabId: number) => void): void };
  };
}

export interface PdfRouting {
  /** Follows the setting; called once at start and on every change (the rules need it; Firefox asks). */
  setEnabled(on: boolean): Promise<void>;
  /** "Open in the browser's viewer": the tab's next document is not redirected. */
  letThrough(tabId: number): Promise<void>;
}

/** `isEnabled` reads the reader's setting; `setEnabled` tells the rules when it changes. */
export function startPdfRouting(browser: RoutingBrowser, userAgent: string, isEnabled: () => Promise<boolean>): PdfRouting {
  const viewerBase = browser.runtime.getURL('/');
  const letThroughTabs = new Set<number>();

  if (browser.webRequest) {
    browser.tabs?.onRemoved?.addListener((tabId) => letThroughTabs.delete(tabId));
    // Firefox waits for a blocking listener's promise, so the setting is read when a PDF arrives
    // (rarely) rather than kept in step: a change applies to the very next document.
    browser.webRequest.onHeadersReceived.addListener(
      async (details) => {
        if (!shouldOpenInViewer(details) || !(await isEnabled())) return undefined;
        if (letThroughTabs.delete(details.tabId)) return undefined;
        return { redirectUrl: viewerUrlFor(viewerBase, details.url) };
      },
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
      ['blocking', 'responseHeaders'],
    );
    return { setEnabled: async () => undefined, letThrough: async (tabId) => void letThroughTabs.add(tabId) };
  }

  const rules = browser.declarativeNetRequest;
  if (!rules || !canRouteByHeaders(userAgent)) {
    // No way to decide on a response's type here: the popup's "Open in JAK Lens" remains.
    return { setEnabled: async () => undefined, letThrough: async () => undefined };
  }
  // A let-through lasts until the tab has loaded the document it was given for. The rules outlive a
  // service worker that the browser stopped, so a new one learns which are still there.
  void rules.getSessionRules().then((list) => list.forEach((rule) => rule.id >= letThroughRuleId(0) && letThroughTabs.add(rule.id - letThroughRuleId(0))));
  const forget = (tabId: number) => {
    if (letThroughTabs.delete(tabId)) void rules.updateSessionRules({ removeRuleIds: [letThroughRuleId(tabId)] });
  };
  browser.tabs?.onUpdated?.addListener((tabId, change) => change.status === 'complete' && forget(tabId));
  browser.tabs?.onRemoved?.addListener(forget);
  const viewerPage = new URL(VIEWER_PAGE, viewerBase).href;
  let current: boolean | null = null;
  return {
    setEnabled: async (on) => {
      if (on === current) return;
      current = on;
      await rules.updateDynamicRules({ removeRuleIds: Object.values(PDF_RULE_IDS), addRules: on ? redirectRules(viewerPage) : [] });
    },
    letThrough: async (tabId) => {
      letThroughTabs.add(tabId);
      await rules.updateSessionRules({ removeRuleIds: [letThroughRuleId(tabId)], addRules: [letThroughRule(tabId)] });
    },
  };
}
