import { describe, expect, it } from 'vitest';
import { canRouteByHeaders, chromeMajorVersion, letThroughRule, mediaTypeOf, redirectRules, shouldOpenInViewer, type ResponseFacts } from '@/src/pdf-routing/routing-policy';

const paper = (change: Partial<ResponseFacts> & { headers?: Record<string, string> } = {}): ResponseFacts => {
  const { headers = { 'Content-Type': 'application/pdf' }, ...rest } = change;
  return {
    url: 'https://journal.example/articles/paper.pdf',
    method: 'GET',
    type: 'main_frame',
    statusCode: 200,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
    ...rest,
  };
};

describe('which responses open in the viewer', () => {
  it('a PDF the browser navigates to, however the site spells its type', () => {
    expect(shouldOpenInViewer(paper())).toBe(true);
    expect(shouldOpenInViewer(paper({ headers: { 'content-type': 'Application/PDF; qs=0.9' } }))).toBe(true);
    expect(shouldOpenInViewer(paper({ url: 'https://journal.example/download?id=7', headers: { 'CONTENT-TYPE': 'application/pdf' } }))).toBe(true);
    expect(shouldOpenInViewer(paper({ headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="paper.pdf"' } }))).toBe(true);
  });

  it('a generic binary type only where the address names a .pdf', () => {
    for (const type of ['application/octet-stream', 'binary/octet-stream', 'application/octet-stream; charset=binary']) {
      expect(shouldOpenInViewer(paper({ headers: { 'content-type': type } })), type).toBe(true);
      expect(shouldOpenInViewer(paper({ url: 'https://journal.example/paper.PDF?download=0', headers: { 'content-type': type } })), type).toBe(true);
      expect(shouldOpenInViewer(paper({ url: 'https://journal.example/archive.zip', headers: { 'content-type': type } })), type).toBe(false);
      expect(shouldOpenInViewer(paper({ url: 'https://journal.example/get?name=paper.pdf', headers: { 'content-type': type } })), type).toBe(false);
    }
  });

  it('never a download, a form’s answer, a frame, a failure or another scheme', () => {
    expect(shouldOpenInViewer(paper({ headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename=paper.pdf' } }))).toBe(false);
    expect(shouldOpenInViewer(paper({ headers: { 'content-type': 'application/pdf', 'Content-Disposition': ' Attachment' } }))).toBe(false);
    expect(shouldOpenInViewer(paper({ method: 'POST' }))).toBe(false);
    expect(shouldOpenInViewer(paper({ type: 'sub_frame' }))).toBe(false);
    expect(shouldOpenInViewer(paper({ type: 'xmlhttprequest' }))).toBe(false);
    expect(shouldOpenInViewer(paper({ statusCode: 404 }))).toBe(false);
    expect(shouldOpenInViewer(paper({ statusCode: 302 }))).toBe(false);
    expect(shouldOpenInViewer(paper({ url: 'ftp://journal.example/paper.pdf' }))).toBe(false);
    expect(shouldOpenInViewer(paper({ url: 'not an address' }))).toBe(false);
  });

  it('not a page, nor a response without a type', () => {
    expect(shouldOpenInViewer(paper({ headers: { 'content-type': 'text/html; charset=utf-8' } }))).toBe(false);
    expect(shouldOpenInViewer(paper({ headers: {} }))).toBe(false);
    expect(shouldOpenInViewer({ ...paper(), responseHeaders: undefined })).toBe(false);
  });

  it('reads a media type without its parameters', () => {
    expect(mediaTypeOf(' Application/PDF ; charset=x')).toBe('application/pdf');
    expect(mediaTypeOf(null)).toBe('');
  });
});

describe('Chrome’s rules', () => {
  const rules = redirectRules('chrome-extension://abc/pdf.html');

  it('send the whole address to the viewer, raw after ?file=', () => {
    for (const rule of rules) {
      expect(rule.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: 'chrome-extension://abc/pdf.html?file=\\0' } });
    }
  });

  it('carry the same policy: top-level GETs, not attachments, the PDF type or a binary type at a .pdf address', () => {
    for (const rule of rules) {
      expect(rule.condition.resourceTypes).toEqual(['main_frame']);
      expect(rule.condition.requestMethods).toEqual(['get']);
      expect(rule.condition.excludedResponseHeaders).toEqual([{ header: 'content-disposition', values: ['attachment*'] }]);
    }
    const [byType, byName] = rules;
    expect(byType!.condition.responseHeaders![0]!.values).toContain('application/pdf');
    expect(byName!.condition.responseHeaders![0]!.values).toEqual(expect.arrayContaining(['application/octet-stream', 'binary/octet-stream;*']));
    // The address pattern the browser applies, tried here with the same regular expression.
    const pdfName = new RegExp(byName!.condition.regexFilter!, 'i');
    expect(pdfName.test('https://journal.example/paper.pdf')).toBe(true);
    expect(pdfName.test('https://journal.example/paper.PDF?x=1#page=2')).toBe(true);
    expect(pdfName.test('https://journal.example/get?name=paper.pdf')).toBe(false);
    expect(pdfName.test('https://journal.example/paper.pdf.html')).toBe(false);
    expect(new RegExp(byType!.condition.regexFilter!).test('file:///home/paper.pdf')).toBe(false);
  });

  it('let one tab through above the redirects', () => {
    const rule = letThroughRule(42);
    expect(rule).toMatchObject({ action: { type: 'allow' }, condition: { tabIds: [42], resourceTypes: ['main_frame'] } });
    expect(rule.priority).toBeGreaterThan(rules[0]!.priority);
    expect(rules.map((r) => r.id)).not.toContain(letThroughRule(0).id);
  });

  it('are used only where Chrome honours response-header conditions (128 and later)', () => {
    const ua = (v: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`;
    expect(chromeMajorVersion(ua(127))).toBe(127);
    expect(canRouteByHeaders(ua(127))).toBe(false);
    expect(canRouteByHeaders(ua(128))).toBe(true);
    expect(canRouteByHeaders('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36')).toBe(true);
    expect(canRouteByHeaders('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(false);
  });
});
