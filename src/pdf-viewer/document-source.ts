// Where the document comes from, and what to tell the reader when it cannot be read. The only
// request the viewer makes is for the document the reader opened, with that site's cookies so a
// PDF behind a journal login opens; a local file never leaves the machine.

export interface PdfSource {
  bytes: Uint8Array;
  /** The file name to offer on download. */
  name: string;
  /** The document's address, when it came from the web. */
  url: string | null;
}

export class SourceError extends Error {
  constructor(
    message: string,
    readonly url: string | null,
  ) {
    super(message);
  }
}

/** A name to save the document under: the last part of its path, ending in .pdf. */
export function fileNameOf(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').trim();
  if (!last) return 'document.pdf';
  return /\.pdf$/i.test(last) ? last : `${last}.pdf`;
}

/** True when the bytes begin like a PDF (the header may follow a little junk, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

// The one request of JAK Lens's own (README, Privacy): the document the reader asked to open.
// eslint-disable-next-line no-restricted-globals
export async function fetchSource(url: string, fetcher: typeof fetch = fetch): Promise<PdfSource> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'include' });
  } catch {
    throw new SourceError('The document could not be fetched: the site refused the request or could not be reached.', url);
  }
  if (!response.ok) throw new SourceError(`The site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of the document.`, url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!looksLikePdf(bytes)) throw new SourceError('This address does not lead to a PDF.', url);
  return { bytes, name: fileNameOf(response.url || url), url };
}

export async function fileSource(file: File): Promise<PdfSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikePdf(bytes)) throw new SourceError(`“${file.name}” is not a PDF.`, null);
  return { bytes, name: file.name || 'document.pdf', url: null };
}

/** What to tell the reader when pdf.js cannot open the bytes. */
export function describeOpenFailure(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return 'This PDF is protected by a password; JAK Lens cannot open it. Open it in the browser’s viewer instead.';
  if (name === 'InvalidPDFException') return 'This PDF is damaged and cannot be read.';
  return 'This PDF could not be read.';
}
