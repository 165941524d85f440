/**
 * The test run's network namespace (scripts/namespace.mjs), made for real: settled before the
 * command starts. A link or address that changes later makes Chromium fail every request in flight
 * (ERR_NETWORK_CHANGED): the first test file of `npm test` could not be imported when the veths'
 * IPv6 addresses arrived as it loaded. And WebKit's offline, the namespace's default route taken
 * away, goes unseen by Chromium and Firefox: that is what lets the three browsers run side by side
 * (web-test-runner.config.mjs). Needs root and unshare, as `npm test`'s namespace does.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { namespaceUnavailable, spawnInNamespace } from '../../scripts/namespace.mjs';

const unavailable = namespaceUnavailable();

/** What `command` prints, run inside a new namespace. */
async function printedInNamespace(command, args) {
  const child = spawnInNamespace(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, `the namespace's command failed: ${output}`);
  return output;
}

const insideNamespace = (script) => printedInNamespace('sh', ['-c', script]);

describe('the test run’s network namespace', { skip: unavailable && `no namespace here: ${unavailable}` }, () => {
  it('changes no link and no address once the command runs (watched for 3 s)', async () => {
    const changes = await insideNamespace('timeout 3 ip -timestamp monitor link address || [ $? = 124 ]');
    assert.equal(changes, '', 'links or addresses changed after the command started');
  });

  it('has a link besides loopback that is up with an address, which Chromium needs to count itself online', async () => {
    const links = await insideNamespace('ip -brief address show up');
    const others = links.split('\n').filter((line) => line && !line.startsWith('lo '));
    assert.ok(others.length > 0, links);
    for (const line of others) assert.match(line, /\bUP\b.*fe80::/, line);
  });

  it('hides WebKit’s offline from Chromium and Firefox: no event, no failed fetch, still online', async () => {
    const watcher = fileURLToPath(new URL('../support/route-change-watch.mjs', import.meta.url));
    const seen = JSON.parse(await printedInNamespace(process.execPath, [watcher]));
    for (const [browser, page] of Object.entries(seen)) {
      assert.ok(page.fetches > 50, `${browser} fetched ${page.fetches} times: the page's watch never ran`);
      assert.deepEqual({ events: page.events, failedFetches: page.failedFetches, onLine: page.onLine }, { events: [], failedFetches: 0, onLine: true }, browser);
    }
  });
});
