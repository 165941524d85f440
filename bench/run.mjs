/**
 * `npm run bench`: bundle sizes, render time, click → stored, worker delivery and heap growth of
 * <sync-notify-button>, in headless Chromium with a real IndexedDB and a real service worker, and
 * reconnect → notifications shown in Chromium, Firefox and WebKit. Prints a table and writes
 * bench/results.json. Missed targets are reported, not fatal.
 *
 * It runs in a network namespace of its own where the machine allows (scripts/namespace.mjs):
 * WebKit can go offline only there, and nothing of the run reaches the machine's network.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { NAMESPACE_VARIABLE, namespaceUnavailable, spawnInNamespace } from '../scripts/namespace.mjs';
import { SIZE_REPORT } from '../scripts/size-budget.mjs';
import {
  chromiumNetwork,
  ensureBuilt,
  launchChromium,
  openBenchPage,
  startServer,
  usedHeap,
} from './harness.mjs';
import { benchReconnect } from './reconnect.mjs';
import { printReport } from './report.mjs';
import { median, ratio, summarize } from './stats.mjs';

/** What a page pays for each of these: the file and every chunk it imports (the build's own report). */
const PAGES = [
  'dist/sync-notify-button.js',
  'dist/sync-notify-api-button.js',
  'dist/sync-notify-outbox.js',
  'dist/sync-notify-button.js + dist/sync-notify-outbox.js',
  'dist/sync-notify-api-button.js + dist/sync-notify-outbox.js',
  'dist/sync-notify-sw.js',
  'dist/sync-notify-api-sw.js',
];
const ELEMENT_PAGE = '/bench/pages/element.html';
const WORKER_PAGE = '/bench/pages/worker.html';
const RENDER = { counts: [1, 100, 1000], warmup: 1, repetitions: 5 };
const MEMORY = { warmup: 100, cycles: 1000 };
const CLICKS = { warmup: 20, rounds: 10, perRound: 25 };
// The same clicks on a fresh page with a half-full outbox (the element's default max-items is
// 1000): what a click reads must not grow with what waits.
const CLICKS_WAITING = { warmup: 5, rounds: 4, perRound: 25, waiting: 500 };
// Runs per task = 2 × pairs; small deliveries take milliseconds, so they get more against noise.
const DELIVERY = { counts: [10, 100, 1000], warmupCount: 100, pairs: { 10: 8, 100: 4, 1000: 2 }, elements: [0, 1, 100] };
const TARGETS = {
  clickStoredRatio: 1.5,
  clickRatio: 1.3,
  deliveryRatio: 1.3,
  deliveryLinearity: 1.5,
  heapRatio: 1.1,
  reconnectFirstRatio: 1.3,
  reconnectFirstAboveMs: 50,
};

/** The commit measured, with `+dirty` when src/ has uncommitted changes; undefined outside git. */
function sourceVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src') ? '+dirty' : '');
  } catch {
    return undefined;
  }
}

/** What the build measured for each page (`npm run build` writes the report beside the files it measured). */
function measuredPages() {
  const { pages } = JSON.parse(readFileSync(new URL(`../${SIZE_REPORT}`, import.meta.url), 'utf8'));
  return Object.fromEntries(PAGES.map((page) => [page, { ...pages[page], files: pages[page].files.length }]));
}

/** Each repetition loads a fresh page, so defining the element is timed every time. */
async function benchRender(browser, origin) {
  const page = await browser.newPage();
  const rows = [];
  try {
    for (const count of RENDER.counts) {
      const samples = [];
      for (let run = 0; run < RENDER.warmup + RENDER.repetitions; run++) {
        await page.goto(`${origin}${ELEMENT_PAGE}`);
        await page.waitForFunction(() => window.benchReady, { polling: 20 });
        const sample = await page.evaluate((n) => window.renderElements(n), count);
        if (run >= RENDER.warmup) samples.push(sample);
      }
      const pick = (key) => median(samples.map((sample) => sample[key]));
      rows.push({ count, defineMs: pick('defineMs'), renderMs: pick('renderMs'), totalMs: pick('totalMs') });
    }
  } finally {
    await page.close();
  }
  return { repetitions: RENDER.repetitions, rows };
}

async function benchMemory(browser, origin) {
  const page = await openBenchPage(browser, origin, ELEMENT_PAGE);
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const cycle = async (count) => {
      const { connected } = await page.evaluate((n) => window.cycleElements(n), count);
      if (connected !== 0) throw new Error(`${connected} elements left connected after the cycles`);
      return usedHeap(cdp);
    };
    await cycle(MEMORY.warmup);
    const start = await usedHeap(cdp);
    const end = await cycle(MEMORY.cycles);
    // A second round tells a one-time high-water mark (flat from here) from a leak (grows again).
    const again = await cycle(MEMORY.cycles);
    return {
      warmup: MEMORY.warmup,
      cycles: MEMORY.cycles,
      start,
      end,
      again,
      ratio: ratio(end.usedSize, start.usedSize),
      secondRoundRatio: ratio(again.usedSize, end.usedSize),
    };
  } finally {
    await page.close();
  }
}

async function timeDelivery(page, count, options = {}) {
  return page.evaluate((n, o) => window.timeWorkerDelivery(n, o), count, options);
}

async function timeBareShows(page, count, options = {}) {
  return page.evaluate((n, o) => window.timeBareShows(n, o), count, options);
}

/**
 * Runs the tasks in turn, `pairs` × 2 times each, every other round in reverse order (ABC CBA
 * ABC…), so that a drift during the block (machine load, Chromium's history) weighs on all alike.
 * Returns the samples of each task.
 */
