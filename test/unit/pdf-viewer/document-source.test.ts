import { describe, expect, it } from 'vitest';
import { describeOpenFailure, fetchSource, fileNameOf, looksLikePdf } from '@/src/pdf-viewer/document-source';

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%…');

describe('the document', () => {
  it('is saved under the last part of its path, ending in .pdf', () => {
    expect(fileNameOf('https://x.example/docs/olumiant-epar.pdf?download=1')).toBe('olumiant-epar.pdf');
    expect(fileNameOf('https://x.example/docs/label%20v2')).toBe('label v2.pdf');
    expect(fileNameOf('https://x.example/')).toBe('document.pdf');
  });

  it('is recognised by its header, even after a little junk', () => {
    expect(looksLikePdf(pdfBytes)).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('\n\n%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<!doctype html><p>Sign in'))).toBe(false);
  });

  it('is fetched with the site’s cookies; each way it can fail gets a sentence a reader understands', async () => {
    let init: RequestInit | undefined;
    const ok = await fetchSource('https://x.example/a.pdf', (async (_url: string, i?: RequestInit) => {
      init = i;
      return new Response(pdfBytes, { status: 200 });
    }) as typeof fetch);
    expect(init?.credentials).toBe('include');
    expect(ok.name).toBe('a.pdf');
    expect(ok.url).toBe('https://x.example/a.pdf');
    await expect(fetchSource('https://x.example/a.pdf', (async () => new Response('no', { status: 403, statusText: 'Forbidden' })) as typeof fetch)).rejects.toThrow(
      'The site answered 403 Forbidden instead of the document.',
    );
    await expect(fetchSource('https://x.example/a.pdf', (async () => new Response('<html>')) as typeof fetch)).rejects.toThrow('This address does not lead to a PDF.');
    await expect(
      fetchSource('https://x.example/a.pdf', (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch),
    ).rejects.toThrow('The document could not be fetched');
  });

  it('that pdf.js cannot open is explained by what went wrong, never by pdf.js’s own words', () => {
    expect(describeOpenFailure({ name: 'PasswordException', message: 'No password given' })).toContain('protected by a password');
    expect(describeOpenFailure({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toBe('This PDF is damaged and cannot be read.');
    expect(describeOpenFailure(new Error('xref'))).toBe('This PDF could not be read.');
  });
});
