// What a user sees of the card, read the same way in every browser. The card lives in a closed
// shadow root that no locator and no page script can reach; each driver finds the root through
// its browser's automation protocol (CDP in Chromium, WebDriver BiDi in Firefox) and runs
// READ_CARD with `this` bound to it.

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

/** The card UI's host element (src/page/dom-rules.ts UI_HOST_TAG). */
export const CARD_HOST_TAG = 'jak-lens-ui';

/** Runs with `this` = the card's shadow root; returns a CardState without shadowMode. */
export const READ_CARD = `function () {
  const frame = this.querySelector('.frame');
  const r = frame.getBoundingClientRect();
  const frameStyle = getComputedStyle(frame);
  // A card drawn unseen during the dwell is hidden from the reader: it counts as no card.
  const visible = !frame.hidden && r.width > 0 && r.height > 0 && frameStyle.display !== 'none' && frameStyle.visibility !== 'hidden';
  const card = visible ? this.querySelector('.card') : null;
  const style = card ? getComputedStyle(card) : null;
  const active = this.activeElement;
  return {
    visible,
    drug: card ? card.dataset.drug : null,
    title: card ? card.querySelector('h2').textContent : '',
    sections: card ? [...card.querySelectorAll('[data-section]')].map((s) => s.dataset.section) : [],
    text: visible ? frame.innerText : '',
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width: innerWidth, height: innerHeight },
    links: visible ? [...this.querySelectorAll('a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })) : [],
    focused: active ? (active.className || active.localName) : null,
    hostIsActiveElement: document.activeElement === this.host,
    background: style ? style.backgroundColor : '',
    color: style ? style.color : '',
    role: frame.getAttribute('role'),
    animation: visible ? frameStyle.animationName : '',
    name: this.getElementById(frame.getAttribute('aria-labelledby') || '')?.textContent ?? null,
  };
}`;

/** Runs with `this` = the card's shadow root: the card's markup and styles, for axe-core. */
export const READ_CARD_MARKUP = `function () {
  const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n')
    + [...this.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
  return { html: this.querySelector('.frame').outerHTML, css };
}`;
