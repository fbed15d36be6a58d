import type { CardState } from '../support/card-state';

// The few things an end-to-end test does with a browser, behind one interface, so a behaviour is
// written once and checked in Chromium (Playwright) and Firefox (puppeteer over WebDriver BiDi).
// Only what both drivers can do honestly belongs here; Chromium-only checks use Playwright directly.

export type Engine = 'chromium' | 'firefox';

export interface Tab {
  readonly engine: Engine;
  /** Navigates and waits for the load event; a path is resolved against the page server. */
  goto(pathOrUrl: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs a function in the page's main world (see support/in-page.ts for the rules). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The same in the first child frame whose address contains `urlPart`. */
  evaluateInFrame<R, A>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  moveMouse(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A key or chord, e.g. "Escape", "Tab", "Control+A". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Chooses a file in a file input, as a reader would in the file picker. */
  chooseFile(selector: string, file: { name: string; bytes: Uint8Array }): Promise<void>;
  /** The card as the user sees it, or null when no card was ever opened in the top frame. */
  readCard(): Promise<CardState | null>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The tab printed to a PDF, on the sheet size its CSS asks for, backgrounds included. */
  printToPdf(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface BrowserUnderTest {
  readonly engine: Engine;
  /** The page server's origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  /** A new tab, navigated to `path` when one is given. */
  newTab(path?: string): Promise<Tab>;
  /** An extension page (popup.html, options.html...) in a tab of its own, once `readySelector` matches. */
  openExtensionPage(path: string, readySelector: string): Promise<Tab>;
  /** The id the extension knows this tab by (the tab is brought to the front to ask). */
  tabIdOf(tab: Tab): Promise<number>;
  /** Sends a message to the tab's top frame, as the background does for a keyboard command. */
  sendToTab(tab: Tab, message: object): Promise<unknown>;
  /** Writes the synced settings as the options page would. */
  setSettings(settings: unknown): Promise<void>;
  /** Every request that tried to leave the machine since the browser started, as URLs or hosts. */
  offMachineRequests(): string[];
}
