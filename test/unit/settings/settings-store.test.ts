import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsImport } from '@/src/settings/settings';

// The store with WXT's fake browser: what an older or damaged synced value reads as.

async function freshStore(seed?: Record<string, unknown>) {
  fakeBrowser.reset();
  if (seed) await fakeBrowser.storage.sync.set(seed);
  vi.resetModules();
  return import('@/src/settings/settings-store');
}

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults when nothing is stored', async () => {
    const store = await freshStore();
    expect(await store.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
  });

  it('migrate an older version without losing what the user chose', async () => {
    const v1 = { siteMode: 'only-listed', sites: ['pubmed.ncbi.nlm.nih.gov'], markStyle: 'tint' };
    const store = await freshStore({ settings: v1, settings$: { v: 1 } });
    const read = await store.loadSettings();
    expect(read).toEqual({ settings: { ...DEFAULT_SETTINGS, ...v1 }, reset: [] });
    // The migrated value and its new version are written back.
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(raw.settings$).toEqual({ v: 3 });
    expect(raw.settings).toMatchObject({ ...v1, dwellMs: 300, openPdfs: true });
  });

  it('keep a version-2 choice and add opening PDFs in the viewer, on', async () => {
    const v2 = { ...DEFAULT_SETTINGS, markStyle: 'none', dwellMs: 900 } as Record<string, unknown>;
    delete v2.openPdfs;
    const store = await freshStore({ settings: v2, settings$: { v: 2 } });
    expect(await store.loadSettings()).toEqual({ settings: { ...DEFAULT_SETTINGS, markStyle: 'none', dwellMs: 900, openPdfs: true }, reset: [] });
    expect((await fakeBrowser.storage.sync.get('settings$')).settings$).toEqual({ v: 3 });
  });

  it('keep opening PDFs off for a user who turned it off', async () => {
    const store = await freshStore({ settings: { ...DEFAULT_SETTINGS, openPdfs: false }, settings$: { v: 3 } });
    expect((await store.loadSettings()).settings.openPdfs).toBe(false);
  });

  it('fall back to the defaults for a corrupt value, and say which fields were reset', async () => {
    const store = await freshStore({ settings: 'not an object', settings$: { v: 2 } });
    const read = await store.loadSettings();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.reset).toEqual(Object.keys(DEFAULT_SETTINGS));
  });

  it('keep the good fields of a partial or partly damaged value', async () => {
    const store = await freshStore({ settings: { markStyle: 'none', dwellMs: -5 }, settings$: { v: 2 } });
    const read = await store.loadSettings();
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'none' });
    expect(read.reset).toEqual(['dwellMs']);
  });

  it('save and watch through the same validation', async () => {
    const store = await freshStore();
    const seen: unknown[] = [];
    const stop = store.watchSettings((read) => seen.push(read.settings.markStyle));
    await store.saveSettings({ ...DEFAULT_SETTINGS, markStyle: 'tint' });
    await vi.waitFor(() => expect(seen).toEqual(['tint']));
    stop();
    expect((await store.loadSettings()).settings.markStyle).toBe('tint');
  });
});

describe('importing a settings file', () => {
  const good = { ...DEFAULT_SETTINGS, regulators: ['eu-ec'], sites: ['Ehr.Example.org'] };

  it('accepts an exported file', () => {
    const result = parseSettingsImport(exportSettings({ ...DEFAULT_SETTINGS, regulators: ['eu-ec'] }));
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, regulators: ['eu-ec'] } });
  });

  it('normalises site patterns', () => {
    const result = parseSettingsImport(JSON.stringify({ app: 'jak-lens', version: 2, settings: good }));
    expect(result.ok && result.settings.sites).toEqual(['ehr.example.org']);
  });

  it('migrates a file from an older version', () => {
    const result = parseSettingsImport(JSON.stringify({ app: 'jak-lens', version: 1, settings: { siteMode: 'all-except', sites: [], markStyle: 'none' } }));
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, markStyle: 'none' } });
  });

  it.each([
    ['not JSON', '{ nope', 'The file is not valid JSON'],
    ['another app', JSON.stringify({ app: 'other', settings: {} }), 'This is not a JAK Lens settings file'],
    ['no version', JSON.stringify({ app: 'jak-lens', settings: good }), 'no valid "version"'],
    ['a newer version', JSON.stringify({ app: 'jak-lens', version: 9, settings: good }), 'comes from a newer JAK Lens'],
    ['a bad field', JSON.stringify({ app: 'jak-lens', version: 2, settings: { ...good, markStyle: 'glitter' } }), 'The file\'s "markStyle" is not valid'],
    ['a missing field', JSON.stringify({ app: 'jak-lens', version: 2, settings: { ...good, sections: undefined } }), 'The file\'s "sections" is not valid'],
    ['an unknown regulator', JSON.stringify({ app: 'jak-lens', version: 2, settings: { ...good, regulators: ['fda'] } }), 'The file\'s "regulators.0" is not valid'],
    ['a bad site', JSON.stringify({ app: 'jak-lens', version: 2, settings: { ...good, sites: ['not a host!'] } }), 'not a host name'],
  ])('rejects %s with a message that names the problem', (_name, text, message) => {
    const result = parseSettingsImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});
