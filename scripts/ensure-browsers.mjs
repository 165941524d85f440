/**
 * Makes sure the browsers the tests drive are installed: Debian's chromium and firefox-esr
 * (no test tool downloads a browser of its own here). Installs them with apt-get when run as root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

const BROWSERS = [
  { executable: CHROMIUM_PATH, debianPackage: 'chromium' },
  { executable: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' },
];

const missing = BROWSERS.filter(({ executable }) => !existsSync(executable));
if (missing.length) {
  const packages = missing.map(({ debianPackage }) => debianPackage);
  if (process.getuid?.() !== 0) {
    console.error(`Missing browsers. Install them first: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from Debian…`);
  const run = (args) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', ...packages]);
}
