/**
 * Test-runner plugin: the `sync-notify:*` server commands of ../browser-control.mjs, for WebKit.
 * WebKitWebDriver has no permission or network commands, so:
 * - permissions: wkbrowser.py is told its answer, then the page asks inside a real WebDriver
 *   click (WebKit asks only from a user gesture);
 * - offline: a dead proxy and no default route (network.mjs); the runner's open websocket stays;
 * - stopping service workers: WebKit offers no way; `sync-notify:capabilities` says so;
 * - private windows: none here (`sync-notify:capabilities` says so too).
 */
import { setWebKitOffline, waitInPage } from './network.mjs';
import { WebKitLauncher } from './launcher.mjs';

/** Sets the browser's answer, then lets the page ask from a click: the only way WebKit asks again. */
async function setNotificationPermission(browser, origin, allow) {
  await browser.control(`perm ${allow ? 'allow' : 'deny'} ${origin}`);
  const wanted = `Notification.permission === '${allow ? 'granted' : 'denied'}'`;
  const { driver } = browser;
  if (await driver.execute(`return ${wanted}`)) return;
  await driver.execute(`
    const button = document.createElement('button');
    button.style.cssText = 'position: fixed; left: 0; top: 0; width: 40px; height: 20px; z-index: 2147483647';
    button.addEventListener('click', () => { button.remove(); Notification.requestPermission(); });
    document.documentElement.append(button);`);
  await driver.performActions([
    {
      type: 'pointer',
      id: 'sync-notify-permission',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, x: 20, y: 10 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await driver.releaseActions();
  await waitInPage(driver, wanted, 5_000);
}

export function webkitControl() {
  return {
    name: 'sync-notify-webkit-control',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sync-notify:') || !(session.browser instanceof WebKitLauncher)) return undefined;
      const browser = session.browser;
      switch (command) {
        case 'sync-notify:capabilities':
          // wkbrowser.py opens a persistent session only (its notes: an ephemeral one refuses notifications).
          return { stopServiceWorkers: false, privateWindow: null };
        case 'sync-notify:permissions': {
          // WebKit knows neither a background-sync nor a persistent-storage permission.
          const origin = new URL(await browser.driver.getUrl()).origin;
          await setNotificationPermission(browser, origin, payload.permissions.includes('notifications'));
          return true;
        }
        case 'sync-notify:offline':
          // WebKit sees a route change 2-4 s later; the test's own wait is shorter, so it is waited for here.
          await setWebKitOffline({ control: (line) => browser.control(line), driver: browser.driver }, payload.offline);
          return true;
        case 'sync-notify:stop-service-workers':
          throw new Error('WebKit cannot stop a service worker on demand (WebKitWebDriver has no such command)');
        case 'sync-notify:hide-and-show': {
          // As a person leaving for the settings and coming back: the window minimized, then restored.
          const { driver } = browser;
          await driver.minimizeWindow();
          await driver.maximizeWindow();
          return true;
        }
        case 'sync-notify:storage-quota':
          // WebKitGTK fixes an origin's share of the disk when the browser starts, for every origin.
          return false;
        case 'sync-notify:throttle-uploads':
          // WebKitWebDriver has no network conditions: the slow-upload test is Chromium's.
          return false;
        case 'sync-notify:forced-colors':
          // WebKitWebDriver has no media emulation: the forced-colours test is skipped here.
          return false;
        default:
          throw new Error(`Unknown command ${command}`);
      }
    },
  };
}
