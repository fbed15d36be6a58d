import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The privacy promise is enforced by lint; these cases prove the rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsIn(code: string, filePath = 'src/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the no-network lint rule', () => {
  it.each([
    ['fetch', "export const x = fetch('https://example.org');"],
    ['window.fetch', "export const x = window.fetch('https://example.org');"],
    ['XMLHttpRequest', 'export const x = new XMLHttpRequest();'],
    ['WebSocket', "export const x = new WebSocket('wss://example.org');"],
    ['EventSource', "export const x = new EventSource('/stream');"],
    ['sendBeacon', "navigator.sendBeacon('https://example.org', 'x');"],
    ['remote import', "export const m = import('https://example.org/x.js');"],
    ['script src', "const script = document.createElement('script'); script.src = 'https://example.org/x.js';"],
  ])('forbids %s in src/', async (_name, code) => {
    const problems = await problemsIn(code);
    expect(problems.some((id) => /no-restricted-(globals|syntax|properties)/.test(id))).toBe(true);
  });

  it.each([
    ['innerHTML', "document.body.innerHTML = '<b>x</b>';"],
    ['insertAdjacentHTML', "document.body.insertAdjacentHTML('beforeend', '<b>x</b>');"],
    ['dangerouslySetInnerHTML', "export const x = <div dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />;"],
  ])('forbids HTML injection by %s in src/', async (_name, code) => {
    expect(await problemsIn(code, 'src/example.tsx')).toContain('no-restricted-syntax');
  });

  it('forbids it in entrypoints/ too', async () => {
    expect(await problemsIn("fetch('/x');", 'entrypoints/example.ts')).toContain('no-restricted-globals');
  });

  it('leaves ordinary code alone', async () => {
    expect(await problemsIn('export const sum = (a: number, b: number) => a + b;')).toEqual([]);
  });
});
