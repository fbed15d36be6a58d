import { defineConfig } from 'wxt';
import { markableNamesPlugin } from './scripts/lib/markable-names-plugin';
import { pdfjsAssets } from './scripts/lib/pdfjs-assets';

// The gecko id is fixed so Firefox keeps settings across reinstalls and so the
// Firefox smoke test can pin the extension's internal UUID.
export const GECKO_ID = 'jak-lens@jak-lens.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The soak test's build (WXT_CENSUS=1, see src/content/census.ts) goes beside the real one, never over it.
  vite: () => ({ plugins: [markableNamesPlugin()] }),
  outDir: process.env.WXT_CENSUS === '1' ? '.output/census' : '.output',
  // Explicit imports keep every module readable on its own.
  imports: false,
  // The PDF viewer's pdf.js files, copied unmodified (scripts/lib/pdfjs-assets.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: 'JAK Lens',
    description:
      'Marks JAK inhibitor names on web pages and shows a sourced card: selectivity, approvals, viral-infection risk, prophylaxis.',
    // Permissions are added with the features that use them (least privilege).
    // Opening PDFs in JAK Lens's viewer (src/background/route-pdfs.ts): Chrome's rules act on what the
    // host permission already reaches; Firefox's build reads a document's headers as they arrive.
    permissions: [
      'storage',
      'contextMenus',
      'scripting',
      ...(browser === 'firefox' ? ['webRequest', 'webRequestBlocking'] : ['declarativeNetRequestWithHostAccess']),
    ],
    // A PDF's navigation is sent on to the viewer, which a web address may only lead to when it is listed.
    web_accessible_resources: browser === 'firefox' ? ['pdf.html'] : [{ resources: ['pdf.html'], matches: ['<all_urls>'] }],
    // The card's code is injected only into frames that have a mention (see src/card/card-ui-global.ts);
    // this is the same reach the content script's <all_urls> match already has.
    host_permissions: ['<all_urls>'],
    // The every-frame script is an unlisted script listed here by hand: WXT's own content-script
    // wrapper would bring the extension-API polyfill into every frame (see entrypoints/sentinel.ts).
    content_scripts: [{ matches: ['<all_urls>'], js: ['sentinel.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' }],
    // Shortcuts can be changed in the browser's extension shortcut settings; the README and options page show these defaults.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next JAK inhibitor mention on the page and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous JAK inhibitor mention on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // CSS.highlights arrived in Firefox 140; data_collection_permissions too.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // CSS.highlights arrived in Chrome 105.
        { minimum_chrome_version: '105' }),
  }),
  zip: {
    artifactTemplate: 'jak-lens-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'jak-lens-{{version}}-sources.zip',
    excludeSources: ['test/**', 'test-results/**', 'docs/**', '.ci/**', '**/*.test.ts'],
  },
});
