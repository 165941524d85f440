import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { FIREFOX_ARGS, FIREFOX_PATH, FIREFOX_PREFS } from './scripts/firefox.mjs';
import { browserControl } from './test/support/browser-control.mjs';
import { djangoProxy, djangoSite } from './test/support/django.mjs';
import { messagesApi, messagesApiCommands } from './test/support/messages-api.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { webkitControl } from './test/support/webkit/control.mjs';
import { webkitLauncher } from './test/support/webkit/launcher.mjs';

/** Chromium: the Background Sync path. A launcher per call: each starts a browser of its own. */
const chromiumLauncher = () =>
  chromeLauncher({
    puppeteer,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
    },
  });

/** Firefox ESR, driven over WebDriver BiDi: no Background Sync, so the fallback path. */
const firefoxLauncher = (prefs = {}) =>
  chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: FIREFOX_ARGS,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    },
  });

const chromium = chromiumLauncher();
const firefox = firefoxLauncher();

/**
 * WebKit (Safari's engine): Debian's WebKitGTK through WebKitWebDriver, no Background Sync either.
 * Its offline is real only inside the network namespace scripts/run-tests.mjs makes (`npm test`).
 */
const webkit = webkitLauncher();

/**
 * The full-disk test's browsers (test/e2e/full-disk.test.ts fills the origin's storage for real),
 * each of its own. Firefox's temporary storage is fixed at 10 MB, all of it the test origin's (an
 * origin may use a fifth of the limit, but never less than 10 MB): every other test would run out
 * of room in it. Chromium takes a 10 MB limit from the test, but its IndexedDB goes on granting,
 * for up to 30 s, the room it last heard of: after other tests, one filled 787 MB past the limit.
 */
const FULL_DISK_BROWSERS = {
  chromium: chromiumLauncher(),
  firefox: firefoxLauncher({ 'dom.quotaManager.temporaryStorage.fixedLimit': 10 * 1024 }),
  webkit,
};

const BROWSERS = { chromium, firefox, webkit };
const names = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((name) => name.trim());
for (const name of names) {
  if (!Object.hasOwn(BROWSERS, name)) throw new Error(`BROWSERS: unknown browser "${name}" (known: ${Object.keys(BROWSERS).join(', ')})`);
}
if (names.includes('webkit') && !process.env.SYNC_NOTIFY_NETNS) {
  console.warn('WebKit skipped: it runs inside the network namespace that scripts/run-tests.mjs makes (`npm test`).');
  names.splice(names.indexOf('webkit'), 1);
  if (!names.length) throw new Error('No browser left to run: start WebKit through `node scripts/run-tests.mjs`.');
}
const selected = names.map((name) => BROWSERS[name]);

const FULL_DISK_TEST = 'test/e2e/full-disk.test.ts';

/**
 * The full-disk test runs in the selected browsers (WebKit says why it skips it); `--group
 * full-disk` runs it alone. Test files named on the command line leave it out, unless they name it.
 */
const namedFiles = process.argv.slice(2).filter((argument) => /\.test\.[jt]s$/.test(argument));
const fullDiskGroup = {
  name: 'full-disk',
  files: [FULL_DISK_TEST],
  browsers: names.map((name) => FULL_DISK_BROWSERS[name]),
};
const groups = !namedFiles.length || namedFiles.some((file) => file.endsWith(FULL_DISK_TEST)) ? [fullDiskGroup] : [];

/**
 * The fixture workers control the test page at `/`, outside their own folder; the element's
 * bundle loads in sandboxed frames, whose opaque origin fetches module scripts with CORS. The
 * dist files are never cached: every page fetches them anew, so that the tests that compare what a
 * page fetched with what the build counted see each fetch (a cached one may not be reported).
 */
function fixtureHeaders(context, next) {
  if (context.path.startsWith('/test/fixtures/') && context.path.endsWith('-sw.js')) {
    context.set('Service-Worker-Allowed', '/');
  }
  if (context.path.startsWith('/dist/')) {
    context.set('Access-Control-Allow-Origin', '*');
    context.set('Cache-Control', 'no-store');
  }
  if (context.path.startsWith('/test/fixtures/trusted-types')) {
    context.set('Content-Security-Policy', `require-trusted-types-for 'script'; ${context.query.policy}`);
  }
  return next();
}

/** `/apps/<name>/…`: a page of one app of several on the origin, each under its own worker's scope. */
function appPages(context, next) {
  if (/^\/apps\/[\w-]+\/$/.test(context.path)) context.path = '/test/fixtures/app-page.html';
  return next();
}

let serverRendered;

/** `/test/ssr/button.html`: the element as Lit SSR renders it from the built package, for the hydration test. */
async function serverRenderedButton(context, next) {
  if (context.path !== '/test/ssr/button.html') return next();
  serverRendered ??= promisify(execFile)(process.execPath, ['test/support/ssr-render.mjs']).then(({ stdout }) => stdout);
  context.type = 'html';
  context.body = await serverRendered;
  return undefined;
}

export default {
  files: ['test/**/*.test.ts', `!${FULL_DISK_TEST}`],
  groups,
  nodeResolve: true,
  browsers: selected,
  // Registrations, permissions and IndexedDB are per origin: one test file at a time in each
  // browser. The three browsers side by side: each has a profile of its own, and WebKit's offline
  // (the namespace's default route) is seen by neither of the others (test/tooling/namespace.test.mjs).
  concurrency: 1,
  concurrentBrowsers: 3,
  middleware: [fixtureHeaders, appPages, messagesApi(), serverRenderedButton, djangoProxy()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    browserControl({ storageLimitGroup: fullDiskGroup.name }),
    webkitControl(),
    messagesApiCommands(),
    djangoSite(),
  ],
  testFramework: { config: { timeout: 20_000 } },
  // Lit's development build (used in tests for its extra checks) announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter()],
};
