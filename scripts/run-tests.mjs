/**
 * `npm test`'s browser step: @web/test-runner (arguments passed on), in a network namespace of
 * the run's own.
 *
 * WebKit's `navigator.onLine` and `online`/`offline` events follow the default route and nothing
 * else, so its tests go offline by removing that route (test/support/webkit/control.mjs). That is
 * only safe in a namespace of the run's own: loopback only, its default route to `lo`. Chromium
 * counts the network as up only while a link other than loopback is up, so the namespace gets a
 * veth pair too, both ends inside, no address: nothing can leave. A PID namespace comes with it:
 * when the run ends, the kernel ends whatever it started. Temporary files go to a folder of the
 * run's own, removed at the end.
 *
 * Where no namespace can be made (not root, no `unshare`), WebKit is skipped with the reason, and
 * Chromium and Firefox run as they would without it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_TEST_RUNNER = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const DEFAULT_BROWSERS = 'chromium,firefox,webkit';

/** Runs in the new namespaces, then the command given after it; sh stays as their PID 1. */
const NAMESPACE_SETUP = `set -e
ip link set lo up
ip route add default dev lo
ip link add wtr0 type veth peer name wtr1
ip link set wtr0 up
ip link set wtr1 up
"$@"`;

const UNSHARE = ['--net', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', NAMESPACE_SETUP, 'run-tests'];

/** Why this machine cannot give the run a namespace of its own, or undefined when it can. */
function namespaceUnavailable() {
  if (process.getuid?.() !== 0) return 'not root (unshare needs it)';
  const probe = spawnSync('unshare', [...UNSHARE, 'true'], { encoding: 'utf8' });
  if (probe.error) return probe.error.code === 'ENOENT' ? 'unshare is not installed (util-linux)' : `unshare: ${probe.error.message}`;
  if (probe.status !== 0) return `unshare: ${probe.stderr.trim() || `exit ${probe.status}`}`;
  return undefined;
}

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
  env.SYNC_NOTIFY_NETNS = '1';
  child = spawn('unshare', [...UNSHARE, ...runner], { stdio: 'inherit', env });
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
