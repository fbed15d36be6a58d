import { storage } from 'wxt/utils/storage';
import { MIGRATIONS, SETTINGS_VERSION, readSettings, type Settings, type SettingsRead } from './settings';
import { SETTINGS_STORAGE_KEY } from './storage-key';

// The only module that touches stored settings.
// Synced across the user's browsers; versioned, so a newer JAK Lens reads an older user's settings.
const item = storage.defineItem<unknown>(`sync:${SETTINGS_STORAGE_KEY}`, { fallback: null, version: SETTINGS_VERSION, migrations: MIGRATIONS });

export async function loadSettings(): Promise<SettingsRead> {
  try {
    return readSettings(await item.getValue());
  } catch {
    return readSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(settings);
}

export function watchSettings(callback: (read: SettingsRead) => void): () => void {
  return item.watch((value) => callback(readSettings(value)));
}
