// Which parts of a page are prose JAK Lens may mark, and where prose is split.

/** Elements whose text flows inline: a name split across them is still one word. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
  'wbr', 'label', 'output', 'ruby', 'rb', 'rt', 'rp', 'slot',
]);

/** Elements whose content is never page prose, or is a form control the user edits. */
const EXCLUDED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'title', 'head', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'noembed', 'noframes', 'xmp', 'plaintext',
]);

const EDITABLE_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** The tag of the element that hosts JAK Lens's own UI. */
export const UI_HOST_TAG = 'jak-lens-ui';

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** True when nothing inside `el` may be marked. */
export function isExcluded(el: Element): boolean {
  const tag = el.localName;
  if (EXCLUDED.has(tag) || tag === UI_HOST_TAG) return true;
  // Most elements of running text carry no attribute: one call answers for the three reads below.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const role = el.getAttribute('role');
  if (role && EDITABLE_ROLES.has(role)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when `node` sits inside an excluded element (checked upwards to the root). */
export function isInsideExcluded(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isExcluded(el)) return true;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? isInsideExcluded(root.host) || isExcluded(root.host) : false;
}

/** The nearest ancestor that starts a new run of prose (a block), or the root. */
export function blockOf(node: Node): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) if (!isInline(el)) return el;
  return null;
}

/** False for text the reader cannot see (display: none or visibility: hidden around it). */
export function rendered(node: Node): boolean {
  const el = node.parentElement;
  return !el || typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

/**
 * The block whose own text to read for a name the first pass saw end in
 * `text`, or null when it cannot be a mention. Text in an excluded element is
 * skipped, but an excluded inline element (a hidden span) sits inside prose
 * that may join across it, so its block is read.
 */
export function blockToRead(text: Text, root: Element | ShadowRoot): Element | ShadowRoot | null {
  let excluded: Element | null = null;
  for (let el = text.parentElement; el; el = el.parentElement) if (isExcluded(el)) excluded = el;
  if (excluded && !isInline(excluded)) return null;
  const block = blockOf(excluded ?? text);
  // Text in a shadow root outside any block inside it belongs to the shadow root.
  return block ?? (root instanceof ShadowRoot ? root : null);
}

/** Drops blocks contained in another block of the set: rescanning the outer one covers them. */
export function outermost(blocks: Set<Element>): Element[] {
  const list = [...blocks];
  return list.filter((b) => !list.some((other) => other !== b && other.contains(b)));
}
