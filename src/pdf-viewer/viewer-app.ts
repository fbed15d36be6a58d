import { documentUrlOf } from '../messaging/pdf-viewer-url';
import { askBackground } from '../messaging/send';
import { describeOpenFailure, fetchSource, fileSource, SourceError, type PdfSource } from './document-source';
import { FindBar, type FindElements } from './find-bar';
import { DocumentText } from './find-in-document';
import { PageList } from './page-list';
import { loadPdfJs, openPdf, type OpenedPdf } from './pdfjs';
import { startViewerMarks } from './viewer-marks';

// The viewer page's wiring: where the document comes from (?file=, the file picker, a drop), the
// toolbar, and what the reader is told when a document cannot be read. Everything a web page gets
// (marks, cards, keyboard commands) comes from the same page session (viewer-marks.ts).

const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
const START_ZOOM = 1.25;

interface Elements {
  viewer: HTMLElement;
  scroller: HTMLElement;
  status: HTMLElement;
  pageNumber: HTMLInputElement;
  pageCount: HTMLElement;
  zoomLevel: HTMLElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  download: HTMLButtonElement;
  print: HTMLButtonElement;
  find: FindElements;
  original: HTMLAnchorElement;
  fileInput: HTMLInputElement;
  theme: HTMLButtonElement;
  title: HTMLElement;
}

function elements(doc: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  return {
    viewer: get('viewer'),
    scroller: get('scroller'),
    status: get('status'),
    pageNumber: get<HTMLInputElement>('page-number'),
    pageCount: get('page-count'),
    zoomLevel: get('zoom-level'),
    zoomIn: get<HTMLButtonElement>('zoom-in'),
    zoomOut: get<HTMLButtonElement>('zoom-out'),
    download: get<HTMLButtonElement>('download'),
    print: get<HTMLButtonElement>('print'),
    find: { input: get<HTMLInputElement>('find'), previous: get<HTMLButtonElement>('find-previous'), next: get<HTMLButtonElement>('find-next'), count: get('find-count') },
    original: get<HTMLAnchorElement>('original'),
    fileInput: get<HTMLInputElement>('file-input'),
    theme: get<HTMLButtonElement>('theme'),
    title: get('doc-title'),
  };
}

