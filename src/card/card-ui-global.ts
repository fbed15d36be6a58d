import type { CardController } from './card-controller';

// The card's code (Preact, the positioning library, the card itself) is not in
// the content script every page loads: the background injects it into a frame
// the first time that frame has a mention, and it hands itself over under this key
// in the content script's own isolated world, which page scripts cannot see.

export const CARD_UI_KEY = Symbol.for('jak-lens.card-ui');

export interface CardUi {
  CardController: typeof CardController;
}

export function loadedCardUi(): CardUi | undefined {
  return (globalThis as { [CARD_UI_KEY]?: CardUi })[CARD_UI_KEY];
}
