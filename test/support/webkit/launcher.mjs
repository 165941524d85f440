/**
 * WebKit for @web/test-runner: Debian's WebKitGTK, driven through WebKitWebDriver on an Xvfb
 * display of its own, with `wkbrowser.py` beside this file as the browser (it can grant
 * notifications and cut the network, which the stock MiniBrowser cannot).
 *
 * Nothing runs until the first test file: then Xvfb, the driver and, through the driver, the
 * browser start, with the browser's storage in a fresh temporary folder. When the runner stops
 * this browser, all of it stops and the folder is removed; if the process ends some other way,
 * an exit handler kills what is left and removes the folder.
 * WEBKIT_DEBUG=1 shows what Xvfb, the driver and the browser print.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const BROWSER = fileURLToPath(new URL('./wkbrowser.py', import.meta.url));
const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const debug = Boolean(process.env.WEBKIT_DEBUG);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Ends a child: SIGTERM, then SIGKILL if it has not exited within `grace` ms. */
async function end(child, grace = 3_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), grace);
  await exited;
  clearTimeout(timer);
}

/** Processes whose command line mentions `text` (the browser is the driver's child, not ours). */
function processesMentioning(text) {
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export class WebKitLauncher extends WebdriverLauncher {
  /** @type {Promise<void> | undefined} */
  #services;
  /** @type {import('node:child_process').ChildProcess[]} */
  #children = [];
  #dataDir = '';
  #controlPort = 0;
  #onExit = () => this.#killNow();

  constructor() {
    super({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'wkbrowser', // what wkbrowser.py reports
        'wdio:enforceWebDriverClassic': true, // without it, session creation fails to match capabilities
      },
    });
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async startSession(id, url) {
    this.#services ??= this.#startServices(new URL(url).origin);
    await this.#services;
    return super.startSession(id, url);
  }

  async stop() {
    await super.stop(); // ends the WebDriver session: the driver closes the browser
    await this.#stopServices();
  }

  /** One command to wkbrowser.py's control port; resolves with its `ok` reply. */
  control(line) {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.#controlPort, '127.0.0.1', () => socket.end(`${line}\n`));
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (reply += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        reply = reply.trim();
        if (reply === 'ok') resolve(reply);
        else reject(new Error(`wkbrowser: ${line}: ${reply || 'no answer'}`));
      });
    });
  }

  /** The test server's origin is known with the first session: it is granted notifications from the start. */
  async #startServices(origin) {
    process.on('exit', this.#onExit);
    this.#dataDir = mkdtempSync(path.join(os.tmpdir(), 'sync-notify-webkit-'));
    this.#controlPort = await freePort();
    const display = await this.#startXvfb();
    const driverPort = await freePort();
    await this.#startDriver(driverPort, display);
    // Read by WebdriverLauncher when it creates the session, in super.startSession.
    this.options.port = driverPort;
    this.options.capabilities['webkitgtk:browserOptions'] = {
      binary: BROWSER, // #!/usr/bin/python3: Debian's python, which has gi
      args: [`--data-dir=${this.#dataDir}`, `--grant=${origin}`, `--control-port=${this.#controlPort}`],
    };
  }

  #spawn(command, args, options = {}) {
    const child = spawn(command, args, { stdio: ['ignore', debug ? 'inherit' : 'ignore', debug ? 'inherit' : 'ignore'], ...options });
    this.#children.push(child);
    return child;
  }

  /** Its own display, also when the run has one: no window opens on a developer's screen. */
  async #startXvfb() {
    // -displayfd: Xvfb picks a free display and writes its number to stdout once it accepts clients.
    const xvfb = this.#spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', debug ? 'inherit' : 'ignore'],
    });
    const [chunk] = await Promise.race([
      once(xvfb.stdout, 'data'),
      once(xvfb, 'exit').then(([code]) => Promise.reject(new Error(`Xvfb exited with ${code}`))),
    ]);
    return `:${String(chunk).trim()}`;
  }

  async #startDriver(port, display) {
    const driver = this.#spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display } });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (driver.exitCode !== null) break;
      const ready = await fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
      if (ready) return;
      await sleep(100);
    }
    throw new Error(`${DRIVER} did not start on port ${port}`);
  }

  async #stopServices() {
    if (!this.#services) return;
    await this.#services.catch(() => undefined);
    for (const child of [...this.#children].reverse()) await end(child); // the driver, then Xvfb
    // The browser (the driver's child) leaves once its session ends, or with its display.
    for (let attempt = 0; attempt < 50 && processesMentioning(this.#dataDir).length; attempt += 1) await sleep(100);
    this.#killNow();
    process.off('exit', this.#onExit);
  }

  /** Synchronous, for the exit handler too: whatever still runs is killed, the data folder removed. */
  #killNow() {
    for (const child of this.#children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!this.#dataDir) return;
    for (const pid of processesMentioning(this.#dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.#dataDir, { recursive: true, force: true });
  }
}

export const webkitLauncher = () => new WebKitLauncher();
