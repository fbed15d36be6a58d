import { describe, expect, it } from 'vitest';
import { documentUrlOf, looksLikePdfAddress, viewerUrlFor } from '@/src/messaging/pdf-viewer-url';

const BASE = 'chrome-extension://abcdefghijklmnop/';

describe('the viewer address of a document', () => {
  it('carries the document address there and back, its own query and fragment included', () => {
    for (const url of ['https://journal.example/article/123.pdf', 'https://x.example/get?id=4&type=pdf#page=2', 'file:///home/me/label.pdf']) {
      const viewer = viewerUrlFor(BASE, url);
      expect(viewer.startsWith(`${BASE}pdf.html?file=`)).toBe(true);
      expect(documentUrlOf(viewer)).toBe(url);
    }
  });

  it('also reads an address appended as it is (the form a browser redirect produces)', () => {
    expect(documentUrlOf(`${BASE}pdf.html?file=https://x.example/a.pdf?x=1&y=2`)).toBe('https://x.example/a.pdf?x=1&y=2');
  });

  it('refuses what is not a web or file address', () => {
    expect(documentUrlOf(`${BASE}pdf.html`)).toBeNull();
    expect(documentUrlOf(`${BASE}pdf.html?file=javascript%3Aalert(1)`)).toBeNull();
    expect(documentUrlOf(`${BASE}pdf.html?file=data:application/pdf;base64,JVBERi0=`)).toBeNull();
    expect(documentUrlOf(`${BASE}pdf.html?file=%E0%A4%A`)).toBeNull();
  });

  it('guesses a PDF from an address whose path ends in .pdf, not from its query', () => {
    expect(looksLikePdfAddress('https://x.example/Label.PDF')).toBe(true);
    expect(looksLikePdfAddress('https://x.example/view?file=a.pdf')).toBe(false);
    expect(looksLikePdfAddress('not an address')).toBe(false);
  });
});
