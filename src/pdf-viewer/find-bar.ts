import { DocumentText, findAll, rangeInTextLayer, type Found } from './find-in-document';
import type { PageList } from './page-list';

// The toolbar's find field: type to find in the whole document, Enter for the next match,
// Shift+Enter for the previous one, Ctrl+F (Cmd+F) to get there; the match shown is painted with
// its own highlight and brought to the middle of the view, drawing its page first if need be.

/** The highlight the current match is painted with (viewer.css styles it). */
export const FIND_HIGHLIGHT = 'jak-lens-find';

export interface FindElements {
  input: HTMLInputElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  count: HTMLElement;
}

export class FindBar {
  private document: { text: DocumentText; pages: PageList } | null = null;
  private query = '';
  private found: Found[] = [];
  private at = -1;
  private searching: Promise<void> | null = null;

  constructor(private readonly ui: FindElements) {
    let typing = 0;
    ui.input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = window.setTimeout(() => void this.search(), 250);
    });
    ui.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(typing);
        void this.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        ui.input.value = '';
        void this.search();
      }
    });
    ui.next.addEventListener('click', () => void this.step(1));
    ui.previous.addEventListener('click', () => void this.step(-1));
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f' && this.document) {
        event.preventDefault();
        ui.input.focus();
        ui.input.select();
      }
    });
  }

  /** A document is shown (null: none). */
  follow(document: { text: DocumentText; pages: PageList } | null): void {
    this.document = document;
    this.query = '';
    this.found = [];
    this.at = -1;
    this.ui.input.disabled = document === null;
    CSS.highlights?.delete(FIND_HIGHLIGHT);
    this.say('');
    if (document && this.ui.input.value.trim()) void this.search();
  }

  /** Searches for what the field holds, then shows the first match from the page being read on. */
  private search(): Promise<void> {
    const run = async () => {
      const shown = this.document;
      const query = this.ui.input.value;
      if (!shown || query.trim() === this.query.trim()) return;
      this.query = query;
      CSS.highlights?.delete(FIND_HIGHLIGHT);
      if (!query.trim()) {
        this.found = [];
        return this.say('');
      }
      this.say('Searching…');
      const found = findAll(await shown.text.all(), query);
      if (this.document !== shown || this.ui.input.value !== query) return;
      this.found = found;
      const reading = shown.pages.currentPage();
      this.at = Math.max(0, found.findIndex((f) => f.page >= reading)) - 1;
      if (found.length === 0) return this.say('No match');
      await this.step(1);
    };
    this.searching = (this.searching ?? Promise.resolve()).then(run, run);
    return this.searching;
  }

  private async step(by: 1 | -1): Promise<void> {
    if (this.ui.input.value.trim() !== this.query.trim()) return this.search();
    const shown = this.document;
    if (!shown || this.found.length === 0) return;
    this.at = (this.at + by + this.found.length) % this.found.length;
    const match = this.found[this.at]!;
    this.say(`${this.at + 1} of ${this.found.length}`);
    await shown.pages.ensureDrawn(match.page);
    if (this.document !== shown || this.found[this.at] !== match) return;
    const layer = document.querySelector(`.page[data-page-number="${match.page}"] .textLayer`);
    const range = layer && rangeInTextLayer(layer, match.start, match.end);
    if (!range) return;
    CSS.highlights?.set(FIND_HIGHLIGHT, new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }

  private say(message: string): void {
    this.ui.count.textContent = message;
  }
}
