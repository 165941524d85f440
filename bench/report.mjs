/** The human-readable table of a bench run. */

const ms = (value) => `${value.toFixed(2)} ms`;
const times = (value) => `${value.toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const verdict = (value, target, unit = '×') => (value <= target ? `ok (≤ ${target}${unit})` : `MISSED (target ≤ ${target}${unit})`);

function table(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

function printSizes(sizes) {
  table(
    'What a page pays (each file compressed on its own, the shared chunks once)',
    ['a page that loads', 'files', 'raw', 'gzip', 'brotli'],
    Object.entries(sizes).map(([page, size]) => [page, size.files, kb(size.raw), kb(size.gzip), kb(size.brotli)]),
  );
}

function printRender({ repetitions, rows }) {
  table(
    `Define + first render (median of ${repetitions} fresh page loads)`,
    ['elements', 'import+define', 'create+render', 'total', 'per element'],
    rows.map((row) => [row.count, ms(row.defineMs), ms(row.renderMs), ms(row.totalMs), ms(row.renderMs / row.count)]),
  );
}

function printClick(runs, targets) {
  const rows = runs.flatMap((click) => {
    const { element, floor } = click;
    const where = click.waiting ? `, ${click.waiting} waiting` : '';
    return [
      [`click → sync-notify-queued${where}`, click.clicks, ms(element.stored.median), ms(element.stored.p95), ms(floor.stored.median), ms(floor.stored.p95), times(click.storedRatio), verdict(click.storedRatio, targets.clickStoredRatio)],
      [`click → sync registered${where}`, click.clicks, ms(element.registered.median), ms(element.registered.p95), ms(floor.registered.median), ms(floor.registered.p95), times(click.registeredRatio), verdict(click.registeredRatio, targets.clickRatio)],
    ];
  });
  table(
    'Click → stored → sync registered (offline; floor = raw strict IndexedDB put + sync.register)',
    ['measure', 'clicks', 'element median', 'element p95', 'floor median', 'floor p95', 'ratio (medians)', 'target'],
    rows,
  );
}

function printDeliverySeries(title, series, targets) {
  const withElements = (count) => (count === 1 ? '1 element' : `${count} elements`);
  table(
    title,
    ['items', 'floor per item', ...series.elements.flatMap((count) => [`${withElements(count)}: per item`, 'ratio']), 'target'],
    series.rows.map((row) => [
      row.count,
      ms(row.floorPerItem),
      ...row.library.flatMap((cell) => [ms(cell.libraryPerItem), times(cell.ratio)]),
      verdict(Math.max(...row.library.map((cell) => cell.ratio)), targets.deliveryRatio),
    ]),
  );
  const [first, last] = [series.rows[0], series.rows.at(-1)];
  console.log(
    `linearity, library per item at ${last.count} / at ${first.count} (no element): ${times(series.linearity)} ` +
      `${verdict(series.linearity, targets.deliveryLinearity)}; floor: ${times(series.floorLinearity)}`,
  );
}

function printDelivery(delivery, targets) {
  const runs = Object.entries(delivery.pairs).map(([count, pairs]) => `${2 * pairs} at ${count}`).join(', ');
  printDeliverySeries(
    `Worker delivery, one notification per item, with 0, 1 and 100 <sync-notify-button> elements connected ` +
      `(fresh browser per row, median of ${runs} runs, all alternating; floor = bare showNotification loop in the worker)`,
    delivery.separate,
    targets,
  );
  printDeliverySeries('Worker delivery, all items share one tag, so one notification stays on screen (same method)', delivery.shared, targets);
}

function printReconnect(reconnect, targets) {
  // Each pair is one library run and one floor run.
  const runs = (engine) => Object.entries(reconnect.pairs[engine]).map(([count, pairs]) => `${pairs} at ${count}`).join(', ');
  table(
    'Reconnect → notifications shown, page open with one element (median ms from the page\'s `online` event; floor = the page\'s own `online` listener calling showNotification)',
    ['engine', 'N', 'first: library', 'floor', 'above', 'ratio', 'target', 'all N: library', 'floor', 'ratio', 'from the command, first: page open', 'tab closed', 'all N: tab closed'],
    reconnect.rows.map((row) => [
      row.engine,
      row.count,
      ms(row.library.first),
      ms(row.floor.first),
      ms(row.firstAbove),
      times(row.firstRatio),
      `${row.firstAbove <= targets.reconnectFirstAboveMs ? 'ok' : 'MISSED'} (≤ ${targets.reconnectFirstAboveMs} ms above), ` +
        `${row.firstRatio <= targets.reconnectFirstRatio ? 'ok' : 'MISSED'} (≤ ${targets.reconnectFirstRatio}×)`,
      ms(row.library.all),
      ms(row.floor.all),
      times(row.allRatio),
      row.noPage ? ms(row.library.firstFromCommand) : '',
      row.noPage ? ms(row.noPage.firstFromCommand) : '',
      row.noPage ? ms(row.noPage.allFromCommand) : '',
    ]),
  );
  console.log(
    `runs per row, library and floor each: Chromium ${runs('default')}; Firefox ${runs('firefox')}; WebKit ${runs('webkit')}. ` +
      'Tab closed (Chromium, Background Sync): the tab closed while offline, the worker alone brought online; ' +
      'timed, as the page-open figure beside it, from the command that brought the network back.',
  );
  console.log(`versions: ${[...new Set(reconnect.rows.map((row) => row.version))].join(', ')}`);
  for (const [engine, reason] of Object.entries(reconnect.skipped)) console.log(`${engine} skipped: ${reason}`);
}

function printMemory(memory, targets) {
  const { start, end, again } = memory;
  table(
    `Memory: ${memory.cycles} connect/disconnect cycles after ${memory.warmup} warm-up cycles, then ${memory.cycles} more (forced GC before each reading)`,
    ['', 'start', `+${memory.cycles}`, `+${2 * memory.cycles}`, `ratio +${memory.cycles}/start`, 'target', `ratio +${2 * memory.cycles}/+${memory.cycles}`],
    [
      ['JS heap used', mb(start.usedSize), mb(end.usedSize), mb(again.usedSize), times(memory.ratio), verdict(memory.ratio, targets.heapRatio), times(memory.secondRoundRatio)],
      ['DOM nodes', start.nodes, end.nodes, again.nodes, '', '', ''],
      ['JS event listeners', start.listeners, end.listeners, again.listeners, '', '', ''],
    ],
  );
}

export function printReport(results) {
  const load = results.loadAverage;
  console.log(
    `sync-notify-button bench — ${results.chromium}, Node ${results.node}, ${results.date}, ` +
      `commit ${results.commit ?? 'unknown'}`,
  );
  console.log(
    `${results.cpus} CPUs, load average ${load.before.toFixed(2)} → ${load.after.toFixed(2)}, ` +
      `timer ${results.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}, run took ${results.durationS.toFixed(0)} s`,
  );
  printSizes(results.sizes);
  printRender(results.render);
  printClick([results.click, results.clickWithWaiting].filter(Boolean), results.targets);
  printDelivery(results.delivery, results.targets);
  printReconnect(results.reconnect, results.targets);
  printMemory(results.memory, results.targets);
}
