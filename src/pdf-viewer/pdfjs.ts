import type * as PdfJs from 'pdfjs-dist';

// pdf.js is shipped as its own files under /pdfjs/ (scripts/lib/pdfjs-assets.ts), unmodified, and
// loaded from there when a PDF is opened: the viewer's own code stays small, and everything pdf.js
// needs (worker, character maps, fonts, decoders) comes from the extension, never from the web.

export type PdfJsLibrary = typeof PdfJs;
export type PdfDocument = PdfJs.PDFDocumentProxy;
export type PdfPage = PdfJs.PDFPageProxy;

/** Where the shipped files are: the extension's own base address (an extension page's origin). */
function shipped(path: string): string {
  return new URL(`/pdfjs/${path}`, location.origin).href;
}

let loading: Promise<PdfJsLibrary> | null = null;

export function loadPdfJs(): Promise<PdfJsLibrary> {
  loading ??= (import(/* @vite-ignore */ shipped('build/pdf.min.mjs')) as Promise<PdfJsLibrary>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = shipped('build/pdf.worker.min.mjs');
    return lib;
  });
  return loading;
}

export interface OpenedPdf {
  pdf: PdfDocument;
  /** Ends the document's worker and frees its memory. */
  close(): void;
}

/** Opens a document from its bytes, with every resource pdf.js may ask for served by the extension. */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const lib = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: it gets a copy, the original stays for "Download".
  const task = lib.getDocument({
    data: bytes.slice(),
    cMapUrl: shipped('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: shipped('standard_fonts/'),
    wasmUrl: shipped('wasm/'),
    iccUrl: shipped('iccs/'),
    // Nothing pdf.js does reaches the network: the bytes are already here.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    useSystemFonts: false,
    enableXfa: false,
  });
  try {
    return { pdf: await task.promise, close: () => void task.destroy() };
  } catch (error) {
    void task.destroy();
    throw error;
  }
}