export function startPdfViewer(doc: Document): void {
  const ui = elements(doc);
  // Marks and cards over the text layers, and the whole document's index, for as long as the page is open.
  const marks = startViewerMarks();
  const find = new FindBar(ui.find);
  let current: { list: PageList; source: PdfSource; lifetime: AbortController } | null = null;
  let zoom = START_ZOOM;

  const say = (message: string, kind: 'info' | 'error' = 'info') => {
    ui.status.textContent = message;
    ui.status.dataset.kind = kind;
    ui.status.hidden = message === '';
  };
  const showOriginal = (url: string | null) => {
    ui.original.hidden = url === null;
    if (url) ui.original.href = url;
  };

  const open = async (load: () => Promise<PdfSource>) => {
    current?.lifetime.abort();
    current = null;
    find.follow(null);
    ui.viewer.replaceChildren();
    ui.download.disabled = true;
    ui.print.disabled = true;
    ui.pageCount.textContent = '0';
    say('Opening the document…');
    let source: PdfSource;
    try {
      source = await load();
    } catch (error) {
      const url = error instanceof SourceError ? error.url : null;
      showOriginal(url);
      return say(error instanceof SourceError ? error.message : 'The document could not be read.', 'error');
    }
    showOriginal(source.url);
    doc.title = `${source.name} · JAK Lens`;
    ui.title.textContent = source.name;
    let opened: OpenedPdf;
    try {
      opened = await openPdf(source.bytes);
    } catch (error) {
      return say(describeOpenFailure(error), 'error');
    }
    const { pdf } = opened;
    const lifetime = new AbortController();
    lifetime.signal.addEventListener('abort', () => opened.close());
    const list = new PageList(ui.viewer, await loadPdfJs(), pdf, zoom, lifetime.signal);
    current = { list, source, lifetime };
    const text = { numPages: pdf.numPages, pageText: async (n: number) => (await (await pdf.getPage(n)).getTextContent()).items };
    find.follow({ text: new DocumentText(text), pages: list });
    ui.download.disabled = false;
    ui.print.disabled = false;
    ui.pageCount.textContent = String(pdf.numPages);
    ui.pageNumber.max = String(pdf.numPages);
    ui.pageNumber.value = '1';
    say('');
    marks.follow({ text, pages: list, signal: lifetime.signal }, (summary) => {
      if (!summary.hasText) say('This PDF has no text layer (a scan, perhaps): there is no text for JAK Lens to read.');
    });
    await list.build();
  };

  // Where the document comes from.
  const url = documentUrlOf(location.href);
  if (url) void open(() => fetchSource(url));
  else say('Open a PDF from this computer, or drop one on this page. It is read here and never leaves this machine.');
  ui.fileInput.addEventListener('change', () => {
    const file = ui.fileInput.files?.[0];
    if (file) void open(() => fileSource(file));
  });
  doc.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  doc.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void open(() => fileSource(file));
  });

  // Toolbar.
  const showZoom = () => (ui.zoomLevel.textContent = `${Math.round(zoom * 100)}%`);
  showZoom();
  const setZoom = (next: number) => {
    zoom = next;
    showZoom();
    current?.list.setScale(zoom);
  };
  ui.zoomIn.addEventListener('click', () => setZoom(ZOOMS.find((z) => z > zoom + 0.001) ?? zoom));
  ui.zoomOut.addEventListener('click', () => setZoom([...ZOOMS].reverse().find((z) => z < zoom - 0.001) ?? zoom));
  ui.pageNumber.addEventListener('change', () => current?.list.goTo(Number(ui.pageNumber.value)));
  let frame = 0;
  ui.scroller.addEventListener('scroll', () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (current && doc.activeElement !== ui.pageNumber) ui.pageNumber.value = String(current.list.currentPage());
    });
  }, { passive: true });
  ui.download.addEventListener('click', () => {
    if (!current) return;
    const link = doc.createElement('a');
    link.href = URL.createObjectURL(new Blob([current.source.bytes as BlobPart], { type: 'application/pdf' }));
    link.download = current.source.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });
  // With "Open PDFs in JAK Lens" on, the original would be sent straight back here: the background
  // first lets this tab's next PDF through. A click that opens another tab is left to the browser.
  ui.original.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const href = ui.original.href;
    void askBackground({ type: 'jak-lens/let-pdf-through' })
      .catch(() => undefined)
      .then(() => location.assign(href));
  });
  // Printing prints every page, so every page is drawn first (a long document takes a moment), on
  // sheets the size of the document's first page. Ctrl/Cmd+P does the same as the button: the
  // browser's own printing would find the pages far from the screen not drawn.
  const sheet = doc.createElement('style');
  doc.head.append(sheet);
  const print = async () => {
    const shown = current;
    if (!shown || ui.print.disabled) return;
    ui.print.disabled = true;
    const count = shown.list.pageCount;
    for (let n = 1; n <= count && current === shown; n++) {
      if (count > 10) say(`Preparing the pages for printing: ${n} of ${count}…`);
      await shown.list.ensureDrawn(n);
    }
    if (current !== shown) return;
    say('');
    ui.print.disabled = false;
    const { width, height } = shown.list.sheetSize;
    sheet.textContent = `@page { size: ${width}pt ${height}pt; margin: 0; }`;
    window.print();
  };
  ui.print.addEventListener('click', () => void print());
  doc.addEventListener('keydown', (event) => {
    if (current && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
      event.preventDefault();
      void print();
    }
  });
  const root = doc.documentElement;
  ui.theme.addEventListener('click', () => {
    const dark = root.dataset.theme ? root.dataset.theme !== 'dark' : !matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'dark' : 'light';
    ui.theme.setAttribute('aria-pressed', String(dark));
  });

}
