import type { CDPSession, Page } from '@playwright/test';

// The card lives in a closed shadow root: no locator and no page script can
// reach it. The DevTools protocol can (DOM.getDocument with pierce lists closed
// roots), so tests read what the user sees through it.

export interface CardState {
  /** 'closed' when the host's shadow root is closed, as it must be. */
  shadowMode: string;
  visible: boolean;
  drug: string | null;
  title: string;
  sections: string[];
  text: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  links: { href: string; target: string; rel: string }[];
  /** Class or tag of the focused element inside the card, or null. */
  focused: string | null;
  hostIsActiveElement: boolean;
  background: string;
  color: string;
  role: string | null;
  name: string | null;
  /** The frame's CSS animation: its fade-in, or "none" when the reader asks for reduced motion. */
  animation: string;
}

interface DomNode {
  nodeName: string;
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

function findHost(node: DomNode): DomNode | null {
  if (node.localName === 'jak-lens-ui') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
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
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
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
  return onShadowRoot<CardState>(
    page,
    `function () {
      const frame = this.querySelector('.frame');
      const card = this.querySelector('.card');
      const r = frame.getBoundingClientRect();
      const style = card ? getComputedStyle(card) : null;
      const active = this.activeElement;
      return {
        visible: !frame.hidden && r.width > 0 && r.height > 0 && getComputedStyle(frame).display !== 'none',
        drug: card ? card.dataset.drug : null,
        title: card ? card.querySelector('h2').textContent : '',
        sections: card ? [...card.querySelectorAll('[data-section]')].map((s) => s.dataset.section) : [],
        text: frame.innerText,
        rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        viewport: { width: innerWidth, height: innerHeight },
        links: [...this.querySelectorAll('a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
        focused: active ? (active.className || active.localName) : null,
        hostIsActiveElement: document.activeElement === this.host,
        background: style ? style.backgroundColor : '',
        color: style ? style.color : '',
        role: frame.getAttribute('role'),
        animation: getComputedStyle(frame).animationName,
        name: this.getElementById(frame.getAttribute('aria-labelledby') || '')?.textContent ?? null,
      };
    }`,
  );
}

/** The card's markup and styles, to check them with axe-core on a page where it can see them. */
export function cardMarkup(page: Page): Promise<{ html: string; css: string } | null> {
  return onShadowRoot(
    page,
    `function () {
      const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n')
        + [...this.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
      return { html: this.querySelector('.frame').outerHTML, css };
    }`,
  );
}

export async function cardIsOpen(page: Page): Promise<boolean> {
  const card = await readCard(page);
  return card?.visible ?? false;
}
