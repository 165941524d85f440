/**
 * WebKit for @web/test-runner: Debian's WebKitGTK, driven through WebKitWebDriver, with the
 * display, driver and browser of services.mjs.
 *
 * Nothing runs until the first test file: then Xvfb, the driver and, through the driver, the
 * browser start. When the runner stops this browser, all of it stops and the browser's storage
 * folder is removed.
 */
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { startWebKitServices, WEBKIT_CAPABILITIES } from './services.mjs';

/** A page load said to be slow: a test file's page loads in well under a second here. */
const SLOW_PAGE_LOAD_MS = 5_000;

export class WebKitLauncher extends WebdriverLauncher {
  /** @type {ReturnType<typeof startWebKitServices> | undefined} */
  #services;

  constructor() {
    super({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      path: '/',
      logLevel: 'error',
      capabilities: { ...WEBKIT_CAPABILITIES },
    });
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /** The test server's origin is known with the first session: it is granted notifications from the start. */
  async startSession(id, url) {
    this.#services ??= startWebKitServices(new URL(url).origin);
    const { port, browserOptions } = await this.#services;
    // Read by WebdriverLauncher when it creates the session, in super.startSession.
    this.options.port = port;
    this.options.capabilities['webkitgtk:browserOptions'] = browserOptions;
    return super.startSession(id, url);
  }

  /**
   * Each test file's page is loaded by a WebDriver navigation that the runner starts and does not
   * wait for: when it fails or takes long, only "tests did not start" would be said. Said here.
   */
  async createDriverManager() {
    const manager = await super.createDriverManager();
    const loadPage = manager.startSession.bind(manager);
    manager.startSession = async (id, url) => {
      const started = Date.now();
      const took = () => `${url} after ${Date.now() - started} ms`;
      try {
        await loadPage(id, url);
        if (Date.now() - started > SLOW_PAGE_LOAD_MS) console.error(`WebKit: loaded ${took()}`);
      } catch (error) {
        console.error(`WebKit: loading ${took()} failed: ${error.message}`);
        throw error;
      }
    };
    return manager;
  }

  async stop() {
    await super.stop(); // ends the WebDriver session: the driver closes the browser
    const services = await this.#services?.catch(() => undefined);
    await services?.stop();
  }

  /** One command to wkbrowser.py's control port; resolves with its `ok` reply. */
  async control(line) {
    return (await this.#services).control(line);
  }
}

export const webkitLauncher = () => new WebKitLauncher();
