import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/src/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/src/settings/settings-store';

export interface SettingsState {
  /** Null until the stored settings have been read. */
  settings: Settings | null;
  /** Fields that could not be read and fell back to their defaults (cleared by the next save). */
  reset: (keyof Settings)[];
  save: (next: Settings) => Promise<void>;
}

/** The stored settings, kept current when another page (or another browser of the profile) changes them. */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [reset, setReset] = useState<(keyof Settings)[]>([]);
  useEffect(() => {
    let live = true;
    void loadSettings().then((read) => {
      // A change seen by the watcher before the first read finished is newer: keep it.
      if (!live) return;
      setSettings((current) => current ?? read.settings);
      setReset(read.reset);
    });
    const unwatch = watchSettings((read) => setSettings(read.settings));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
    setReset([]);
  };
  return { settings, reset, save };
}
