/**
 * A real server-rendered site for the browser tests: the Django project in ./django-site/, started
 * by the test run (`djangoSite()`, a test-runner plugin, which also carries the `django:*` server
 * commands) and served on the test page's own origin under /django/ (`djangoProxy()`, a middleware
 * of the runner's server), so that framed pages and the service worker send its forms with the
 * session cookie, as on a site of one origin.
 *
 * Django runs as Debian packages it (python3-django 3.2) under /usr/bin/python3: a python3 earlier
 * on PATH (pyenv) does not see Debian's packages.
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SITE_DIR = fileURLToPath(new URL('./django-site/', import.meta.url));
const PREFIX = '/django/';
/** What to do, when Django's output says it is missing (`ENOENT`: no /usr/bin/python3 either). */
const installHint = (output) =>
  /No module named '?django|ENOENT/.test(output)
    ? ' Install Debian\'s Django, as root: apt-get install -y python3-django (`node scripts/ensure-browsers.mjs` does it).'
    : '';
/** Django's error log lines carry it (django-site/site_config/log_format.py): printed as they come. */
const ERROR_LINE_PREFIX = '[django-site] ';
const KEPT_LINES = 60;
const START_TIMEOUT_MS = 30_000;
/** A connection silent this long either way is stuck (a browser gone mid-upload): it would hold one of the 8 for good. */
const IDLE_CONNECTION_MS = 30_000;

/**
 * Hop-by-hop headers (RFC 9110, 7.6.1) describe one connection, not the message: each side of
 * the proxy has its own. The body's framing (Content-Length, chunked) stays with the request,
 * whose body is forwarded byte for byte; Node frames the response it writes itself.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade']);
const withoutHopByHop = (headers, alsoDrop = []) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !alsoDrop.includes(name)));

/**
 * Every connection to Django, the proxy's and the commands': runserver listens with a backlog of
 * 10 (Django's WSGIServer.request_queue_size), and a burst of more connections than it accepts at
 * once overflows it, which the kernel answers with resets (seen with 300 uploads at once). So at
 * most 8 at a time, the rest waiting here, as a reverse proxy caps its upstream (nginx's max_conns);
 * each ends with its request, since runserver holds a thread for every idle connection.
 */
const djangoConnections = new http.Agent({ keepAlive: false, maxSockets: 8 });

/** The running site, once `serverStart` began it: { port, token, stop() }. */
let starting;

/** The last lines Django wrote, for a failure to show; its error reports are printed at once. */
function outputKeeper() {
  const lines = [];
  let partial = '';
  const keep = (chunk) => {
    const text = partial + chunk;
    const complete = text.split('\n');
    partial = complete.pop();
    for (const line of complete) {
      if (line.startsWith(ERROR_LINE_PREFIX)) console.error(line);
      lines.push(line);
    }
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  return { keep, tail: () => [...lines, partial].filter(Boolean).join('\n') };
}

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

function migrate(env) {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, ['manage.py', 'migrate', '--noinput'], { cwd: SITE_DIR, env }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const output = `${stdout}${stderr}`.trim().split('\n').slice(-KEPT_LINES).join('\n');
      reject(new Error(`Django's migrate failed (${error.code ?? error.message}).${installHint(`${error.code} ${output}`)}\n${output}`));
    });
  });
}

/** One request to Django itself, from Node: resolves with its status, headers and body text. */
function requestDjango(port, { method = 'GET', path: requestPath, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: requestPath, headers, agent: djangoConnections }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Resolves once Django answers its login page; rejects with its output if it ends or never answers. */
async function answering(port, child, output) {
  let giveUp;
  const failed = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(`ended (${signal ?? `exit ${code}`})`));
    giveUp = setTimeout(() => resolve(`did not answer within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
  });
  let decided = false;
  const probe = async () => {
    while (!decided) {
      const status = await requestDjango(port, { path: `${PREFIX}accounts/login/` }).then(({ status }) => status, () => undefined);
      if (status === 200) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  };
  const reason = await Promise.race([probe(), failed]);
  decided = true;
  clearTimeout(giveUp);
  if (reason) {
    child.kill('SIGKILL');
    throw new Error(`Django's runserver ${reason} on 127.0.0.1:${port}.${installHint(output.tail())}\n${output.tail()}`);
  }
}

async function startSite() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'django-site-'));
  const token = randomUUID();
  const env = {
    ...process.env,
    DJANGO_SITE_DATA_DIR: dataDir,
    DJANGO_SITE_TEST_HOOK_TOKEN: token,
    // No __pycache__ folders in the repository's test/support/.
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
  };
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    await migrate(env);
  } catch (error) {
    removeData();
    throw error;
  }
  const port = await freePort();
  const output = outputKeeper();
  // stdin stays open as long as this process lives: Django ends when it closes (site_config/apps.py).
  const child = spawn(PYTHON, ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload'], {
    cwd: SITE_DIR,
    env: { ...env, DJANGO_SITE_EXIT_WITH_STDIN: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', output.keep);
  child.stderr.setEncoding('utf8').on('data', output.keep);
  // The runner may exit without stopping its plugins (Ctrl-C): nothing of the site outlives it.
  const endWithRunner = () => {
    child.kill('SIGKILL');
    removeData();
  };
  process.on('exit', endWithRunner);
  try {
    await answering(port, child, output);
  } catch (error) {
    process.off('exit', endWithRunner);
    removeData();
    throw error;
  }
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`Django's runserver ended during the run (${signal ?? `exit ${code}`}):\n${output.tail()}`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killLater = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killLater);
    }
    process.off('exit', endWithRunner);
    removeData();
  };
  return { port, token, stop };
}

