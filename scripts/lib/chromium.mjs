// Where to find Chromium and how to start it on a closed network. Shared by
// `npm start`, the end-to-end fixtures, the icon renderer and the benchmark.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * CHROMIUM_PATH, else the system Chromium, else Playwright's own browser.
 * @returns {Promise<{ path: string, from: string } | { path: null, help: string }>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, from: 'CHROMIUM_PATH' };
    return { path: null, help: `CHROMIUM_PATH is set to ${fromEnv}, but no file is there.` };
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (existsSync(candidate)) return { path: candidate, from: 'system' };
  }
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, from: 'playwright' };
  } catch {
    // Playwright is a dev dependency; without it we simply have no fallback.
  }
  return {
    path: null,
    help: [
      'No Chromium found.',
      '  Debian/Ubuntu: sudo apt-get install --no-install-recommends chromium',
      '  or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary.',
    ].join('\n'),
  };
}

/** Flags that keep Chromium quiet on a machine with no internet. */
export const QUIET_NETWORK_ARGS = [
  '--disable-quic',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** The built Chrome extension folder. */
export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** @param {string} dir absolute path of an unpacked extension */
export function extensionArgs(dir = CHROME_BUILD) {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/** Root needs --no-sandbox; everyone else keeps the sandbox. */
export function sandboxArgs() {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}
