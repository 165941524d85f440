/**
 * Reconnect → notifications on screen, in every engine, against a floor measured in the same
 * browser: a page whose own `online` listener calls `registration.showNotification`. See
 * bench/README.md for exactly what is timed.
 */
import { engineUnavailable, launchEngine } from './engines.mjs';
import { median, ratio } from './stats.mjs';

const PAGE = '/bench/pages/reconnect.html';
const COUNTS = [1, 10, 100];
/**
 * Library/floor pairs per count. Firefox shows a notification in ~100 ms headless, so 100 of them
 * take 10 s a run; WebKit takes 2-4 s to see each route change. Both get fewer runs.
 */
const PAIRS = {
  default: { 1: 8, 10: 6, 100: 3 },
  firefox: { 1: 6, 10: 3, 100: 1 },
  webkit: { 1: 3, 10: 2, 100: 1 },
};
const NO_PAGE_RUNS = { 1: 5, 10: 3, 100: 2 };
export const ENGINES = ['chromium', 'chromium-no-sync', 'firefox', 'webkit'];

/** Online, load the page; offline, queue; online again: when the page heard it, and when each notification was shown. */
async function reconnectOnce(engine, mode, count) {
  await engine.open(`${PAGE}?mode=${mode}`);
  await engine.call('reset');
  await engine.setOffline(true);
  await engine.call('queue', count);
  await engine.call('arm', count);
  const commandAt = await engine.setOffline(false);
  const { onlineAt, shownAt } = await engine.call('collect', count);
  return {
    first: shownAt[0] - onlineAt,
    all: shownAt.at(-1) - onlineAt,
    firstFromCommand: shownAt[0] - commandAt,
    allFromCommand: shownAt.at(-1) - commandAt,
  };
}

/**
 * Chromium with the tab closed while offline: only the worker comes back online, and Background
 * Sync's own dispatch delivers. Timed from the command that brings the worker online.
 */
async function reconnectWithoutPage(engine, count) {
  await engine.open(`${PAGE}?mode=library`);
  await engine.call('reset');
  await engine.setOffline(true);
  await engine.call('queue', count);
  await engine.closePage();
  const commandAt = await engine.setWorkerOnline();
  const deadline = Date.now() + 120_000;
  let shownAt = [];
  while (shownAt.length < count) {
    if (Date.now() > deadline) throw new Error(`no page: ${shownAt.length} of ${count} shown after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    shownAt = await engine.inWorker(() => [...self.benchShownLog]);
  }
  return { firstFromCommand: shownAt[0] - commandAt, allFromCommand: shownAt[count - 1] - commandAt };
}

const medians = (samples) => Object.fromEntries(Object.keys(samples[0]).map((key) => [key, median(samples.map((sample) => sample[key]))]));

/** One engine, one count, in a fresh browser: a warm-up of each (one notification), then library and floor in ABBA order. */
async function reconnectRow(name, origin, count) {
  const engine = await launchEngine(name, origin);
  try {
    const pairs = (PAIRS[name] ?? PAIRS.default)[count];
    await reconnectOnce(engine, 'library', 1);
    await reconnectOnce(engine, 'floor', 1);
    const library = [];
    const floor = [];
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 ? ['floor', 'library'] : ['library', 'floor'];
      for (const mode of order) (mode === 'library' ? library : floor).push(await reconnectOnce(engine, mode, count));
    }
    const row = { engine: engine.name, version: engine.version, count, runs: library.length, library: medians(library), floor: medians(floor) };
    row.firstRatio = ratio(row.library.first, row.floor.first);
    row.firstAbove = row.library.first - row.floor.first;
    row.allRatio = ratio(row.library.all, row.floor.all);
    if (name === 'chromium') {
      const runs = [];
      for (let run = 0; run < NO_PAGE_RUNS[count]; run++) runs.push(await reconnectWithoutPage(engine, count));
      row.noPage = { runs: runs.length, ...medians(runs) };
    }
    return row;
  } finally {
    await engine.close();
  }
}

/** Every engine that can run here; the others are listed with the reason. */
export async function benchReconnect(origin, engines = ENGINES) {
  const rows = [];
  const skipped = {};
  for (const name of engines) {
    const unavailable = engineUnavailable(name);
    if (unavailable) {
      skipped[name] = unavailable;
      continue;
    }
    for (const count of COUNTS) rows.push(await reconnectRow(name, origin, count));
  }
  return { pairs: PAIRS, rows, skipped };
}
