import { useEffect, useRef } from 'preact/hooks';
import { HIGHLIGHT, highlightCss, highlightsSupported } from '@/src/paint/highlight-painter';
import type { MarkStyle } from '@/src/settings/choices';

const SAMPLE = 'Patients switched from upadacitinib (Rinvoq) to baricitinib were reviewed at week 16.';
const NAMES = ['upadacitinib', 'Rinvoq', 'baricitinib'];

/** A sample sentence marked exactly as pages are: the same highlight and the same styles. */
export function MarkPreview({ style }: { style: MarkStyle }) {
  const text = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const node = text.current?.firstChild;
    if (!node || !highlightsSupported()) return;
    const highlight = new Highlight(
      ...NAMES.map((name) => {
        const range = new Range();
        const at = SAMPLE.indexOf(name);
        range.setStart(node, at);
        range.setEnd(node, at + name.length);
        return range;
      }),
    );
    CSS.highlights.set(HIGHLIGHT, highlight);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(style));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      CSS.highlights.delete(HIGHLIGHT);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [style]);

  return (
    <figure class="preview">
      <figcaption>Preview</figcaption>
      <p ref={text}>{SAMPLE}</p>
    </figure>
  );
}
