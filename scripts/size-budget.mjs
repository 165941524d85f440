/**
 * Rollup plugin: prints a bundle's raw, gzip and brotli sizes and fails the build when the gzip
 * size is over budget. An embeddable widget is paid for by every page that loads it.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/** @param {{ gzipKB: number }} budget gzip budget in kilobytes (1 KB = 1000 bytes) */
export function sizeBudget({ gzipKB }) {
  return {
    name: 'size-budget',
    generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const size = measure(chunk.code);
        const verdict = size.gzip <= gzipKB * 1000 ? 'within' : 'OVER';
        this.info(
          `${chunk.fileName}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli ` +
            `(${verdict} the ${gzipKB} KB gzip budget)`,
        );
        if (verdict === 'OVER') {
          this.error(`${chunk.fileName} is ${kb(size.gzip)} gzip, over its ${gzipKB} KB budget`);
        }
      }
    },
  };
}
