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
