/**
 * Drives the demo as a person would, in headless Chromium, and saves docs/demo.png for the
 * README: one click online, then two offline. Run after `npm run build`: `npm run screenshot`.
 */
import { spawn } from 'node:child_process';
import puppeteer from 'puppeteer-core';

const PORT = 8090;
const DEMO = `http://localhost:${PORT}/demo/`;
const NETWORK = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

const server = spawn(process.execPath, ['scripts/serve-demo.mjs'], { env: { ...process.env, PORT: String(PORT) } });
await new Promise((resolve) => server.stdout.on('data', (chunk) => chunk.includes('demo:') && resolve()));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = browser.defaultBrowserContext();
  await context.overridePermissions(new URL(DEMO).origin, ['notifications', 'background-sync']);
  const page = await browser.newPage();
  await page.setViewport({ width: 760, height: 620, deviceScaleFactor: 1 });
  await page.goto(DEMO);
  await page.evaluate(() => navigator.serviceWorker.ready);

  const click = () => page.evaluate(() => document.querySelector('sync-notify-button').shadowRoot.querySelector('button').click());
  const state = () => page.evaluate(() => document.querySelector('sync-notify-button').getAttribute('state'));

  await click();
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('state') === 'sent');

  const worker = browser.targets().find((target) => target.type() === 'service_worker');
  const workerCdp = await worker.createCDPSession();
  const setOffline = async (offline) => {
    await page.emulateNetworkConditions(null);
    await page.setOfflineMode(offline);
    await workerCdp.send('Network.emulateNetworkConditions', { offline, ...NETWORK });
  };
  await setOffline(true);
  await click();
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('state') === 'queued');
  await click();
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('pending') === '2');
  await page.screenshot({ path: 'docs/demo.png' });
  console.log(`docs/demo.png written (element state: ${await state()})`);

  await setOffline(false);
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('pending') === '0');
  const shown = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length);
  console.log(`back online: ${shown} notifications shown, state ${await state()}`);
} finally {
  await browser.close();
  server.kill();
}
