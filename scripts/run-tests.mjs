/**
 * `npm test`'s browser step: @web/test-runner (arguments passed on), in a network and PID
 * namespace of the run's own (scripts/namespace.mjs says why). Temporary files go to a folder of
 * the run's own, removed at the end.
 *
 * Where no namespace can be made (not root, no `unshare`), WebKit is skipped with the reason, and
 * Chromium and Firefox run as they would without it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { namespaceUnavailable, spawnInNamespace } from './namespace.mjs';

const WEB_TEST_RUNNER = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const DEFAULT_BROWSERS = 'chromium,firefox,webkit';

const browsers = (process.env.BROWSERS ?? DEFAULT_BROWSERS).split(',').map((name) => name.trim());
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sync-notify-test-'));
const env = { ...process.env, TMPDIR: tmp };
const runner = [process.execPath, WEB_TEST_RUNNER, ...process.argv.slice(2)];

const unavailable = namespaceUnavailable();
let child;
if (unavailable) {
  if (browsers.includes('webkit')) {
    console.warn(`\nWebKit skipped: no network namespace for this run: ${unavailable}.`);
    console.warn("WebKit needs one: it goes offline by removing the namespace's default route (unshare, as root).\n");
    env.BROWSERS = browsers.filter((name) => name !== 'webkit').join(',');
    if (!env.BROWSERS) {
      console.error('No other browser selected (BROWSERS): nothing to run.');
      rmSync(tmp, { recursive: true, force: true });
      process.exit(1);
    }
  }
  child = spawn(runner[0], runner.slice(1), { stdio: 'inherit', env });
} else {
  child = spawnInNamespace(runner[0], runner.slice(1), { env });
}

// Ctrl-C reaches the runner too, which stops its browsers and exits: wait for it. A SIGTERM for
// this script ends the namespace at once (--kill-child): nothing started inside outlives it;
// without a namespace, the runner is asked to stop as on Ctrl-C.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill(unavailable ? 'SIGINT' : 'SIGKILL'));

child.on('exit', (code, signal) => {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1));
});
