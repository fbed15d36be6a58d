import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import '@/src/ui/base.css';

render(<OptionsApp />, document.getElementById('app')!);
