import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { genericName } from '@/src/data/names';
import type { DrugId } from '@/src/data/schema';
import { FRAME_STATE_KEY, type FrameState } from '@/src/messaging/frame-state';
import { totalCounts, type DocumentSummary, type TabCounts } from '@/src/messaging/messages';
import { looksLikePdfAddress, VIEWER_PAGE, viewerUrlFor } from '@/src/messaging/pdf-viewer-url';
import { askBackground, askExtensionPages, askFrame } from '@/src/messaging/send';
import type { Settings } from '@/src/settings/settings';
import { siteAllowed, withSitePaused } from '@/src/settings/site-rules';
import { pagesInWords } from './pages-in-words';

/** What the tab's top frame says of itself, read in JAK Lens's isolated world there. */
interface FrameReport {
  host: string;
  url: string;
  state: FrameState;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  /** A PDF in the browser's own viewer (seen by the every-frame script, or guessed from the address where no script runs). */
  | { kind: 'pdf'; tabId: number; url: string }
  /** JAK Lens's own PDF viewer, with what it has read of its document (null until it answers). */
  | { kind: 'viewer'; tabId: number; summary: DocumentSummary | null }
  | { kind: 'ready'; tabId: number; frame: FrameReport; frames: TabCounts };

/** The tab the popup is about: the one it was opened for (?tab=), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Runs in the top frame, in the world JAK Lens's content scripts share, and reads the state its
 * every-frame script left there. Null when no script of JAK Lens runs in that frame (a page
 * opened before JAK Lens was installed). Self-contained: the browser sends it as source.
 */
function readFrameState(key: string): FrameReport | null {
  const state = (globalThis as unknown as Record<symbol, FrameState | undefined>)[Symbol.for(key)];
  return state ? { host: location.hostname, url: location.href, state } : null;
}

async function readFrame(tabId: number): Promise<FrameReport | null> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readFrameState, args: [FRAME_STATE_KEY.description!] });
    return (first?.result as FrameReport | null | undefined) ?? null;
  } catch {
    // Browsers keep extensions out of their own pages, stores and PDF viewer.
    return null;
  }
}

async function readPage(): Promise<PageState> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'unreachable' };
  const frame = await readFrame(tabId);
  if (frame?.state === 'pdf') return { kind: 'pdf', tabId, url: frame.url };
  if (!frame) {
    const url = (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
    if (url.startsWith(browser.runtime.getURL(`/${VIEWER_PAGE}`))) {
      const summary = await askExtensionPages({ type: 'jak-lens/viewer-summary', tabId }).catch(() => null);
      return { kind: 'viewer', tabId, summary };
    }
    return looksLikePdfAddress(url) ? { kind: 'pdf', tabId, url } : { kind: 'unreachable' };
  }
  const frames = await askBackground({ type: 'jak-lens/tab-counts', tabId }).catch((): TabCounts => ({}));
  return { kind: 'ready', tabId, frame, frames };
}

