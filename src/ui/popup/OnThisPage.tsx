import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { genericName } from '@/src/data/names';
import type { DrugId } from '@/src/data/schema';
import { totalCounts, type PingAnswer, type TabCounts } from '@/src/messaging/messages';
import { askBackground, askFrame } from '@/src/messaging/send';
import type { Settings } from '@/src/settings/settings';
import { withSitePaused } from '@/src/settings/site-rules';

type PageState =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'ready'; tabId: number; ping: PingAnswer; frames: TabCounts };

/** The tab the popup is about: the one it was opened for (?tab=), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readPage(): Promise<PageState> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'unreachable' };
  const answer = await askFrame(tabId, { type: 'jak-lens/ping' }).catch(() => undefined);
  if (!answer) return { kind: 'unreachable' };
  const frames = await askBackground({ type: 'jak-lens/tab-counts', tabId }).catch((): TabCounts => ({}));
  return { kind: 'ready', tabId, ping: answer, frames };
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

  let body;
  if (page.kind === 'loading') body = <p class="muted">Reading this page…</p>;
  else if (page.kind === 'unreachable') {
    body = (
      <p class="page-status" role="status">
        JAK Lens cannot read this page. Browsers keep extensions out of their own pages, extension stores and the
        built-in PDF viewer; a page opened before JAK Lens was installed needs a reload.
      </p>
    );
  } else if (page.ping.state === 'opted-out') {
    body = (
      <p class="page-status" role="status">
        This page asks JAK Lens not to mark it.
      </p>
    );
  } else {
    const paused = page.ping.state === 'paused';
    const totals = totalCounts(page.frames);
    const toggle = () => onSettings({ ...settings, sites: withSitePaused(settings.siteMode, settings.sites, page.ping.url, !paused) });
    body = (
      <>
        {paused ? (
          <p class="page-status" role="status">
            JAK Lens is paused on {page.ping.host}.
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
          Run JAK Lens on {page.ping.host}
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
