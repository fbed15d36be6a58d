import type { SiteMode } from './choices';

// Where JAK Lens runs, as host patterns a clinician can type: "example.org"
// (that host and its subdomains), "*.example.org" (subdomains only), or
// "localhost:8080" (a host with a port).

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;


/** Lower-cases and trims a pattern, dropping a scheme or path pasted with it; null if it is not a host pattern. */
export function normalizeSitePattern(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/.*$/, '');
  if (!s || !HOST.test(s)) return null;
  return s;
}

export function hostMatches(pattern: string, host: string, port = ''): boolean {
  const [patternHost, patternPort] = pattern.split(':') as [string, string | undefined];
  if (patternPort !== undefined && patternPort !== port) return false;
  const h = host.toLowerCase();
  if (patternHost.startsWith('*.')) return h.endsWith(patternHost.slice(1));
  return h === patternHost || h.endsWith(`.${patternHost}`);
}

/** Whether JAK Lens should run on `url` under the given rule. */
export function siteAllowed(url: string, mode: SiteMode, sites: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return mode === 'all-except';
  }
  const listed = sites.some((pattern) => hostMatches(pattern, parsed.hostname, parsed.port));
  return mode === 'all-except' ? !listed : listed;
}

/**
 * The sites list after pausing (or resuming) JAK Lens on the host of `url`,
 * under either mode: in "everywhere except" the host joins the list, in "only
 * on" it leaves it. Resuming undoes whichever applies.
 */
export function withSitePaused(mode: SiteMode, sites: readonly string[], url: string, paused: boolean): string[] {
  const { hostname, port } = new URL(url);
  const host = hostname.toLowerCase();
  const matching = (pattern: string) => hostMatches(pattern, host, port);
  const without = sites.filter((p) => !matching(p));
  const addHost = (list: string[]) => (list.includes(host) ? list : [...list, host]);
  if (mode === 'all-except') return paused ? addHost([...sites]) : without;
  return paused ? without : addHost([...sites]);
}
