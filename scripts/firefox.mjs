/** How the tests and the benchmark start Debian's Firefox ESR (puppeteer-core, WebDriver BiDi). */

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const FIREFOX_PREFS = {
  // Notifications granted to every page: Firefox ESR has no per-origin grant over BiDi.
  'permissions.default.desktop-notification': 1,
  // Without it, showNotification fails headless with NS_ERROR_FAILURE.
  'alerts.useSystemBackend': false,
};
