/**
 * For the tooling tests that load a build in a browser: a static server on 127.0.0.1 and
 * Debian's headless Chromium, started as every tool here starts it (scripts/chromium.mjs).
 */
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** Serves the files under `root` as they are (the dev server the bench uses, with nothing resolved or rewritten); resolves with its origin and a `close()`. */
export async function serveDirectory(root) {
  const server = await startDevServer({
    config: { rootDir: root, hostname: '127.0.0.1', nodeResolve: false, watch: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return { origin: `http://127.0.0.1:${server.config.port}`, close: () => server.stop() };
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