export function OnThisPage({ settings, onSettings }: { settings: Settings; onSettings: (next: Settings) => void }) {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    const refresh = () => void readPage().then((state) => live && setPage(state));
    refresh();
    // Pausing or resuming changes what the page shows; read it again shortly after.
    const timer = setInterval(refresh, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const reveal = async (tabId: number, drugId: DrugId, frames: TabCounts) => {
    // The frame with the most mentions of it, the top frame first on a tie.
    const [frameId] = Object.entries(frames)
      .map(([id, counts]) => [Number(id), counts[drugId] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
    await askFrame(tabId, { type: 'jak-lens/reveal', drugId }, frameId).catch(() => undefined);
    window.close();
  };

  const openInViewer = async (tabId: number, url: string) => {
    await browser.tabs.update(tabId, { url: viewerUrlFor(browser.runtime.getURL('/'), url) });
    window.close();
  };

  let body;
  if (page.kind === 'loading') body = <p class="muted">Reading this page…</p>;
  else if (page.kind === 'viewer') body = <InViewer tabId={page.tabId} summary={page.summary} />; else if (page.kind === 'pdf') {
    body = (
      <>
        <p class="page-status" role="status">
          This PDF is open in the browser’s own viewer, which JAK Lens cannot read.
        </p>
        <button type="button" class="open-pdf" onClick={() => void openInViewer(page.tabId, page.url)}>
          Open in JAK Lens
        </button>
      </>
    );
  } else if (page.kind === 'unreachable') {
    body = (
      <p class="page-status" role="status">
        JAK Lens cannot read this page. Browsers keep extensions out of their own pages and extension stores; a page
        opened before JAK Lens was installed needs a reload.
      </p>
    );
  } else if (page.frame.state === 'opted-out') {
    body = (
      <p class="page-status" role="status">
        This page asks JAK Lens not to mark it.
      </p>
    );
  } else {
    // Paused is the settings' word on this site (or no kind of name chosen), read here: the page's script never reads settings until it has a name.
    const paused = !siteAllowed(page.frame.url, settings.siteMode, settings.sites) || !Object.values(settings.nameKinds).some(Boolean);
    const totals = totalCounts(page.frames);
    const toggle = () => onSettings({ ...settings, sites: withSitePaused(settings.siteMode, settings.sites, page.frame.url, !paused) });
    body = (
      <>
        {paused ? (
          <p class="page-status" role="status">
            JAK Lens is paused on {page.frame.host}.
          </p>
        ) : totals.length === 0 ? (
          <p class="page-status" role="status">
            No JAK inhibitor is named on this page.
          </p>
        ) : (
          <ul class="page-drugs" aria-label="Drugs named on this page">
            {totals.map(([drugId, n]) => (
              <li key={drugId}>
                <button type="button" class="page-drug" onClick={() => void reveal(page.tabId, drugId, page.frames)}>
                  <span class="drug-name">{genericName(drugId)}</span>
                  <span class="count">
                    {n} mention{n === 1 ? '' : 's'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <label class="switch">
          <input type="checkbox" role="switch" checked={!paused} onChange={toggle} />
          Run JAK Lens on {page.frame.host}
        </label>
      </>
    );
  }

  return (
    <section class="on-this-page" aria-labelledby="on-this-page-title">
      <h2 id="on-this-page-title">On this page</h2>
      {body}
    </section>
  );
}

/** The PDF in JAK Lens's viewer: each drug with its count and pages, read from the whole document. */
function InViewer({ tabId, summary }: { tabId: number; summary: DocumentSummary | null }) {
  const step = async (drugId: DrugId) => {
    await askExtensionPages({ type: 'jak-lens/viewer-step', tabId, direction: 'next', drugId }).catch(() => undefined);
    window.close();
  };
  if (!summary || summary.pageCount === 0) {
    return (
      <p class="page-status" role="status">
        This is JAK Lens’s PDF viewer{summary ? ', with no document open' : ''}.
      </p>
    );
  }
  if (!summary.hasText) {
    return (
      <p class="page-status" role="status">
        This PDF has no text layer (a scan, perhaps): there is no text for JAK Lens to read.
      </p>
    );
  }
  const reading = summary.pagesRead < summary.pageCount;
  return (
    <>
      {reading && (
        <p class="muted" role="status">
          Reading the document: page {summary.pagesRead} of {summary.pageCount}…
        </p>
      )}
      {summary.drugs.length === 0 ? (
        !reading && (
          <p class="page-status" role="status">
            No JAK inhibitor is named in this PDF ({summary.pageCount} page{summary.pageCount === 1 ? '' : 's'}).
          </p>
        )
      ) : (
        <ul class="page-drugs" aria-label="Drugs named in this PDF">
          {summary.drugs.map(({ drugId, count, pages }) => (
            <li key={drugId}>
              <button type="button" class="page-drug" onClick={() => void step(drugId)}>
                <span class="drug-name">{genericName(drugId)}</span>
                <span class="count">
                  {count} mention{count === 1 ? '' : 's'}, {pagesInWords(pages)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
