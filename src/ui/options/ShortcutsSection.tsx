import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** Where the browser lets a user change extension shortcuts. */
async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The keyboard commands as the browser has them now (the user may have changed them). */
export function ShortcutsSection() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setShortcuts(all.filter((c) => c.name && c.description).map((c) => ({ name: c.name!, description: c.description!, shortcut: c.shortcut ?? '' }))));
  }, []);
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keyboard</h2>
      <ul class="shortcuts">
        {shortcuts.map((c) => (
          <li key={c.name}>
            <kbd>{c.shortcut || 'not set'}</kbd> {c.description}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void openShortcutSettings()}>
        Change shortcuts in the browser’s settings
      </button>
    </section>
  );
}