async function alternate(pairs, tasks) {
  const samples = tasks.map(() => []);
  const order = tasks.map((_, index) => index);
  for (let round = 0; round < 2 * pairs; round++) {
    for (const index of round % 2 ? [...order].reverse() : order) samples[index].push(await tasks[index]());
  }
  return samples;
}

/**
 * Chromium's showNotification gets slower with every notification a profile has shown, even
 * once closed (0.7 → 2.3 ms after 9000): each block gets a fresh browser, hence a fresh profile.
 */
async function inFreshWorkerPage(origin, task) {
  const browser = await launchChromium(origin);
  try {
    const page = await openBenchPage(browser, origin, WORKER_PAGE);
    await timeDelivery(page, DELIVERY.warmupCount);
    await timeBareShows(page, DELIVERY.warmupCount);
    return await task(page);
  } finally {
    await browser.close();
  }
}

const perItem = (samples, count) => median(samples) / count;

/**
 * One row per count, each in a fresh browser: the library with 0, 1 and 100 elements connected
 * (every announcement updates each page's watchers) against the floor, all alternating.
 */
async function deliverySeries(origin, { sharedTag, elements = DELIVERY.elements } = {}) {
  const rows = [];
  for (const count of DELIVERY.counts) {
    const [floor, ...library] = await inFreshWorkerPage(origin, (page) =>
      alternate(DELIVERY.pairs[count], [
        () => timeBareShows(page, count, { sharedTag }),
        ...elements.map((connected) => () => timeDelivery(page, count, { sharedTag, elements: connected })),
      ]),
    );
    const floorPerItem = perItem(floor, count);
    rows.push({
      count,
      runs: floor.length,
      floorMs: median(floor),
      floorPerItem,
      library: elements.map((connected, index) => ({
        elements: connected,
        libraryMs: median(library[index]),
        libraryPerItem: perItem(library[index], count),
        ratio: ratio(perItem(library[index], count), floorPerItem),
      })),
    });
  }
  const [first, last] = [rows[0].library[0], rows.at(-1).library[0]];
  return {
    elements,
    rows,
    linearity: ratio(last.libraryPerItem, first.libraryPerItem),
    floorLinearity: ratio(rows.at(-1).floorPerItem, rows[0].floorPerItem),
  };
}

async function benchDelivery(origin) {
  return {
    pairs: DELIVERY.pairs,
    separate: await deliverySeries(origin),
    // One tag for all items, so one notification stays on screen: Chromium's showNotification
    // slows with every notification on screen, and this series shows how the library itself scales.
    shared: await deliverySeries(origin, { sharedTag: 'bench-shared', elements: [0] }),
  };
}

/** Offline on both sides, so that no click turns into a notification and every sync stays pending. */
async function benchClicks(browser, page, options = CLICKS) {
  await chromiumNetwork(browser).setOffline(page, true);
  const run = await page.evaluate((options) => window.runClicks(options), options);
  await page.evaluate(() => window.resetOutbox());
  const expectedQueued = (options.waiting ?? 0) + options.warmup + options.rounds * options.perRound;
  if (run.queued !== expectedQueued) throw new Error(`expected ${expectedQueued} queued items, found ${run.queued}`);
  if (!run.syncTags.includes('sync-notify-outbox')) throw new Error(`sync fired while offline: tags ${run.syncTags}`);
  const summarizeSpans = (samples) => ({
    stored: summarize(samples.map((sample) => sample.stored)),
    registered: summarize(samples.map((sample) => sample.registered)),
  });
  const element = summarizeSpans(run.clicks);
  const floor = summarizeSpans(run.floor);
  return {
    clicks: run.clicks.length,
    waiting: options.waiting ?? 0,
    element,
    floor,
    storedRatio: ratio(element.stored.median, floor.stored.median),
    registeredRatio: ratio(element.registered.median, floor.registered.median),
    pendingSyncTags: run.syncTags,
  };
}

/** Render, memory and clicks share one browser; each delivery block gets its own. */
async function runInBrowsers(origin) {
  const browser = await launchChromium(origin);
  let measured;
  try {
    const chromium = await browser.version();
    const render = await benchRender(browser, origin);
    const memory = await benchMemory(browser, origin);
    const page = await openBenchPage(browser, origin, WORKER_PAGE);
    const crossOriginIsolated = await page.evaluate(() => window.crossOriginIsolatedPage);
    const click = await benchClicks(browser, page);
    await page.close();
    // A fresh page: the first run's items, gone from the outbox, would stay in this page's tally.
    const clickWithWaiting = await benchClicks(browser, await openBenchPage(browser, origin, WORKER_PAGE), CLICKS_WAITING);
    measured = { chromium, crossOriginIsolated, render, memory, click, clickWithWaiting };
  } finally {
    await browser.close();
  }
  return { ...measured, delivery: await benchDelivery(origin), reconnect: await benchReconnect(origin) };
}

async function main() {
  const startedAt = Date.now();
  const loadBefore = loadavg()[0];
  ensureBuilt();
  const sizes = measuredPages();
  const server = await startServer();
  try {
    const measured = await runInBrowsers(server.origin);
    const results = {
      date: new Date().toISOString(),
      commit: sourceVersion(),
      durationS: (Date.now() - startedAt) / 1000,
      node: process.version,
      cpus: cpus().length,
      // Other work on the machine moves every figure: the 1-minute load average before and after.
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      targets: TARGETS,
      sizes,
      ...measured,
    };
    printReport(results);
    writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nbench/results.json written');
  } finally {
    await server.stop();
  }
}

/** Outside a namespace, where one can be made: the same script again, inside one. */
function inNamespace() {
  if (process.env[NAMESPACE_VARIABLE] || namespaceUnavailable()) return false;
  const child = spawnInNamespace(process.execPath, process.argv.slice(1));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

if (!inNamespace()) {
  main().catch((error) => {
    console.error(`benchmark failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  });
}
