// The address of JAK Lens's PDF viewer for a document, and back: one format for the popup's
// "Open in JAK Lens", the viewer itself and, later, the browser's redirect of PDFs (which can only
// append the document's address as it is, unencoded, so both forms are read).

export const VIEWER_PAGE = 'pdf.html';

/** The viewer's address for a document, given the extension's base address (runtime.getURL('/')). */
export function viewerUrlFor(extensionBase: string, documentUrl: string): string {
  return `${new URL(VIEWER_PAGE, extensionBase).href}?file=${encodeURIComponent(documentUrl)}`;
}

/** The document address a viewer address carries, or null; only http(s) and file addresses. */
export function documentUrlOf(viewerUrl: string): string | null {
  const at = viewerUrl.indexOf('?file=');
  if (at < 0) return null;
  let raw = viewerUrl.slice(at + '?file='.length);
  if (/^(https?|file)%3A/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** True when an address looks like a PDF's (its path ends in .pdf): the popup's guess where no script can look. */
export function looksLikePdfAddress(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
