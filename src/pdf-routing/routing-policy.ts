// Which documents the browser hands to JAK Lens's viewer instead of its own, written once and used
// two ways: as a decision on a response's headers (Firefox's blocking webRequest listener) and as
// declarativeNetRequest rules the browser evaluates itself (Chrome). Both follow one policy:
//  - a top-level GET over http(s) whose Content-Type is application/pdf, or a generic binary type
//    (application/octet-stream, binary/octet-stream) at an address whose path ends in .pdf;
//  - never a response sent as an attachment (the site, or the reader, asked for a download);
//  - never a POST's answer (it cannot be fetched again without sending the form again).

/** The generic binary types servers send PDFs as when they do not say what a file is. */
const OCTET_STREAMS = ['application/octet-stream', 'binary/octet-stream'];

export interface HeaderLine {
  name: string;
  value?: string;
}

/** What the browser knows of a response when its headers arrive. */
export interface ResponseFacts {
  url: string;
  method: string;
  /** main_frame, sub_frame, xmlhttprequest... */
  type: string;
  statusCode: number;
  responseHeaders?: HeaderLine[];
}

function header(headers: HeaderLine[] | undefined, name: string): string | null {
  const line = headers?.find((h) => h.name.toLowerCase() === name);
  return line?.value ?? null;
}

/** A media type without its parameters, lower-cased ("Application/PDF; qs=1" -> "application/pdf"). */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function pathEndsInPdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname);
}

/** The policy above, on the facts of one response. */
export function shouldOpenInViewer(response: ResponseFacts): boolean {
  if (response.type !== 'main_frame' || response.method.toUpperCase() !== 'GET') return false;
  if (response.statusCode < 200 || response.statusCode > 299) return false;
  let url: URL;
  try {
    url = new URL(response.url);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const disposition = (header(response.responseHeaders, 'content-disposition') ?? '').trim().toLowerCase();
  if (disposition.startsWith('attachment')) return false;
  const type = mediaTypeOf(header(response.responseHeaders, 'content-type'));
  return type === 'application/pdf' || (OCTET_STREAMS.includes(type) && pathEndsInPdf(url));
}

// --- Chrome: the same policy as declarativeNetRequest rules -------------------------------------

/** The parts of chrome.declarativeNetRequest.Rule these rules use. */
export interface RoutingRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: {
    regexFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    resourceTypes: 'main_frame'[];
    requestMethods?: 'get'[];
    tabIds?: number[];
    responseHeaders?: { header: string; values: string[] }[];
    excludedResponseHeaders?: { header: string; values: string[] }[];
  };
}

/** The dynamic rules' ids: one per branch of the policy. */
export const PDF_RULE_IDS = { pdfType: 1, octetStreamPdfName: 2 } as const;

/** Values are matched case-insensitively, '*' standing for any characters. */
const NOT_AN_ATTACHMENT = [{ header: 'content-disposition', values: ['attachment*'] }];

/**
 * The redirect rules, given the viewer page's address (runtime.getURL('/pdf.html')). A rule can only
 * append the document's address as it is, so the viewer reads it raw after "?file=" (see
 * messaging/pdf-viewer-url.ts).
 */
export function redirectRules(viewerPage: string): RoutingRule[] {
  const toViewer = { type: 'redirect' as const, redirect: { regexSubstitution: `${viewerPage}?file=\\0` } };
  const base = { resourceTypes: ['main_frame' as const], requestMethods: ['get' as const], excludedResponseHeaders: NOT_AN_ATTACHMENT };
  return [
    {
      id: PDF_RULE_IDS.pdfType,
      priority: 1,
      action: toViewer,
      condition: { ...base, regexFilter: '^https?://.*', responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*', 'application/pdf *'] }] },
    },
    {
      id: PDF_RULE_IDS.octetStreamPdfName,
      priority: 1,
      action: toViewer,
      condition: {
        ...base,
        // The path ends in .pdf: before any query or fragment.
        regexFilter: '^https?://[^?#]*\\.pdf([?#].*)?$',
        isUrlFilterCaseSensitive: false,
        responseHeaders: [{ header: 'content-type', values: OCTET_STREAMS.flatMap((t) => [t, `${t};*`, `${t} *`]) }],
      },
    },
  ];
}

/**
 * "Open in the browser's viewer": a session rule that lets this tab's next document through
 * unredirected, ranked above the redirects. Its id is kept clear of the dynamic rules' ids.
 */
export function letThroughRule(tabId: number): RoutingRule {
  return { id: letThroughRuleId(tabId), priority: 2, action: { type: 'allow' }, condition: { resourceTypes: ['main_frame'], tabIds: [tabId] } };
}

export function letThroughRuleId(tabId: number): number {
  return 1000 + tabId;
}

/** Chrome evaluates response-header conditions from version 128; earlier versions do not know them. */
export const FIRST_CHROME_WITH_HEADER_RULES = 128;

/** The Chrome (or Chromium-based) major version in a user-agent string, or null. */
export function chromeMajorVersion(userAgent: string): number | null {
  const found = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  return found ? Number(found[1]) : null;
}

export function canRouteByHeaders(userAgent: string): boolean {
  return (chromeMajorVersion(userAgent) ?? 0) >= FIRST_CHROME_WITH_HEADER_RULES;
}
