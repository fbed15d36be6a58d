import { describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/src/background/start-background';

/** The parts of the extension API the background uses, recorded. */
function fakeBrowser() {
  const listeners: { message?: (m: unknown) => unknown; command?: (c: string) => void } = {};
  const sendMessage = vi.fn(() => Promise.resolve(true));
  const api = {
    runtime: { onMessage: { addListener: (fn: (m: unknown) => unknown) => (listeners.message = fn) } },
    commands: { onCommand: { addListener: (fn: (c: string) => void) => (listeners.command = fn) } },
    tabs: { query: vi.fn(() => Promise.resolve([{ id: 7 }])), sendMessage },
  };
  startBackground(api as unknown as Parameters<typeof startBackground>[0]);
  return { listeners, sendMessage };
}

describe('the background', () => {
  it('answers a card-data request with that drug and the sources it cites', async () => {
    const { listeners } = fakeBrowser();
    const data = (await listeners.message!({ type: 'jak-lens/card-data', drugId: 'baricitinib' })) as { drug: { id: string }; sources: { id: string }[] };
    expect(data.drug.id).toBe('baricitinib');
    expect(data.sources.length).toBeGreaterThan(0);
  });

  it('ignores messages it does not know, or with an unknown drug', () => {
    const { listeners } = fakeBrowser();
    expect(listeners.message!({ type: 'jak-lens/card-data', drugId: 'deuruxolitinib' })).toBeUndefined();
    expect(listeners.message!('hello')).toBeUndefined();
  });

  it('turns the keyboard commands into next/previous messages to the top frame of the active tab', async () => {
    const { listeners, sendMessage } = fakeBrowser();
    listeners.command!('next-mention');
    listeners.command!('previous-mention');
    listeners.command!('something-else');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage.mock.calls).toEqual([
      [7, { type: 'jak-lens/navigate', direction: 'next' }, { frameId: 0 }],
      [7, { type: 'jak-lens/navigate', direction: 'previous' }, { frameId: 0 }],
    ]);
  });
});
