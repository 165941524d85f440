/**
 * Run inside a namespace of scripts/namespace.mjs (test/tooling/namespace.test.mjs does): opens a
 * page in headless Chromium and in Firefox, as the tests start them, takes the namespace's default
 * route away and back as WebKit's offline does (test/support/webkit/network.mjs), and prints, as
 * JSON per browser, what each page saw meanwhile: its online/offline events, failed fetches of a
 * fetch every 50 ms, and navigator.onLine at the end.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { FIREFOX_ARGS, FIREFOX_PATH, FIREFOX_PREFS } from '../../scripts/firefox.mjs';
import { changeDefaultRoute } from './webkit/network.mjs';

/** WebKit sees a route change 2-4 s after it: each browser is watched longer than that, both ways. */
const WATCH_MS = 5_000;

const server = http.createServer((request, response) => response.end('<!doctype html><title>route watch</title>'));
await new Promise((resolve) => server.listen(0, 'localhost', resolve));
const page = `http://localhost:${server.address().port}/`;

const browsers = await Promise.all([
  puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS }),
  puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, args: FIREFOX_ARGS, extraPrefsFirefox: FIREFOX_PREFS }),
]);
try {
  const pages = await Promise.all(
    browsers.map(async (browser) => {
      const tab = await browser.newPage();
      await tab.goto(page);
      await tab.evaluate(() => {
        const seen = (window.seen = { events: [], failedFetches: 0, fetches: 0 });
        for (const type of ['online', 'offline']) addEventListener(type, () => seen.events.push(type));
        setInterval(() => fetch(`/?${seen.fetches++}`).catch(() => seen.failedFetches++), 50);
      });
      return tab;
    }),
  );
  await changeDefaultRoute(false);
  await sleep(WATCH_MS);
  await changeDefaultRoute(true);
  await sleep(WATCH_MS);
  const report = {};
  for (const [index, name] of ['chromium', 'firefox'].entries()) {
    report[name] = await pages[index].evaluate(() => ({ ...window.seen, onLine: navigator.onLine }));
  }
  console.log(JSON.stringify(report));
} finally {
  await Promise.all(browsers.map((browser) => browser.close()));
  server.close();
}
