/**
 * The suite's own offline switch, `setOffline()`: it must take the service worker offline with the
 * page (the tests of delivery after reconnecting rely on a worker that cannot reach the network
 * while offline), and bring it back with the page.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { setOffline, useHostWorker } from '../support/browser.js';

interface NetworkProbe {
  onLine: boolean;
  onLineAfterFetch: boolean;
  fetched: { status: number } | { error: string };
}

let probes = 0;

/** What the worker sees of the network: its navigator.onLine, and a fetch of its own to the test server. */
function probeWorker(worker: ServiceWorker): Promise<NetworkProbe> {
  const { port1, port2 } = new MessageChannel();
  probes += 1;
  const answer = new Promise<NetworkProbe>((resolve) => {
    port1.onmessage = ({ data }: MessageEvent<NetworkProbe>) => resolve(data);
  });
  worker.postMessage({ type: 'network-probe', url: `/test/fixtures/host-page.html?probe=${Date.now()}-${probes}` }, [port2]);
  return answer.finally(() => port1.close());
}

const reachable = (probe: NetworkProbe) => 'status' in probe.fetched;

describe('the suite’s offline switch', () => {
  const host = useHostWorker({ script: '/test/fixtures/network-probe-sw.js' });

  it('takes the service worker offline with the page, and back online with it', async () => {
    const worker = host.registration.active!;
    const events: string[] = [];
    const hear = ({ type }: Event) => events.push(type);
    addEventListener('offline', hear);
    addEventListener('online', hear);
    const before = await probeWorker(worker);
    await setOffline(true);
    // The page is offline now (setOffline waits for it); the worker may take a moment longer.
    let offline = await probeWorker(worker);
    await waitUntil(
      async () => {
        offline = await probeWorker(worker);
        return !offline.onLine && !reachable(offline);
      },
      undefined,
      { timeout: 5_000 },
    ).catch(() => undefined);
    await setOffline(false);
    let online = await probeWorker(worker);
    await waitUntil(
      async () => {
        online = await probeWorker(worker);
        return online.onLine && reachable(online);
      },
      undefined,
      { timeout: 5_000 },
    ).catch(() => undefined);
    removeEventListener('offline', hear);
    removeEventListener('online', hear);
    console.log(
      `offline switch, the page heard ${events.join(', ')}; the worker saw: before ${JSON.stringify(before)}; offline ${JSON.stringify(offline)}; ` +
        `online again ${JSON.stringify(online)}`,
    );

    expect(before, 'the worker before going offline').to.include({ onLine: true });
    expect(reachable(before), 'the worker’s fetch before going offline').to.equal(true);
    expect(offline.onLine, 'the worker’s navigator.onLine while offline').to.equal(false);
    expect(reachable(offline), 'the worker’s fetch while offline').to.equal(false);
    expect(online.onLine, 'the worker’s navigator.onLine online again').to.equal(true);
    expect(reachable(online), 'the worker’s fetch online again').to.equal(true);
    expect(events, 'the page’s events').to.deep.equal(['offline', 'online']);
  });
});
