// What a frame's content script tells the popup about itself, without a message: the popup
// reads this key in the extension's isolated world of the tab's top frame (scripting API),
// so frames without a mention never have to touch an extension API to be asked.

export const FRAME_STATE_KEY = Symbol.for('jak-lens.frame-state');

/**
 * watching: the every-frame script has read the page and found no name yet;
 * running: a page session is marking it; opted-out: the page asked to be left alone;
 * pdf: the frame is the browser's own PDF viewer, which no script can read.
 */
export type FrameState = 'watching' | 'running' | 'opted-out' | 'pdf';

export function setFrameState(state: FrameState): void {
  (globalThis as { [FRAME_STATE_KEY]?: FrameState })[FRAME_STATE_KEY] = state;
}
