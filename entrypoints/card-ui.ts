import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardController } from '@/src/card/card-controller';
import { CARD_UI_KEY, type CardUi } from '@/src/card/card-ui-global';

export default defineUnlistedScript(() => {
  const ui: CardUi = { CardController };
  (globalThis as { [CARD_UI_KEY]?: CardUi })[CARD_UI_KEY] = ui;
});
