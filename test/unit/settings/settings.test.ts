import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '@/src/settings/settings';
import { hostMatches, normalizeSitePattern, siteAllowed, withSitePaused } from '@/src/settings/site-rules';

describe('reading stored settings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(readSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
  });

  it('keeps good fields and resets only the bad ones, saying which', () => {
    const read = readSettings({ siteMode: 'only-listed', sites: ['pubmed.ncbi.nlm.nih.gov'], markStyle: 'sparkles', dwellMs: 450 });
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, siteMode: 'only-listed', sites: ['pubmed.ncbi.nlm.nih.gov'], dwellMs: 450 });
    expect(read.reset).toEqual(['markStyle']);
  });

  it('resets a card setting that is out of range or of the wrong shape, and keeps the rest', () => {
    const read = readSettings({ dwellMs: 99999, regulators: ['eu-ec', 'mars-agency'], sections: { selectivity: false }, markStyle: 'tint' });
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'tint' });
    expect(read.reset).toEqual(['sections', 'regulators', 'dwellMs']);
  });

  it('shows every section and every regulator by default, after a dwell of about 300 ms', () => {
    expect(Object.values(DEFAULT_SETTINGS.sections).every(Boolean)).toBe(true);
    expect(DEFAULT_SETTINGS.regulators).toEqual(['us-fda', 'eu-ec', 'jp-mhlw', 'uk-mhra', 'ca-hc', 'cn-nmpa', 'kr-mfds']);
    expect(DEFAULT_SETTINGS.dwellMs).toBe(300);
  });

  it('drops invalid site patterns and reports the list as reset', () => {
    const read = readSettings({ sites: ['ehr.example.org', 'not a host!', 'https://Example.com/path'] });
    expect(read.settings.sites).toEqual(['ehr.example.org', 'example.com']);
    expect(read.reset).toEqual(['sites']);
  });

  it('falls back to defaults entirely for a value that is not an object', () => {
    expect(readSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings([1, 2]).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('site rules', () => {
  it.each([
    ['example.org', 'example.org', true],
    ['example.org', 'www.example.org', true],
    ['example.org', 'badexample.org', false],
    ['*.example.org', 'example.org', false],
    ['*.example.org', 'a.example.org', true],
  ])('%s matches %s: %s', (pattern, host, result) => {
    expect(hostMatches(pattern, host)).toBe(result);
  });

  it('honours a port in the pattern', () => {
    expect(hostMatches('localhost:8080', 'localhost', '8080')).toBe(true);
    expect(hostMatches('localhost:8080', 'localhost', '3000')).toBe(false);
  });

  it('normalizes what a user pastes', () => {
    expect(normalizeSitePattern('  HTTPS://PubMed.ncbi.nlm.nih.gov/12345 ')).toBe('pubmed.ncbi.nlm.nih.gov');
    expect(normalizeSitePattern('exa mple.com')).toBeNull();
    expect(normalizeSitePattern('')).toBeNull();
  });

  it('runs everywhere except listed sites, or only on listed sites', () => {
    expect(siteAllowed('https://ehr.example.org/patient/1', 'all-except', ['ehr.example.org'])).toBe(false);
    expect(siteAllowed('https://pubmed.ncbi.nlm.nih.gov/', 'all-except', ['ehr.example.org'])).toBe(true);
    expect(siteAllowed('https://pubmed.ncbi.nlm.nih.gov/', 'only-listed', ['nih.gov'])).toBe(true);
    expect(siteAllowed('https://news.example.com/', 'only-listed', ['nih.gov'])).toBe(false);
  });
});

describe('pausing a site from the popup', () => {
  it('adds the host to "everywhere except" and removes it again on resume', () => {
    const paused = withSitePaused('all-except', ['ehr.example.org'], 'https://pubmed.ncbi.nlm.nih.gov/123/', true);
    expect(paused).toEqual(['ehr.example.org', 'pubmed.ncbi.nlm.nih.gov']);
    expect(siteAllowed('https://pubmed.ncbi.nlm.nih.gov/9', 'all-except', paused)).toBe(false);
    expect(withSitePaused('all-except', paused, 'https://pubmed.ncbi.nlm.nih.gov/123/', false)).toEqual(['ehr.example.org']);
  });

  it('in "only on these sites", pausing removes every pattern that covers the host', () => {
    const sites = ['ncbi.nlm.nih.gov', 'nejm.org'];
    const paused = withSitePaused('only-listed', sites, 'https://pubmed.ncbi.nlm.nih.gov/1', true);
    expect(paused).toEqual(['nejm.org']);
    expect(siteAllowed('https://pubmed.ncbi.nlm.nih.gov/1', 'only-listed', paused)).toBe(false);
    const resumed = withSitePaused('only-listed', paused, 'https://pubmed.ncbi.nlm.nih.gov/1', false);
    expect(siteAllowed('https://pubmed.ncbi.nlm.nih.gov/1', 'only-listed', resumed)).toBe(true);
  });
});
