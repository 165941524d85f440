/**
 * Makes sure the browsers the tests drive are installed: Debian's chromium and firefox-esr, and
 * for WebKit Debian's WebKitGTK driver, Xvfb and the GObject bindings test/support/webkit/wkbrowser.py
 * runs on (no test tool downloads a browser of its own here). The run's private network namespace
 * needs `ip` and `unshare`. Installs what is missing with apt-get when run as root.
 * Runs before `npm ci` in CI: Node built-ins only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

/** `/usr/bin/python3` on purpose: a python3 earlier on PATH (pyenv) may not see Debian's `gi`. */
const pythonModule = (module) => () => {
  try {
    execFileSync('/usr/bin/python3', ['-c', module], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) => () =>
  ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((folder) => existsSync(`${folder}/${command}`));

/**
 * `webkit`: what only WebKit needs, installed without Debian's recommends (WebKitGTK's would pull
 * in a desktop's worth). Without root, its absence only means WebKit is skipped (run-tests.mjs).
 */
const REQUIREMENTS = [
  { present: () => existsSync(CHROMIUM_PATH), debianPackage: 'chromium' },
  { present: () => existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'), debianPackage: 'firefox-esr' },
  // The server-rendered site every browser's tests use (test/support/django.mjs).
  { present: pythonModule('import django'), debianPackage: 'python3-django' },
  // WebKit (Safari's engine): the WebDriver server, a display, and the bindings of the browser.
  { present: () => existsSync('/usr/bin/WebKitWebDriver'), debianPackage: 'webkit2gtk-driver', webkit: true },
  { present: () => existsSync('/usr/bin/Xvfb'), debianPackage: 'xvfb', webkit: true },
  { present: pythonModule('import gi'), debianPackage: 'python3-gi', webkit: true },
  { present: pythonModule("import gi; gi.require_version('Gtk', '3.0')"), debianPackage: 'gir1.2-gtk-3.0', webkit: true },
  { present: pythonModule("import gi; gi.require_version('WebKit2', '4.1')"), debianPackage: 'gir1.2-webkit2-4.1', webkit: true },
  // The run's own network namespace, which WebKit's offline needs (scripts/run-tests.mjs).
  { present: onPath('ip'), debianPackage: 'iproute2', webkit: true },
  { present: onPath('unshare'), debianPackage: 'util-linux', webkit: true },
];

const packagesOf = (requirements) => [...new Set(requirements.map(({ debianPackage }) => debianPackage))];
const missing = REQUIREMENTS.filter(({ present }) => !present());
const browsers = packagesOf(missing.filter(({ webkit }) => !webkit));
const webkit = packagesOf(missing.filter(({ webkit }) => webkit));

if (missing.length && process.getuid?.() !== 0) {
  if (webkit.length) {
    console.warn(`WebKit will be skipped; to test it, install as root: apt-get install --no-install-recommends ${webkit.join(' ')}`);
  }
  if (browsers.length) {
    console.error(`Missing what the tests need (browsers, Django). Install them first: sudo apt-get install -y ${browsers.join(' ')}`);
    process.exit(1);
  }
} else if (missing.length) {
  console.log(`Installing ${[...browsers, ...webkit].join(', ')} from Debian…`);
  const run = (args) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update', '-qq']);
  if (browsers.length) run(['install', '-y', '-qq', ...browsers]);
  if (webkit.length) run(['install', '-y', '-qq', '--no-install-recommends', ...webkit]);
}
