// `npm test`: every check in one run, with real counts. Steps run in order; a
// failed build skips the steps that need it. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const started = Date.now();

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return { ok: res.status === 0 };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(resolve(root, file), 'utf8'));
  } catch {
    return null;
  }
}

/** Every end-to-end test's outcome, from Playwright's JSON report. */
function e2eResults(report) {
  const out = [];
  const walk = (suite) => {
    for (const child of suite.suites ?? []) walk(child);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const last = t.results?.at(-1);
        out.push({
          project: t.projectName,
          title: `[${t.projectName}] ${spec.file}:${spec.line} ${spec.title}`,
          ok: t.status === 'expected' || t.status === 'skipped',
          seconds: (last?.duration ?? 0) / 1000,
          timeout: (report.config?.projects?.find((p) => p.name === t.projectName)?.timeout ?? 30_000) / 1000,
        });
      }
    }
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

/** Unit tests' durations, from vitest's JSON report. */
function unitResults(report) {
  return (report?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).map((a) => ({
      title: `${file.name.replace(`${root}/`, '')} ${a.fullName}`,
      seconds: (a.duration ?? 0) / 1000,
      timeout: 5,
    })),
  );
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
step('end-to-end (Chromium + Firefox)', () => {
  rmSync(resolve(root, 'test-results/e2e.json'), { force: true });
  const { ok } = run(bin('playwright'), ['test']);
  const report = readJson('test-results/e2e.json');
  if (!report?.stats) return single(false);
  const byBrowser = new Map();
  for (const t of e2eResults(report)) {
    const counts = byBrowser.get(t.project) ?? { passed: 0, failed: 0 };
    if (t.ok) counts.passed++;
    else counts.failed++;
    byBrowser.set(t.project, counts);
  }
  for (const [project, c] of byBrowser) console.log(`  ${project}: ${c.passed} passed, ${c.failed} failed`);
  const failed = report.stats.unexpected + report.stats.flaky;
  return { passed: report.stats.expected, failed: failed || (ok ? 0 : 1) };
}, { needs: () => built });
step('addons-linter (Firefox build)', () => {
  const { ok } = run(bin('addons-linter'), ['--output', 'text', '.output/firefox-mv2']);
  return single(ok);
}, { needs: () => built && existsSync(resolve(root, '.output/firefox-mv2/manifest.json')) });

// Tests that take over 10 s (a third of the end-to-end timeout) fail at random on a busy machine
// long before they time out when idle: list them so creeping slowness shows before it breaks CI.
const SLOW_SECONDS = 10;
const slow = [...e2eResults(readJson('test-results/e2e.json') ?? {}), ...unitResults(readJson('test-results/unit.json'))]
  .filter((t) => t.seconds > SLOW_SECONDS)
  .sort((a, b) => b.seconds - a.seconds);
console.log(`\n=== slow tests (over ${SLOW_SECONDS} s)`);
if (slow.length === 0) console.log('none');
for (const t of slow) console.log(`${t.seconds.toFixed(1).padStart(5)} s of ${t.timeout} s  ${t.title}`);

const total = rows.reduce((acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed }), { passed: 0, failed: 0 });
console.log('\n=== summary');
for (const r of rows) {
  const state = r.skipped ? 'SKIPPED' : r.failed ? 'FAILED ' : 'ok     ';
  console.log(`${state} ${r.step.padEnd(32)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`);
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
