/**
 * The package from a CDN, as the README's three lines and docs/security.md say, in headless Chromium:
 * the `jsdelivr` and `unpkg` fields, the pinned snippet (its CDN answered locally with the dist file),
 * and what a browser allows a service worker that would import the worker's file from another
 * origin (127.0.0.1 plays the site, localhost the CDN: two origins, both secure contexts).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { DOC_FILES, markdown, snippet } from '../support/readme.mjs';
import { launchChromium, renderedButton } from '../support/static-site.mjs';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8'));
const SIZES = JSON.parse(await readFile(new URL('dist/sizes.json', ROOT), 'utf8'));
const WORKER = await readFile(new URL('dist/sync-notify-sw.js', ROOT));
const DOCS = (await Promise.all(DOC_FILES.map(markdown))).join('\n');
const CDN_PAGE = await snippet('cdn.html');
const PINNED_PAGE = await snippet('pinned-cdn.html');

/** A server on `host` answering `handler(url)` with `{ body, headers }`, or 404 when it returns nothing. */
async function serve(host, handler) {
  const server = createServer((request, response) => {
    const answer = handler(new URL(request.url, 'http://x'));
    if (!answer) return response.writeHead(404).end();
    response.writeHead(200, answer.headers);
    response.end(answer.body);
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return { origin: `http://${host}:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const JS = { 'content-type': 'text/javascript' };
const CORS = { 'access-control-allow-origin': '*' };

let browser, cdn, site, siteWorkers;

before(async () => {
  browser = await launchChromium();
  // The CDN: the worker's dist file, with the CORS header that jsDelivr and unpkg send, or without.
  cdn = await serve('localhost', (url) => ({ body: WORKER, headers: url.searchParams.has('no-cors') ? JS : { ...JS, ...CORS } }));
  const gone = await serve('localhost', () => undefined);
  await gone.close(); // a CDN that cannot be reached
  siteWorkers = {
    'classic.js': { body: `importScripts('${cdn.origin}/sync-notify-sw.js?no-cors');` },
    'classic-csp.js': {
      body: `importScripts('${cdn.origin}/sync-notify-sw.js?no-cors');`,
      headers: { 'content-security-policy': "script-src 'self'" },
    },
    'classic-unreachable.js': { body: `importScripts('${gone.origin}/sync-notify-sw.js');` },
    'module-cors.js': { body: `import '${cdn.origin}/sync-notify-sw.js';` },
    'module-no-cors.js': { body: `import '${cdn.origin}/sync-notify-sw.js?no-cors';` },
  };
  site = await serve('127.0.0.1', (url) => {
    if (url.pathname === '/cdn.html') return { body: CDN_PAGE, headers: { 'content-type': 'text/html' } };
    if (url.pathname === '/pinned-cdn.html') return { body: pinnedPage(), headers: { 'content-type': 'text/html' } };
    if (url.pathname === '/blank.html') return { body: '<!doctype html>', headers: { 'content-type': 'text/html' } };
    const worker = siteWorkers[url.pathname.slice(1)];
    return worker && { body: worker.body, headers: { ...JS, ...worker.headers } };
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await site?.close();
});

test('package.json: jsdelivr and unpkg name dist/sync-notify-button.js; the docs pin the CDN URLs to its version', () => {
  assert.equal(pkg.jsdelivr, 'dist/sync-notify-button.js');
  assert.equal(pkg.unpkg, 'dist/sync-notify-button.js');
  assert.ok(pkg.files.includes('dist'));
  const urls = [...DOCS.matchAll(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/sync-notify-button@([^/\s`"]+)/g)];
  assert.ok(urls.length >= 4, 'the docs name both CDNs');
  assert.deepEqual(new Set(urls.map(([, version]) => version)), new Set([pkg.version]));
  // A page file loaded by its full path: from the package's bare URL, jsDelivr answers in place,
  // and the chunks it imports, relative to that URL, would be looked for outside dist/.
  const scriptSources = [...DOCS.matchAll(/<script[^>]*\bsrc="(https:\/\/[^"]*sync-notify-button@[^"]*)"/g)].map(([, src]) => src);
  assert.ok(scriptSources.length >= 3, 'the docs load the page files from a CDN');
  assert.deepEqual(scriptSources.filter((src) => !/\/dist\/sync-notify-[\w-]+\.js$/.test(src)), []);
});

test('the README\'s CDN snippet (cdn.html): a module script from another origin, with the CDN\'s CORS header, defines and renders the element', async () => {
  const cdnHosts = new Set(['cdn.jsdelivr.net', 'unpkg.com']);
  const folder = `/npm/sync-notify-button@${pkg.version}/dist/`;
  const fetched = [];
  const answer = async (cors) => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', async (request) => {
      const url = new URL(request.url());
      if (!cdnHosts.has(url.hostname)) return request.continue();
      // The CDN answers every file of the package's dist/, as jsDelivr and unpkg do.
      assert.ok(url.pathname.startsWith(folder), `${url.pathname} is in the package's dist/`);
      fetched.push(url.pathname.slice(folder.length));
      const body = await readFile(new URL(`dist/${url.pathname.slice(folder.length)}`, ROOT));
      return request.respond({ status: 200, headers: cors ? { ...JS, ...CORS } : JS, body });
    });
    return page;
  };
  const withCors = await renderedButton(browser, `${site.origin}/cdn.html`, await answer(true));
  assert.deepEqual(withCors, { defined: true, button: true, slot: true, errors: [] });
  // The element's file and the chunks it imports, from the same folder of the same CDN, each once.
  assert.deepEqual(fetched.sort(), SIZES.pages['dist/sync-notify-button.js'].files.map((file) => file.replace(/^dist\//, '')).sort());
  const withoutCors = await renderedButton(browser, `${site.origin}/cdn.html`, await answer(false));
  assert.equal(withoutCors.defined, false, 'without CORS the module is not run');
});

/**
 * docs/security.md's pinned snippet as a site fills it in: its import map's one line for each chunk
 * the button imports, each value and the script tag's from the build's report.
 */
function pinnedPage() {
  const [entry, ...chunks] = SIZES.pages['dist/sync-notify-button.js'].files;
  const [before, line, after] = PINNED_PAGE.split(/^(.*sync-notify-shared-<hash>\.js.*)$/m);
  const lines = chunks.map((chunk) => line.replace('sync-notify-shared-<hash>.js', chunk.slice('dist/'.length)).replace('sha384-…', SIZES.files[chunk].integrity));
  return before + lines.join(',\n') + after.replace('sha384-…', SIZES.files[entry].integrity);
}

test("docs/security.md's pinned snippet: the element runs from the CDN with its chunks pinned; a changed chunk runs nothing", async () => {
  const load = async (changed) => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', async (request) => {
      const url = new URL(request.url());
      if (url.hostname !== 'cdn.jsdelivr.net') return request.continue();
      const file = url.pathname.replace(/^.*\/dist\//, 'dist/');
      let body = await readFile(new URL(file, ROOT));
      // A CDN that serves one chunk changed: one more statement, as an attacker would add.
      if (file === changed) body = Buffer.concat([body, Buffer.from('\nglobalThis.changed = true;\n')]);
      return request.respond({ status: 200, headers: { ...JS, ...CORS }, body });
    });
    return renderedButton(browser, `${site.origin}/pinned-cdn.html`, page);
  };
  assert.match(pinnedPage(), /"integrity": \{\n(.*sync-notify-shared-[\w-]+\.js": "sha384-[\w+/=]+",?\n)+/);
  assert.deepEqual(await load(), { defined: true, button: true, slot: true, errors: [] });
  const [, chunk] = SIZES.pages['dist/sync-notify-button.js'].files;
  const tampered = await load(chunk);
  assert.equal(tampered.defined, false, 'a changed chunk is not run, nor the file that imports it');
  assert.match(tampered.errors.join('\n'), /integrity/i, 'the console names the integrity check');
});

/** How registering each of `scripts` ([url, type]) on the site ends, at once: `activated`, or the browser's error. */
async function register(scripts) {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.origin}/blank.html`);
    return await page.evaluate(
      (scripts) =>
        Promise.all(
          scripts.map(async ([script, type], index) => {
            try {
              const registration = await navigator.serviceWorker.register(script, { type, scope: `/scope-${index}/` });
              const worker = registration.installing ?? registration.waiting ?? registration.active;
              if (worker.state !== 'activated') {
                await new Promise((resolve) => worker.addEventListener('statechange', () => ['activated', 'redundant'].includes(worker.state) && resolve()));
              }
              return worker.state;
            } catch (error) {
              return error.name;
            }
          }),
        ),
      scripts,
    );
  } finally {
    await page.close();
  }
}

test("the worker: its script must be on the site's origin; importing the dist file from a CDN works, unless CSP or the network stops it", async () => {
  const outcomes = await register([
    [`${cdn.origin}/sync-notify-sw.js`, 'classic'],
    ['/classic.js', 'classic'],
    ['/module-cors.js', 'module'],
    ['/module-no-cors.js', 'module'],
    ['/classic-csp.js', 'classic'],
    ['/classic-unreachable.js', 'classic'],
  ]);
  assert.deepEqual(outcomes, [
    'SecurityError', // a service worker script of another origin is refused
    'activated', // a classic worker importScripts() another origin's file, no CORS needed
    'activated', // a module worker imports it with the CDN's CORS header
    'TypeError', // and not without
    'TypeError', // script-src 'self' sent with the worker blocks the import: no install
    'TypeError', // an unreachable CDN: no install
  ]);
});
