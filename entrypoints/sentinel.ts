import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startSentinel } from '@/src/content/sentinel';
import { markableNameTexts } from '@/src/data/names';
import { Probe } from '@/src/match/probe';
import { highlightsSupported } from '@/src/paint/highlight-painter';

// The content script of every frame (listed in the manifest by wxt.config.ts). It touches no
// extension API until the page's text may name a drug; then it asks the background for the page
// session (entrypoints/session.ts). The raw `chrome` namespace is used for that one message:
// Firefox has it too, and the polyfill would cost every frame its start-up.
declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };

export default defineUnlistedScript(() => {
  const started = Symbol.for('jak-lens.sentinel');
  const world = globalThis as { [started]?: boolean };
  if (world[started] || !highlightsSupported()) return;
  world[started] = true;
  let probe: Probe | null = null;
  startSentinel(document, {
    probe: () => (probe ??= new Probe(markableNameTexts())),
    wake: () => void chrome.runtime.sendMessage({ type: 'jak-lens/load-session' }).catch(() => undefined),
  });
});
