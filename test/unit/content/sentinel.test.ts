// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSentinel } from '@/src/content/sentinel';
import { matchableNames } from '@/src/data/names';
import { Probe } from '@/src/match/probe';
import { FRAME_STATE_KEY } from '@/src/messaging/frame-state';
import { shimDomForScanner } from '../support/dom-shims';

// The every-frame script: it wakes the page session when, and only when, the page's text may
// name a drug, now or after an edit, and until then it touches no extension API at all.

beforeAll(shimDomForScanner);

const probe = new Probe(matchableNames().map((n) => n.text));
const frameState = () => (globalThis as Record<symbol, unknown>)[FRAME_STATE_KEY];
let stop: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  document.head.innerHTML = '';
  // Any touch of the extension API namespace would show up here.
  Object.defineProperty(globalThis, 'chrome', { configurable: true, get: () => expect.fail('the sentinel touched the chrome namespace') });
});

afterEach(() => {
  stop();
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.useRealTimers();
});

/** Lets the sentinel's observer deliver and its frame callback run. */
async function nextFrame(): Promise<void> {
  await Promise.resolve();
  vi.advanceTimersToNextFrame();
}

function watch(html: string) {
  document.body.innerHTML = html;
  const wake = vi.fn();
  stop = startSentinel(document, { probe: () => probe, wake });
  return wake;
}

describe('the every-frame script', () => {
  it('wakes the session at once when the page may name a drug, split by markup or not', () => {
    expect(watch('<p>Treated with <b>Xel</b>janz.</p>')).toHaveBeenCalledOnce();
    expect(watch('<p>Oral upadacitinib.</p>')).toHaveBeenCalledOnce();
  });

  it('stays asleep on a page without a name, and touches no extension API', async () => {
    const wake = watch('<p>Dupilumab and tralokinumab for atopic dermatitis; ritlecitinib for alopecia.</p>');
    await nextFrame();
    expect(wake).not.toHaveBeenCalled();
    expect(frameState()).toBe('watching');
  });

  it('wakes when an edit or new content brings a name, once', async () => {
    const wake = watch('<p id="p">Nothing yet.</p><div id="feed"></div>');
    (document.getElementById('p')!.firstChild as Text).data = 'Still nothing.';
    await nextFrame();
    expect(wake).not.toHaveBeenCalled();
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<article><p>New: <i>Rin</i>voq approved.</p></article>');
    await nextFrame();
    expect(wake).toHaveBeenCalledOnce();
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<p>And Olumiant.</p>');
    await nextFrame();
    expect(wake).toHaveBeenCalledOnce();
  });

  it('wakes when an edit completes a name in text split across a block', async () => {
    const wake = watch('<p>Take <b id="b">Xel</b><span id="s">xxx</span> daily.</p>');
    (document.getElementById('s')!.firstChild as Text).data = 'janz';
    await nextFrame();
    expect(wake).toHaveBeenCalledOnce();
  });

  it('reads a long page in slices, letting the page run between them, and still finds a name at its end', async () => {
    const filler = '<p>Atopic dermatitis is a chronic, relapsing inflammatory skin disease of children and adults. </p>'.repeat(2000);
    // A clock that moves 3 ms each time it is read, so the first read of the page outlasts one slice.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 3));
    const wake = watch(`${filler}<p>Switched to Rinvoq.</p>`);
    expect(wake).not.toHaveBeenCalled();
    now.mockRestore();
    await vi.waitFor(() => expect(wake).toHaveBeenCalledOnce());
  });

  it('stops reading a long page when stopped between slices', async () => {
    const filler = '<p>Atopic dermatitis is a chronic, relapsing inflammatory skin disease of children and adults. </p>'.repeat(2000);
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 3));
    const wake = watch(`${filler}<p>Switched to Rinvoq.</p>`);
    now.mockRestore();
    stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(wake).not.toHaveBeenCalled();
  });

  it('looks inside the open shadow roots of web components', () => {
    document.body.innerHTML = '<x-label></x-label>';
    document.querySelector('x-label')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Cibinqo</p>';
    // happy-dom has no XPath: list the custom element the way the browser's query would.
    (document as { evaluate: unknown }).evaluate = () => ({ snapshotLength: 1, snapshotItem: () => document.querySelector('x-label') });
    const wake = vi.fn();
    stop = startSentinel(document, { probe: () => probe, wake });
    expect(wake).toHaveBeenCalledOnce();
    shimDomForScanner();
  });

  it('builds no automaton for a frame with no text (about:blank, an image ad), until text arrives', async () => {
    document.body.innerHTML = '<img alt="" src="data:,">';
    const factory = vi.fn(() => probe);
    const wake = vi.fn();
    stop = startSentinel(document, { probe: factory, wake });
    expect(factory).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<p>Now with Rinvoq.</p>');
    await nextFrame();
    expect(factory).toHaveBeenCalled();
    expect(wake).toHaveBeenCalledOnce();
  });

  it('leaves a page that opts out alone, and says so', async () => {
    document.head.innerHTML = '<meta name="jak-lens" content="off">';
    const wake = watch('<p>Rinvoq.</p>');
    await nextFrame();
    expect(wake).not.toHaveBeenCalled();
    expect(frameState()).toBe('opted-out');
  });
});
