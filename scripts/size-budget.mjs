/**
 * Rollup plugin: prints what each file of a bundle weighs (raw, gzip, brotli) and what a page pays
 * that loads an entry: the entry and every chunk it imports, each file compressed on its own as a
 * server sends it. The build fails when a page is over its entry's gzip budget, or when a page that
 * loads a set of entries a site loads together pays more than `together.limit` times the larger
 * alone (the shared chunks are what keeps it low). An embeddable widget is paid for by every page
 * that loads it. Everything is also merged into `dist/sizes.json`, the build's own report, from
 * which `npm run reference` lists it (docs/reference.md), so the docs never quote a size by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The build's size report, bytes: `files` (`{ "dist/x.js": { raw, gzip, brotli, integrity } }`) and
 * `pages` (`{ "dist/x.js": { files, raw, gzip, brotli, budgetGzip } }`: a page that loads that entry
 * alone; `"dist/x.js + dist/y.js"`: entries loaded together, with `limit`, the most it may pay as a
 * multiple of the larger alone), each sorted by name.
 */
export const SIZE_REPORT = 'dist/sizes.json';

const sortedByKey = (object) => Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));

/** Merges `report` into the file. Synchronous: the configs of one build share it, and run in one process. */
function merge({ files, pages }) {
  const sizes = existsSync(SIZE_REPORT) ? JSON.parse(readFileSync(SIZE_REPORT, 'utf8')) : {};
  mkdirSync(dirname(SIZE_REPORT), { recursive: true });
  const merged = { files: sortedByKey({ ...sizes.files, ...files }), pages: sortedByKey({ ...sizes.pages, ...pages }) };
  writeFileSync(SIZE_REPORT, JSON.stringify(merged, null, 2) + '\n');
}

/** Sizes of one file, in bytes. */
export function measure(code) {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
const sum = (sizes) =>
  sizes.reduce((total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** `names` and every chunk they import, in the order a browser meets them. */
function closure(bundle, names, seen = new Set()) {
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    closure(bundle, bundle[name].imports, seen);
  }
  return [...seen];
}

/**
 * @param {{ gzipKB: number, raised?: { from: number, why: string } }
 *   | { entries: Record<string, { gzipKB: number, raised?: { from: number, why: string } }>, together: { limit: number, sets: string[][] } }} budget
 *   the gzip budget (1 KB = 1000 bytes) of a page that loads the bundle's one entry, and its last
 *   raise (what it was, and for what, printed with it); or, for a bundle of several entries with
 *   shared chunks, one such budget per entry file name, and the sets of entries a site loads
 *   together, with the most such a page pays, as a multiple of the larger alone
 */
export function sizeBudget(budget) {
  let report;
  return {
    name: 'size-budget',
    buildStart() {
      report = { files: {}, pages: {} };
    },
    generateBundle(options, bundle) {
      const path = (fileName) => relative(process.cwd(), join(options.dir ?? dirname(options.file), fileName)).split('\\').join('/');
      const sizes = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        sizes[chunk.fileName] = measure(chunk.code);
        // What a site puts in `integrity` (docs/security.md). The code as written: rollup has
        // appended the source map comment by now.
        const integrity = `sha384-${createHash('sha384').update(chunk.code).digest('base64')}`;
        report.files[path(chunk.fileName)] = { ...sizes[chunk.fileName], integrity };
      }
      const entries = Object.keys(sizes).filter((fileName) => bundle[fileName].isEntry).sort();
      const budgeted = Object.keys(budget.entries ?? {});
      const unbudgeted = budget.entries ? entries.filter((entry) => !budgeted.includes(entry)) : entries.slice(1);
      const unbuilt = budgeted.filter((entry) => !entries.includes(entry));
      if (unbudgeted.length || unbuilt.length) this.error(`entries without a budget: ${unbudgeted.join(', ') || 'none'}; budgets without an entry: ${unbuilt.join(', ') || 'none'}`);
      const page = (names) => {
        const files = closure(bundle, names);
        return { files: files.map(path), ...sum(files.map((file) => sizes[file])) };
      };
      const alone = {};
      for (const entry of entries) {
        const { gzipKB, raised } = budget.entries?.[entry] ?? budget;
        alone[entry] = page([entry]);
        const { files, raw, gzip, brotli } = alone[entry];
        report.pages[path(entry)] = { ...alone[entry], budgetGzip: Math.round(gzipKB * 1000) };
        const verdict = gzip <= gzipKB * 1000 ? 'within' : 'OVER';
        const withImports = files.length > 1 ? `; a page with it alone, ${files.length} files` : '';
        this.info(
          `${entry}: ${kb(sizes[entry].gzip)} gzip${withImports}: ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli ` +
            `(${verdict} the ${gzipKB} KB gzip budget${raised ? `, raised from ${raised.from} KB for ${raised.why}` : ''})`,
        );
        if (verdict === 'OVER') this.error(`a page that loads ${entry} pays ${kb(gzip)} gzip, over its ${gzipKB} KB budget`);
      }
      for (const chunk of Object.keys(sizes).filter((file) => !entries.includes(file))) {
        const users = entries.filter((entry) => alone[entry].files.includes(path(chunk)));
        this.info(`${chunk}: ${kb(sizes[chunk].gzip)} gzip, imported by ${users.join(', ')}`);
      }
      for (const set of budget.together?.sets ?? []) {
        const together = page(set);
        const larger = Math.max(...set.map((entry) => alone[entry].gzip));
        const { limit } = budget.together;
        report.pages[set.map(path).join(' + ')] = { ...together, budgetGzip: Math.floor(limit * larger), limit };
        const ratio = (together.gzip / larger).toFixed(2);
        this.info(`${set.join(' + ')}: ${kb(together.gzip)} gzip in ${together.files.length} files, ${ratio} × the larger alone (at most ${limit} ×)`);
        if (together.gzip > limit * larger) this.error(`a page that loads ${set.join(' and ')} pays ${ratio} × the larger alone, over ${limit} ×`);
      }
    },
    // After the files are written: the config's rmSync of dist/ ran long before.
    writeBundle() {
      merge(report);
    },
  };
}
