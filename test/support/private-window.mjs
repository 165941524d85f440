/**
 * Real private windows beside the test page, for `sync-notify:private-window` (browser-control.mjs):
 * - Chromium: an incognito browser context of the running browser (`createBrowserContext()`), an
 *   off-the-record profile whose storage lives in memory and ends with the context;
 * - Firefox: a second Firefox ESR in permanent private browsing (`browser.privatebrowsing.autostart`),
 *   on a profile kept for the test session. Over WebDriver BiDi a running Firefox opens no private
 *   window: its user contexts are containers, stored on disk like any other.
 *
 * Every window a session opens starts from a closed one's leftovers, if the browser keeps any: a
 * new incognito context of the same browser, a new private session of the same Firefox profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIREFOX_ARGS, FIREFOX_PATH, FIREFOX_PREFS } from '../../scripts/firefox.mjs';

/** Open windows by id: the page, and how to end the private session it belongs to. */
const windows = new Map();
/** Firefox profiles by test session: a new private session of the same profile follows a closed one. */
const firefoxProfiles = new Map();
let nextId = 1;

async function openIncognito(testPage, permissions, setPermissions) {
  const context = await testPage.browser().createBrowserContext();
  if (permissions) await setPermissions(context, permissions);
  return { page: await context.newPage(), end: () => context.close() };
}

async function openFirefoxPrivate(sessionId, permissions) {
  if (!firefoxProfiles.has(sessionId)) firefoxProfiles.set(sessionId, mkdtempSync(path.join(os.tmpdir(), 'sync-notify-private-')));
  const prefs = { ...FIREFOX_PREFS, 'browser.privatebrowsing.autostart': true };
  // BiDi's setPermission does not reach private browsing (Notification.permission stayed as the
  // default said): the default it is, set at launch. Notifications are the one that matters here.
  if (permissions) prefs['permissions.default.desktop-notification'] = permissions.includes('notifications') ? 1 : 2;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: FIREFOX_ARGS,
    userDataDir: firefoxProfiles.get(sessionId),
    extraPrefsFirefox: prefs,
  });
  try {
    return { page: await browser.newPage(), end: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens `url` in a new private window, waits for its page's `privatePage.ready` (the fixture's
 * worker registered), and resolves with the window's id. `permissions` replace the origin's, as
 * `sync-notify:permissions` does; without them the window keeps the browser's own (in Firefox,
 * FIREFOX_PREFS: notifications granted).
 */
export async function openPrivateWindow({ testPage, sessionId, chromium, url, permissions, setPermissions }) {
  const opened = chromium
    ? await openIncognito(testPage, permissions, setPermissions)
    : await openFirefoxPrivate(sessionId, permissions);
  const id = nextId++;
  windows.set(id, opened);
  try {
    await opened.page.goto(url);
    await opened.page.waitForFunction(() => window.privatePage !== undefined, { timeout: 10_000 });
    if (!(await opened.page.evaluate(() => window.privatePage.ready))) throw new Error(`${url}: its service worker never activated`);
  } catch (error) {
    await closePrivateWindow(id);
    throw error;
  }
  return { id };
}

export function privateWindow(id) {
  const opened = windows.get(id);
  if (!opened) throw new Error(`No private window ${id} is open`);
  return opened.page;
}

/** Calls `privatePage[name](...args)` in the window's page and resolves with what it returned. */
export const callPrivatePage = (id, name, args = []) =>
  privateWindow(id).evaluate((name, args) => window.privatePage[name](...args), name, args);

/** Closes the window, and with it its private session: Chromium's context, Firefox's browser. */
export async function closePrivateWindow(id) {
  const opened = windows.get(id);
  if (!opened) return;
  windows.delete(id);
  await opened.end();
}

/** Whatever a failed test left open, then the Firefox profiles: at the end of the run. */
export async function closeAllPrivateWindows() {
  for (const id of [...windows.keys()]) await closePrivateWindow(id).catch(() => undefined);
  for (const profile of firefoxProfiles.values()) rmSync(profile, { recursive: true, force: true });
  firefoxProfiles.clear();
}
