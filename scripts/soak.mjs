// `npm run soak`: builds the extension with its census (WXT_CENSUS=1, into .output/census) and
// runs the soak test against that build. See test/soak/session.soak.ts.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const built = run(bin('wxt'), ['build'], { WXT_CENSUS: '1' });
if (built !== 0) process.exit(built);
process.exit(run(bin('playwright'), ['test', '-c', 'test/soak/playwright.config.ts', ...process.argv.slice(2)]));
