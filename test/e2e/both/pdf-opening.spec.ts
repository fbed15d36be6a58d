import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { Tab } from '../drivers/browser-under-test';
import { FAST, FIRST_PDF, clickOn, expect, sortedMarks, test } from './fixtures';

// "Open PDFs in JAK Lens": a PDF a reader opens from a page (test/e2e/pages/pdf-links.html, the same
// generated paper served with the headers journal sites use) goes to JAK Lens's viewer, what should
// stay with the browser does, and one click takes the reader back to the browser's own viewer.

const PAPER = '/pdf/names.pdf';
const where = (tab: Tab) => tab.evaluate(() => location.href, null).catch(() => null);
const linkOf = (tab: Tab, id: string) => tab.evaluate((i) => (document.getElementById(i) as HTMLAnchorElement).href, id);

/** Waits for the tab to show JAK Lens's viewer with the paper marked, and returns the document's address it names. */
async function expectViewerWithPaper(tab: Tab): Promise<string> {
  await expect.poll(() => where(tab), { ...FAST, message: 'the tab shows the viewer' }).toMatch(/\/pdf\.html\?file=/);
  await expect.poll(() => sortedMarks(tab).catch(() => []), FIRST_PDF).toContain('Rinvoq');
  return tab.evaluate(() => (document.getElementById('original') as HTMLAnchorElement).href, null);
}

const LABELS = {
  pdf: 'application/pdf',
  'pdf-with-parameters': 'Application/PDF with a parameter',
  'octet-stream': 'application/octet-stream with a .pdf name',
};

for (const [id, label] of Object.entries(LABELS)) {
  test(`with the option on, as it is by default, a PDF opened from a page shows in JAK Lens’s viewer, marked: sent as ${label}`, async ({ jak, pageServer }) => {
    await jak.setSettings(DEFAULT_SETTINGS);
    const tab = await jak.newTab('/pdf-links.html');
    const address = await linkOf(tab, id);
    pageServer.resetLog();
    await clickOn(tab, `#${id}`);
    expect(await expectViewerWithPaper(tab)).toBe(address);
    expect(await tab.evaluate(() => document.getElementById('doc-title')!.textContent, null)).toBe('names.pdf');
    // The browser's request, then the viewer's own for the document; nothing else.
    expect(pageServer.served()).toEqual([address, address].map((a) => a.slice(jak.origin.length)));
    expect(jak.offMachineRequests()).toEqual([]);
  });
}

test('the answer to a form, and a download the site asks for, are left to the browser', async ({ jak, pageServer, problems }) => {
  // Chromium's own PDF viewer loads its interface from chrome://resources: the browser's, not ours.
  problems.allow(/^chrome:\/\/resources\//);
  // The defaults, with the browser's rules in place (Chromium's are added when the extension starts).
  await jak.setSettings(DEFAULT_SETTINGS);
  const tab = await jak.newTab('/pdf-links.html');
  pageServer.resetLog();
  await clickOn(tab, '#post');
  await expect.poll(() => where(tab), FAST).toBe(`${jak.origin}${PAPER}`);
  expect(pageServer.served()).toEqual([`POST ${PAPER}`]);

  // A download the site asks for stays a download: the tab stays on the list, and the viewer never
  // asks for the document. (Nothing marks the moment the browser has decided, so the tab is watched
  // for a second after the request; a redirect comes within milliseconds of the response.) A tab of
  // its own: a driver's navigation away from Firefox's viewer loses the tab.
  const list = await jak.newTab('/pdf-links.html');
  const attachment = (await linkOf(list, 'attachment')).slice(jak.origin.length);
  pageServer.resetLog();
  await clickOn(list, '#attachment');
  await expect.poll(() => pageServer.served(), FAST).toEqual([attachment]);
  for (let look = 0; look < 10; look++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await where(list)).toBe(`${jak.origin}/pdf-links.html`);
  }
  expect(pageServer.served()).toEqual([attachment]);
});

test('with the option off, a PDF opened from a page stays in the browser’s own viewer', async ({ jak, pageServer, problems }) => {
  problems.allow(/^chrome:\/\/resources\//);
  await jak.setSettings({ ...DEFAULT_SETTINGS, openPdfs: false });
  const off = await jak.newTab('/pdf-links.html');
  pageServer.resetLog();
  await clickOn(off, '#pdf');
  await expect.poll(() => where(off), FAST).toBe(`${jak.origin}${PAPER}`);
  expect(pageServer.served()).toEqual([PAPER]);
});

test('“Open in the browser’s viewer” takes the reader to the original in one click, without being sent back', async ({ jak, pageServer, problems }) => {
  problems.allow(/^chrome:\/\/resources\//);
  await jak.setSettings(DEFAULT_SETTINGS);
  const tab = await jak.newTab('/pdf-links.html');
  await clickOn(tab, '#pdf');
  await expectViewerWithPaper(tab);
  pageServer.resetLog();
  await clickOn(tab, '#original');
  await expect.poll(() => where(tab), FAST).toBe(`${jak.origin}${PAPER}`);
  expect(pageServer.served()).toEqual([PAPER]);
  // Only that one document: the next PDF opened in this tab goes to JAK Lens again. (The reader
  // goes back past the viewer to the list of papers; a driver's own navigation from Firefox's viewer loses the tab.)
  await tab.evaluate(() => history.go(-2), null);
  await expect.poll(() => where(tab), FAST).toBe(`${jak.origin}/pdf-links.html`);
  await clickOn(tab, '#pdf');
  await expectViewerWithPaper(tab);
});
