/**
 * Drives the demo as a person would, in headless Chromium, and saves the README's pictures: one
 * notification online, then two more and a chat message offline (docs/demo.png), then back
 * online (docs/demo-back-online.png). Run after `npm run build`: `npm run screenshot`.
 */
import { spawn } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const PORT = 8090;
const DEMO = `http://localhost:${PORT}/demo/`;
const NETWORK = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

const server = spawn(process.execPath, ['scripts/serve-demo.mjs'], { env: { ...process.env, PORT: String(PORT) } });
await new Promise((resolve) => server.stdout.on('data', (chunk) => chunk.includes('demo:') && resolve()));

const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_FLAGS,
});
try {
  const context = browser.defaultBrowserContext();
  await context.overridePermissions(new URL(DEMO).origin, ['notifications', 'background-sync']);
  const page = await browser.newPage();
  await page.setViewport({ width: 760, height: 1000, deviceScaleFactor: 1 });
  await page.goto(DEMO);
  await page.evaluate(() => navigator.serviceWorker.ready);

  const click = () => page.evaluate(() => document.querySelector('#notify').shadowRoot.querySelector('button').click());
  const state = () => page.evaluate(() => document.querySelector('#notify').getAttribute('state'));
  const serverMessages = () => page.evaluate(() => document.querySelectorAll('#server-messages li').length);

  await click();
  await page.waitForFunction(() => document.querySelector('#notify').getAttribute('state') === 'sent');

  const worker = browser.targets().find((target) => target.type() === 'service_worker');
  const workerCdp = await worker.createCDPSession();
  const setOffline = async (offline) => {
    await page.emulateNetworkConditions(null);
    await page.setOfflineMode(offline);
    await workerCdp.send('Network.emulateNetworkConditions', { offline, ...NETWORK });
  };
  await setOffline(true);
  await click();
  await page.waitForFunction(() => document.querySelector('#notify').getAttribute('state') === 'queued');
  await click();
  await page.type('#chat-text', 'Hello from a train without signal');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#notify').getAttribute('pending') === '3');
  await page.screenshot({ path: 'docs/demo.png' });
  console.log(`docs/demo.png written (offline: state ${await state()}, server has ${await serverMessages()} chat messages)`);

  await setOffline(false);
  await page.waitForFunction(() => document.querySelector('#notify').getAttribute('pending') === '0');
  await page.waitForFunction(() => document.querySelectorAll('#server-messages li').length === 1);
  const shown = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length);
  await page.screenshot({ path: 'docs/demo-back-online.png' });
  console.log(`back online: ${shown} notifications shown, state ${await state()}, server has ${await serverMessages()} chat message`);
} finally {
  await browser.close();
  server.kill();
}
