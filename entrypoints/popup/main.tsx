import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import '@/src/ui/base.css';
import '@/src/card/card.css';
import '@/src/ui/popup/popup.css';

render(<PopupApp />, document.getElementById('app')!);
// The end-to-end suite reads this to print how long the popup takes to open.
performance.mark('jak-lens-popup-ready');
