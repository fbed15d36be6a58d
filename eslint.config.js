import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// JAK Lens makes no network requests: these are the ways code could make one.
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: 'JAK Lens makes no network requests (README, Privacy).',
}));
const NETWORK_SYNTAX = [
  {
    selector: "MemberExpression[property.name='sendBeacon']",
    message: 'JAK Lens makes no network requests (README, Privacy).',
  },
  {
    selector: "MemberExpression[property.name=/^(fetch|XMLHttpRequest|WebSocket|EventSource)$/]",
    message: 'JAK Lens makes no network requests (README, Privacy).',
  },
  {
    selector: "ImportExpression[source.type='Literal'][source.value=/^(https?:)?\\/\\//]",
    message: 'No remote code: everything JAK Lens runs ships inside it.',
  },
  {
    selector: "ImportDeclaration[source.value=/^(https?:)?\\/\\//]",
    message: 'No remote code: everything JAK Lens runs ships inside it.',
  },
  {
    selector: "CallExpression[callee.name='importScripts']",
    message: 'No remote code: everything JAK Lens runs ships inside it.',
  },
  {
    selector: "AssignmentExpression[left.property.name='src'][left.object.name=/script/i]",
    message: 'No remote code: JAK Lens never loads scripts at run time.',
  },
  {
    selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
    message: 'No code from strings.',
  },
  // Text from pages and from the dataset is shown as text, never parsed as markup.
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render text as text: no HTML from the page or the dataset.',
  },
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]",
    message: 'Render text as text: no HTML from the page or the dataset.',
  },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly',
        URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off', // Playwright fixtures take `{}` on purpose.
    },
  },
  {
    files: ['src/**', 'entrypoints/**'],
    rules: {
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-syntax': ['error', ...NETWORK_SYNTAX],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'JAK Lens makes no network requests.' },
      ],
    },
  },
);
