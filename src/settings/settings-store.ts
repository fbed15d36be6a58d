import { storage } from 'wxt/utils/storage';
import { readSettings, type Settings, type SettingsRead } from './settings';

// The only module that touches stored settings. Synced across the user's browsers.
const item = storage.defineItem<unknown>('sync:settings', { fallback: null, version: 1 });

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
