/**
 * What a WebKit session needs besides the WebDriver client: an Xvfb display of its own,
 * WebKitWebDriver on it, and `wkbrowser.py` (beside this file) as the browser, which can grant
 * notifications and cut the network where the stock MiniBrowser cannot. The browser keeps its
 * storage in a fresh temporary folder. Used by the test runner's launcher (launcher.mjs) and by
 * the benchmark (bench/engines.mjs). WEBKIT_DEBUG=1 shows what Xvfb, the driver and the browser print.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const BROWSER = fileURLToPath(new URL('./wkbrowser.py', import.meta.url));
const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const debug = Boolean(process.env.WEBKIT_DEBUG);

/** The WebDriver capabilities of wkbrowser.py, without its options. */
export const WEBKIT_CAPABILITIES = {
  browserName: 'wkbrowser', // what wkbrowser.py reports
  'wdio:enforceWebDriverClassic': true, // without it, session creation fails to match capabilities
};

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

/**
 * Starts Xvfb and the driver, with notifications granted to `origin`. Resolves with the driver's
 * port, the `webkitgtk:browserOptions` capability that starts wkbrowser.py, `control(line)` for
 * wkbrowser.py's control port, and `stop()`, which ends all of it and removes the storage folder
 * (an exit handler does the same if the process ends some other way).
 */
export async function startWebKitServices(origin) {
  const children = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sync-notify-webkit-'));
  const controlPort = await freePort();

  /** Synchronous, for the exit handler too: whatever still runs is killed, the data folder removed. */
  const killNow = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of processesMentioning(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', killNow);

  const start = (command, args, options = {}) => {
    const child = spawn(command, args, { stdio: ['ignore', debug ? 'inherit' : 'ignore', debug ? 'inherit' : 'ignore'], ...options });
    children.push(child);
    return child;
  };

  try {
    // Its own display, also when the run has one: no window opens on a developer's screen.
    // -displayfd: Xvfb picks a free display and writes its number to stdout once it accepts clients.
    const xvfb = start(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', debug ? 'inherit' : 'ignore'],
    });
    const [chunk] = await Promise.race([
      once(xvfb.stdout, 'data'),
      once(xvfb, 'exit').then(([code]) => Promise.reject(new Error(`Xvfb exited with ${code}`))),
    ]);
    const display = `:${String(chunk).trim()}`;

    const port = await freePort();
    const driver = start(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['ignore', debug ? 'inherit' : 'ignore', 'pipe'],
    });
    // The browser is the driver's child and writes to its stderr: what keeps a page from loading
    // is shown in every run, the rest only with WEBKIT_DEBUG.
    readline.createInterface({ input: driver.stderr }).on('line', (line) => {
      if (debug || line.startsWith('[wkbrowser:problem]')) console.error(line);
    });
    let ready = false;
    for (let attempt = 0; attempt < 100 && !ready && driver.exitCode === null; attempt += 1) {
      ready = await fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
      if (!ready) await sleep(100);
    }
    if (!ready) throw new Error(`${DRIVER} did not start on port ${port}`);

    return {
      port,
      browserOptions: {
        binary: BROWSER, // #!/usr/bin/python3: Debian's python, which has gi
        args: [`--data-dir=${dataDir}`, `--grant=${origin}`, `--control-port=${controlPort}`],
      },
      control: (line) => control(controlPort, line),
      async stop() {
        for (const child of [...children].reverse()) await end(child); // the driver, then Xvfb
        // The browser (the driver's child) leaves once its session ends, or with its display.
        for (let attempt = 0; attempt < 50 && processesMentioning(dataDir).length; attempt += 1) await sleep(100);
        killNow();
        process.off('exit', killNow);
      },
    };
  } catch (error) {
    killNow();
    process.off('exit', killNow);
    throw error;
  }
}

/** One command to wkbrowser.py's control port; resolves with its `ok` reply. */
function control(port, line) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(`${line}\n`));
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
