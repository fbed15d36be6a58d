import { defineContentScript } from 'wxt/utils/define-content-script';
import { installCensus } from '@/src/content/census';
import { startJakLens } from '@/src/content/start-jak-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // Only in the soak test's build; the production build leaves it out.
    if (import.meta.env.WXT_CENSUS === '1') installCensus();
    void startJakLens(ctx);
  },
});
