import type { CDPSession, Page } from '@playwright/test';
import { CARD_HOST_TAG, READ_CARD, READ_CARD_MARKUP, type CardState } from './card-state';

export type { CardState };

// The card lives in a closed shadow root: no locator and no page script can
// reach it. The DevTools protocol can (DOM.getDocument with pierce lists closed
// roots), so tests read what the user sees through it.

interface DomNode {
  nodeName: string;
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

function findHost(node: DomNode): DomNode | null {
  if (node.localName === CARD_HOST_TAG) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

type ShadowNode = DomNode & { shadowRootType?: string };

/** The card host of the top document, asked for directly: a page's whole tree is costly to serialise on every poll. */
async function topFrameShadowRoot(cdp: CDPSession): Promise<ShadowNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: DomNode & { nodeId: number } };
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST_TAG });
  if (!nodeId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as { node: DomNode };
  return node.shadowRoots?.[0] ?? null;
}

/** A card in a child frame: only the whole tree, pierced, reaches into frames and closed roots. */
async function anyFrameShadowRoot(cdp: CDPSession): Promise<ShadowNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return findHost(root)?.shadowRoots?.[0] ?? null;
}

async function withCdp<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    await cdp.detach();
  }
}

/** Runs `fn` with `this` bound to the card's shadow root; null when there is no card host. */
async function onShadowRoot<T>(page: Page, fn: string): Promise<T | null> {
  return withCdp(page, async (cdp) => {
    const shadow = (await topFrameShadowRoot(cdp)) ?? (await anyFrameShadowRoot(cdp));
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`reading the card failed: ${JSON.stringify(exceptionDetails)}`);
    return { ...(result.value as object), shadowMode: shadow.shadowRootType } as T;
  });
}

/** What the card shows now, or null when no card was ever opened on the page. */
export function readCard(page: Page): Promise<CardState | null> {
  return onShadowRoot<CardState>(page, READ_CARD);
}

/** The card's markup and styles, to check them with axe-core on a page where it can see them. */
export function cardMarkup(page: Page): Promise<{ html: string; css: string } | null> {
  return onShadowRoot(page, READ_CARD_MARKUP);
}

