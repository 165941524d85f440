/**
 * Rollup plugin: prints a bundle's raw, gzip and brotli sizes and fails the build when the gzip
 * size is over budget. An embeddable widget is paid for by every page that loads it. Each size
 * and budget is also merged into `dist/sizes.json`, the build's own report, from which
 * `npm run reference` lists them (docs/reference.md), so the docs never quote a size by hand.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The build's size report: `{ "dist/x.js": { raw, gzip, brotli, budgetGzip } }`, bytes, sorted by file. */
export const SIZE_REPORT = 'dist/sizes.json';

/** Merges `entries` into the report. Synchronous: the configs of one build share it, and run in one process. */
function report(entries) {
  const sizes = existsSync(SIZE_REPORT) ? JSON.parse(readFileSync(SIZE_REPORT, 'utf8')) : {};
  Object.assign(sizes, entries);
  const sorted = Object.fromEntries(Object.keys(sizes).sort().map((file) => [file, sizes[file]]));
  mkdirSync(dirname(SIZE_REPORT), { recursive: true });
  writeFileSync(SIZE_REPORT, JSON.stringify(sorted, null, 2) + '\n');
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

/**
 * @param {{ gzipKB: number, raised?: { from: number, why: string } }} budget gzip budget in
 *   kilobytes (1 KB = 1000 bytes), and its last raise: what it was, and for what, printed with it
 */
export function sizeBudget({ gzipKB, raised }) {
  const measured = {};
  return {
    name: 'size-budget',
    generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const size = measure(chunk.code);
        const file = relative(process.cwd(), join(options.dir ?? dirname(options.file), chunk.fileName)).split('\\').join('/');
        measured[file] = { ...size, budgetGzip: Math.round(gzipKB * 1000) };
        const verdict = size.gzip <= gzipKB * 1000 ? 'within' : 'OVER';
        this.info(
          `${chunk.fileName}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli ` +
            `(${verdict} the ${gzipKB} KB gzip budget${raised ? `, raised from ${raised.from} KB for ${raised.why}` : ''})`,
        );
        if (verdict === 'OVER') {
          this.error(`${chunk.fileName} is ${kb(size.gzip)} gzip, over its ${gzipKB} KB budget`);
        }
      }
    },
    // After the files are written: the config's rmSync of dist/ ran long before.
    writeBundle() {
      report(measured);
    },
  };
}
