import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installCensus } from '@/src/content/census';
import { startJakLens } from '@/src/content/start-jak-lens';

// The page session's code: injected by the background into a frame whose every-frame script
// (entrypoints/sentinel.ts) found text that may name a drug.
export default defineUnlistedScript(() => {
  // Only in the soak test's build; the production build leaves it out.
  if (import.meta.env.WXT_CENSUS === '1') installCensus();
  void startJakLens();
});
