/**
 * A network and PID namespace of a run's own, for `npm test` (scripts/run-tests.mjs) and
 * `npm run bench` (bench/run.mjs).
 *
 * WebKit's `navigator.onLine` and `online`/`offline` events follow the default route and nothing
 * else, so WebKit goes offline by removing that route (test/support/webkit/network.mjs). That is
 * only safe in a namespace of the run's own: loopback only, its default route to `lo`. Chromium
 * counts the network as up only while a link other than loopback is up, so the namespace gets a
 * veth pair too, both ends inside, link-local addresses only: nothing can leave. A PID namespace
 * comes with it: when the run ends, the kernel ends whatever it started.
 *
 * The network must be settled before the command starts: Chromium fails every request in flight
 * (ERR_NETWORK_CHANGED, seen as "Failed to fetch dynamically imported module") when a link or an
 * address changes. A veth left to itself gets its IPv6 link-local address once duplicate address
 * detection ends, 1 to 2 s after it comes up: just when the first test file loads. And Chromium
 * counts a link without an address as no network. So each veth gets a fixed link-local address
 * at once (no autoconfiguration, no detection), and the command starts once both report carrier.
 */
import { spawn, spawnSync } from 'node:child_process';

/** Set inside the namespace, for the code that needs it (WebKit's offline). */
export const NAMESPACE_VARIABLE = 'SYNC_NOTIFY_NETNS';

/** Runs in the new namespaces, then the command given after it; sh stays as their PID 1. */
const NAMESPACE_SETUP = `set -e
ip link set lo up
ip route add default dev lo
ip link add wtr0 type veth peer name wtr1
ip link set wtr0 addrgenmode none
ip link set wtr1 addrgenmode none
ip -6 address add fe80::1/64 dev wtr0 nodad
ip -6 address add fe80::2/64 dev wtr1 nodad
ip link set wtr0 up
ip link set wtr1 up
tries=0
until ip link show wtr0 | grep -q 'state UP' && ip link show wtr1 | grep -q 'state UP'; do
  tries=$((tries + 1)); [ "$tries" -le 100 ] || { echo 'namespace: the veth pair never came up' >&2; exit 1; }
  sleep 0.05
done
"$@"`;

const UNSHARE = ['--net', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', NAMESPACE_SETUP, 'sync-notify'];

/** Why this machine cannot give a run a namespace of its own, or undefined when it can. */
export function namespaceUnavailable() {
  if (process.getuid?.() !== 0) return 'not root (unshare needs it)';
  const probe = spawnSync('unshare', [...UNSHARE, 'true'], { encoding: 'utf8' });
  if (probe.error) return probe.error.code === 'ENOENT' ? 'unshare is not installed (util-linux)' : `unshare: ${probe.error.message}`;
  if (probe.status !== 0) return `unshare: ${probe.stderr.trim() || `exit ${probe.status}`}`;
  return undefined;
}

/** Starts `command` inside a new namespace; when this process is killed, so is all it started. */
export function spawnInNamespace(command, args, { env = process.env, ...options } = {}) {
  return spawn('unshare', [...UNSHARE, command, ...args], { stdio: 'inherit', ...options, env: { ...env, [NAMESPACE_VARIABLE]: '1' } });
}
