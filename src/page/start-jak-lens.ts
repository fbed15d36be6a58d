import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** True when the page asks to be left alone: <meta name="jak-lens" content="off">. */
export function pageOptsOut(doc: Document): boolean {
  const meta = doc.querySelector('meta[name="jak-lens" i]');
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'off';
}

/** Content-script entry: everything it starts is tied to ctx so an update leaves nothing behind. */
export function startJakLens(ctx: ContentScriptContext): void {
  if (ctx.isInvalid || pageOptsOut(document)) return;
}
