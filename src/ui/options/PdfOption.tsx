import { chromeMajorVersion, FIRST_CHROME_WITH_HEADER_RULES } from '@/src/pdf-routing/routing-policy';

/** A Chrome too old to tell a PDF by its headers (Firefox's user agent names no Chrome). */
function routingUnavailable(): boolean {
  const version = chromeMajorVersion(navigator.userAgent);
  return version !== null && version < FIRST_CHROME_WITH_HEADER_RULES;
}

export function PdfOption({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <section aria-labelledby="pdf-heading">
      <h2 id="pdf-heading">PDFs</h2>
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
        Open PDFs in JAK Lens’s viewer, so the names in them are marked too
      </label>
      <p class="muted">
        A PDF you open from a web page is shown in JAK Lens’s own viewer instead of the browser’s; the viewer’s “Open in the browser’s viewer” takes you
        back in one click. Downloads a site sends as attachments and the answers to forms you submit are left alone. When this is off, the toolbar button
        offers to open the PDF you are reading in JAK Lens.
      </p>
      {routingUnavailable() && (
        <p class="notice">
          This browser is older than Chrome {FIRST_CHROME_WITH_HEADER_RULES} and cannot tell a PDF by its type, so PDFs open in its own viewer; the toolbar
          button still offers JAK Lens’s.
        </p>
      )}
    </section>
  );
}
