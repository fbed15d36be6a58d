import type { BrowserContext, Page } from '@playwright/test';

/**
 * Names of the isolated worlds in a page's frames, read through CDP. A content
 * script lives in an isolated world named after its extension, so its presence
 * proves the script was injected without the extension touching the page.
 */
export async function isolatedWorldNames(context: BrowserContext, page: Page): Promise<() => string[]> {
  const cdp = await context.newCDPSession(page);
  const names: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: ec }) => {
    const aux = ec.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') names.push(ec.name);
  });
  await cdp.send('Runtime.enable');
  return () => [...names];
}
