/**
 * WebKit offline and back: the browser gets a dead proxy (every load and fetch fails, an open
 * websocket stays) and the run's network namespace loses its default route, which is what
 * WebKit's `navigator.onLine` and `online`/`offline` events follow (scripts/namespace.mjs made the
 * namespace; traffic stays on its loopback either way). Used by the tests (control.mjs) and the
 * benchmark (bench/engines.mjs).
 */
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { NAMESPACE_VARIABLE } from '../../../scripts/namespace.mjs';

const run = promisify(execFile);

/** Polls `condition` (JavaScript) in the WebDriver session's page until it is true. */
export async function waitInPage(driver, condition, timeout) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await driver.execute(`return ${condition}`)) return;
    await sleep(50);
  }
  throw new Error(`WebKit: after ${timeout} ms, still not ${condition}`);
}

async function hasDefaultRoute() {
  const { stdout } = await run('ip', ['route', 'show', 'default']);
  return stdout.trim() !== '';
}

/**
 * Takes the run's namespace's default route away, or puts it back: what WebKit's offline changes
 * (fails when it is not there to take away, or already back).
 */
export const changeDefaultRoute = (present) => run('ip', ['route', present ? 'add' : 'del', 'default', 'dev', 'lo']);

/**
 * `control` sends a line to wkbrowser.py; resolves once the page of `driver` sees the change,
 * which WebKit notices 2-4 s after the route changed.
 */
export async function setWebKitOffline({ control, driver }, offline) {
  if (!process.env[NAMESPACE_VARIABLE]) throw new Error('WebKit offline needs the network namespace of scripts/namespace.mjs');
  // The proxy goes dead before the route goes, and comes back before the route: fetches fail
  // whenever the page can see it is offline, and work as soon as it sees it is online.
  if (offline) await control('proxy dead');
  if (offline === (await hasDefaultRoute())) await changeDefaultRoute(!offline);
  if (!offline) await control('proxy none');
  await waitInPage(driver, `navigator.onLine === ${!offline}`, 15_000);
}
