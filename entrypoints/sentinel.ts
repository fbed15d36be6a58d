import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startSentinel } from '@/src/content/sentinel';
import markableNames from 'virtual:jak-lens/markable-names';
import { Probe } from '@/src/match/probe';
import { pageRuntime } from '@/src/messaging/page-runtime';

// The content script of every frame (listed in the manifest by wxt.config.ts). It touches no
// extension API until the page's text may name a drug; then it asks the background for the page
// session (entrypoints/session.ts), through the browser's own namespace (src/messaging/page-runtime.ts):
// the polyfill would cost every frame its start-up.

export default defineUnlistedScript(() => {
  const started = Symbol.for('jak-lens.sentinel');
  const world = globalThis as { [started]?: boolean };
  if (world[started]) return;
  world[started] = true;
  let probe: Probe | null = null;
  startSentinel(document, {
    probe: () => (probe ??= new Probe(markableNames)),
    // A page opened before the extension was reloaded has no background to answer: nothing to do then.
    wake: () => void pageRuntime().runtime.sendMessage({ type: 'jak-lens/load-session' })?.catch(() => undefined),
  });
});
