/**
 * For the tooling tests that load a build in a browser: a tiny static server on 127.0.0.1 and
 * Debian's headless Chromium, started as every tool here starts it (scripts/chromium.mjs).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };

/** Serves the files under `root`; resolves with its origin and a `close()`. */
export async function serveDirectory(root) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export const launchChromium = () => puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });

/**
 * Opens `url` (in `page`, or a new one) and reports whether `<sync-notify-button>` is defined and
 * the first one rendered its shadow button, with what the page threw or logged as an error on the
 * way. Closes the page.
 */
export async function renderedButton(browser, url, page) {
  page ??= await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Chromium asks every origin for a favicon, whose 404 is no error of the page.
    if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(message.text());
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const result = await page.evaluate(async () => {
      const defined = customElements.get('sync-notify-button') !== undefined;
      const element = document.querySelector('sync-notify-button');
      if (defined) await element.updateComplete;
      const button = element.shadowRoot?.querySelector('button[part="button"]');
      return { defined, button: Boolean(button), slot: Boolean(button?.querySelector('slot')) };
    });
    return { ...result, errors };
  } finally {
    await page.close();
  }
}
