import { render } from 'preact';
import { CompareApp } from '@/src/ui/compare/CompareApp';
import '@/src/ui/base.css';
import '@/src/ui/compare/compare.css';

render(<CompareApp />, document.getElementById('app')!);
