// `npm test`: every check in one run, with real counts. Steps run in order; a
// failed build skips the steps that need it. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const started = Date.now();

function run(cmd, args, { capture = false } = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: process.env });
  if (capture && res.stdout) process.stdout.write(res.stdout);
  return { ok: res.status === 0, stdout: res.stdout ?? '' };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(resolve(root, file), 'utf8'));
  } catch {
    return null;
  }
}

/** @type {{ step: string, passed: number, failed: number, skipped?: boolean, seconds: number }[]} */
const rows = [];
function step(name, fn, { needs } = {}) {
  if (needs && !needs()) {
    rows.push({ step: name, passed: 0, failed: 1, skipped: true, seconds: 0 });
    console.log(`\n=== ${name}: skipped (an earlier step it needs failed)`);
    return;
  }
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const { passed, failed } = fn();
  rows.push({ step: name, passed, failed, seconds: (Date.now() - t0) / 1000 });
}
const single = (ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

step('type-check', () => single(run(bin('tsc'), ['--noEmit']).ok));
step('lint', () => single(run(bin('eslint'), ['.']).ok));
step('unit tests', () => {
  rmSync(resolve(root, 'test-results/unit.json'), { force: true });
  const { ok } = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const report = readJson('test-results/unit.json');
  if (!report) return single(false);
  return { passed: report.numPassedTests, failed: report.numFailedTests || (ok ? 0 : 1) };
});
let built = false;
step('build chrome + firefox', () => {
  built = run(bin('wxt'), ['build']).ok && run(bin('wxt'), ['build', '-b', 'firefox']).ok;
  return single(built);
});
step('end-to-end (Chromium)', () => {
  rmSync(resolve(root, 'test-results/e2e.json'), { force: true });
  const { ok } = run(bin('playwright'), ['test']);
  const stats = readJson('test-results/e2e.json')?.stats;
  if (!stats) return single(false);
  const failed = stats.unexpected + stats.flaky;
  return { passed: stats.expected, failed: failed || (ok ? 0 : 1) };
}, { needs: () => built });
step('Firefox smoke', () => {
  const { ok, stdout } = run('node', ['test/firefox/smoke.mjs'], { capture: true });
  const m = /firefox: (\d+) passed, (\d+) failed/.exec(stdout);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) || (ok ? 0 : 1) } : single(false);
}, { needs: () => built });
step('addons-linter (Firefox build)', () => {
  const { ok } = run(bin('addons-linter'), ['--output', 'text', '.output/firefox-mv2']);
  return single(ok);
}, { needs: () => built && existsSync(resolve(root, '.output/firefox-mv2/manifest.json')) });

const total = rows.reduce((acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed }), { passed: 0, failed: 0 });
console.log('\n=== summary');
for (const r of rows) {
  const state = r.skipped ? 'SKIPPED' : r.failed ? 'FAILED ' : 'ok     ';
  console.log(`${state} ${r.step.padEnd(32)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`);
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