/** Calls one of the site's test hooks (django-site/site_config/test_hooks.py) and returns its JSON. */
async function callHook(method, hook, fields = {}) {
  if (!starting) throw new Error('The django:* commands need the site djangoSite() starts');
  const { port, token } = await starting;
  const query = new URLSearchParams(fields).toString();
  const post = method === 'POST';
  const { status, text } = await requestDjango(port, {
    method,
    path: `${PREFIX}test-hooks/${hook}${!post && query ? `?${query}` : ''}`,
    headers: { 'X-Test-Hook': token, ...(post ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: post ? query : undefined,
  });
  if (status !== 200) throw new Error(`Django test hook ${hook} answered ${status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Test-runner plugin: starts the site with the run's server and stops it with it; the `django:*` commands. */
export function djangoSite() {
  return {
    name: 'django-site',
    async serverStart() {
      starting = startSite();
      await starting;
    },
    async serverStop() {
      const site = await starting?.catch(() => undefined);
      await site?.stop();
    },
    executeCommand({ command, payload }) {
      const { username = '', on = false } = payload ?? {};
      switch (command) {
        case 'django:create-user':
          return callHook('POST', 'users');
        case 'django:end-sessions':
          return callHook('POST', 'end-sessions', { username });
        case 'django:messages':
          return callHook('GET', 'messages', { username });
        case 'django:posts':
          return callHook('GET', 'posts', { username });
        case 'django:maintenance':
          return callHook('POST', 'maintenance', { on: on ? '1' : '0', username });
        default:
          return undefined;
      }
    },
  };
}

/**
 * Koa middleware: forwards every request under /django/ to the site as it came (method, path and
 * query, headers with Host unchanged, the body streamed) and sends back what Django answered as
 * it is: status (a redirect is the browser's to follow), headers (every Set-Cookie), body streamed.
 */
export function djangoProxy() {
  return async function djangoProxy(context, next) {
    if (!context.path.startsWith(PREFIX)) return next();
    if (!starting) throw new Error('djangoProxy() forwards to the site djangoSite() starts: add that plugin too');
    const { port } = await starting;
    const upstream = http.request({
      host: '127.0.0.1',
      port,
      method: context.method,
      path: context.url,
      // Node's server has already answered an Expect: 100-continue itself.
      headers: withoutHopByHop(context.req.headers, ['expect']),
      agent: djangoConnections,
    });
    upstream.setTimeout(IDLE_CONNECTION_MS, () => upstream.destroy(new Error(`no data either way for ${IDLE_CONNECTION_MS / 1000} s`)));
    const answered = new Promise((resolve, reject) => {
      upstream.once('response', resolve);
      upstream.on('error', reject);
    });
    // Its failure is seen as the upstream request's: an upload cut short ends it, and Django may
    // answer before reading the whole body (a 503, a redirect to the login page).
    pipeline(context.req, upstream).catch(() => undefined);
    let response;
    try {
      response = await answered;
    } catch (error) {
      context.status = 502;
      context.body = `Django did not answer: ${error.message}`;
      return undefined;
    }
    // Koa's own reply would set its type, length and default status: this reply is Django's.
    context.respond = false;
    context.status = response.statusCode;
    context.res.writeHead(response.statusCode, response.statusMessage, withoutHopByHop(response.headers, ['transfer-encoding']));
    await pipeline(response, context.res).catch(() => undefined);
    return undefined;
  };
}
