import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Nothing to do at start yet: the background grows with the popup's messages and the context menu.
});
