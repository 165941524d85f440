/**
 * Drives a form whose session ends while it waits, on the test suite's real Django site, in
 * headless Chromium, and saves what the person sees (docs/api-calls.md): the element saying the
 * session ended (docs/form-session-ended.png), then, signed in again on a site without owners, the
 * form's page offering what was typed back (docs/form-put-back.png). Run after `npm run build`.
 */
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { djangoProxy, djangoSite } from '../test/support/django.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const PORT = 8091;
const ORIGIN = `http://localhost:${PORT}`;
const CONTACT = '/django/contact/?owner=none';
const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** The site's own service worker, with the one line: at the root, so that it serves /django/. */
function siteWorker(context, next) {
  if (context.path !== '/sw.js') return next();
  context.type = 'js';
  context.body = "importScripts('/dist/sync-notify-api-sw.js');";
  return undefined;
}

const site = djangoSite();
const server = await startDevServer({
  config: { rootDir: '.', port: PORT, hostname: 'localhost', nodeResolve: false, watch: false, middleware: [siteWorker, djangoProxy()], plugins: [site] },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
try {
  const user = await site.executeCommand({ command: 'django:create-user' });
  await browser.defaultBrowserContext().overridePermissions(ORIGIN, ['notifications', 'background-sync']);
  const page = await browser.newPage();
  await page.setViewport({ width: 640, height: 900, deviceScaleFactor: 1 });

  const signIn = async () => {
    await page.goto(`${ORIGIN}/django/accounts/login/?next=${encodeURIComponent(CONTACT)}`);
    await page.type('#id_username', user.username);
    await page.type('#id_password', user.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  };
  const element = () => page.waitForFunction(() => document.querySelector('sync-notify-button')?.shadowRoot);
  const shadowText = (part) => page.evaluate((name) => document.querySelector('sync-notify-button').shadowRoot.querySelector(`[part="${name}"]`)?.textContent.trim(), part);

  await signIn();
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await new Promise((resolve) => (registration.active ? resolve() : registration.installing.addEventListener('statechange', (event) => event.target.state === 'activated' && resolve())));
  });
  await page.reload();
  await element();
  await page.type('#id_email', 'ada@example.com');
  await page.type('#id_subject', 'Order 12');
  await page.type('#id_message', 'Where is my order? It was due on Monday.');

  // Offline, page and worker; queued; then the session ends on the server while the form waits.
  const worker = await browser.waitForTarget((target) => target.type() === 'service_worker');
  const workerNetwork = await worker.createCDPSession();
  await page.emulateNetworkConditions(null);
  await page.setOfflineMode(true);
  await workerNetwork.send('Network.emulateNetworkConditions', OFFLINE);
  await page.evaluate(() => document.querySelector('sync-notify-button').shadowRoot.querySelector('button').click());
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('state') === 'queued');
  await site.executeCommand({ command: 'django:end-sessions', payload: { username: user.username } });
  await page.setOfflineMode(false);
  await workerNetwork.send('Network.emulateNetworkConditions', { ...OFFLINE, offline: false });
  await page.waitForFunction(() => document.querySelector('sync-notify-button').getAttribute('reason') === 'not-accepted');
  await (await page.$('main')).screenshot({ path: 'docs/form-session-ended.png' });
  console.log(`docs/form-session-ended.png written: "${await shadowText('error')}"`);

  await signIn();
  await element();
  await page.waitForFunction(() => document.querySelector('sync-notify-button').shadowRoot.querySelector('[part="put-back"]'));
  await (await page.$('main')).screenshot({ path: 'docs/form-put-back.png' });
  console.log(`docs/form-put-back.png written: "${await shadowText('kept')}"`);
} finally {
  await browser.close();
  await server.stop();
  await site.serverStop();
}
