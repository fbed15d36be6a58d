import { defineContentScript } from 'wxt/utils/define-content-script';
import { startJakLens } from '@/src/content/start-jak-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    void startJakLens(ctx);
  },
});
