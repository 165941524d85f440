import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import ts from 'typescript';
import { sizeBudget } from './scripts/size-budget.mjs';

rmSync('lib', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });

const PAGE_TSCONFIG = 'tsconfig.build.json';
const WORKER_TSCONFIG = 'src/sw/tsconfig.json';

/** The built-in translations: one opt-in module each (src/translations/<lang>.ts). */
const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ko', 'ar', 'he'];
const translations = LANGUAGES.map((lang) => `src/translations/${lang}.ts`);

/**
 * For npm users: one ES module per source file, lit and idb left as dependencies, with .d.ts.
 * React (`sync-notify-button/react`, `/react-jsx`) is an optional peer, left out like them.
 */
const library = (input, tsconfig) => ({
  input,
  // Both library builds write the modules of src/shared/; unshaken, each writes the same file.
  treeshake: false,
  external: [/^lit(-html)?($|\/)/, /^@lit\//, /^idb($|\/)/, /^react($|\/)/, 'tslib'],
  output: { dir: 'lib', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
  plugins: [typescript({ tsconfig, declaration: true, declarationDir: 'lib', outDir: 'lib' })],
});

/**
 * For a `<script>` tag or `importScripts`: minified, dependencies included (for the page files, in
 * the chunks they share), within a gzip budget for what a page that loads the file pays: the
 * element 15.8 KB (its chunks counted), the worker 3.5 KB; the element and the worker that also
 * handle API calls and forms, opt-in files of their own, 21.0 KB and 6.5 KB; the outbox element
 * 16.1 KB. Raised from 12.0, 2.0, 13.0, 3.0 and 12.0
 * by the least that fits, for defences and capabilities, never dropped for bytes: the checks of
 * untrusted input and records (type and size at the door, the record check on every read, bounded
 * failures, per-endpoint sends), the JavaScript API the script-tag files export (`clearOutbox` for
 * sign-out), the notification's URL check, owners,
 * forms (1.2 KB of the element with API calls, 0.12 KB of its worker; the plain files carry none),
 * and the worker's wait for an activated worker where Firefox gives no `self.serviceWorker`.
 * "Sent" for a form means accepted (15.3 -> 17.0, 3.8 -> 5.2, 12.4 -> 12.7 KB): the worker reads
 * the page a form's post lands on (sw/form-answer.ts: sign-in pages, the form shown again, with an
 * HTML reader of its own, a worker having no DOMParser: 1.37 KB), and the element puts what was
 * typed back into the form and offers a kept one (page/form-recovery.ts, its sentences, the read
 * of the failures with their record check: 1.68 KB); the outbox element says why, with a link to
 * the form. The plain element gave the API call's settings (`method`, `data` …) to the element
 * with API calls, and fell from 13.33 to 13.24 KB. Owners that hold (13.4 -> 13.6, 2.9 -> 3.0,
 * 17.0 -> 17.4, 5.2 -> 5.5, 12.7 -> 13.2 KB): one record of who is signed in for the whole page
 * (the owner meta of a server-rendered site, the attribute's removal as a sign-out), stored per
 * app, told to the worker with every request for delivery, which trusts no earlier word after it
 * starts; sign-out and the outbox element for the signed-in person only; each call sent under the
 * send lock alone and read again under it; the server's 409 holding an owned request. Every stored
 * field bounded (13.6 -> 13.8, 3.0 -> 3.3, 17.4 -> 18.0, 5.5 -> 6.3, 13.2 -> 13.8 KB): the record
 * check reads every field with its type and bounds, dates among them (the API call's in full only
 * where calls are sent or listed: shared/api-call-record.ts), passes a notification only the
 * options it knows, sets aside one that never shows; the outbox's byte budget at the press and for
 * failures; an upload's time by its size; the header rules on both sides; the host's header hook.
 * Releases side by side (14.1, 3.5, 18.3, 6.5, 14.2 KB): the outbox opened at the version found,
 * the owners' database of its own, the worker's protocol release and the page's word about an older
 * worker. A class of its own for each file's tag, and what the elements follow and the form as
 * reactive controllers (14.1 -> 14.2, 18.3 -> 18.4 KB; the field table gave back 40-60 B of each
 * page file; the workers' refactored settle and deliver stay within theirs).
 */
const minified = ({ tsconfig, outDir, module }) => [
  nodeResolve({ browser: true }),
  typescript({ tsconfig, declaration: false, outDir }),
  // Our templates only: the plugin warns about every file that mentions unsafeCSS (Lit's own,
  // and page/css.ts, which has no template), and has nothing to minify there.
  minifyTemplateLiterals({ include: ['src/**/*.ts'], exclude: ['src/page/css.ts'] }),
  terser({
    ecma: 2020,
    module,
    // idb installs its database shortcuts (db.getAll…) and cursor iterators with these calls;
    // the outbox uses neither, and they are a tenth of the element's budget.
    compress: { passes: 2, pure_funcs: ['replaceTraps'] },
    format: { comments: false },
  }),
];

/**
 * The page files, for a `<script type="module">` tag each: one build, so that what two of them
 * share (Lit, idb, the outbox's code) is one chunk that both import, by a relative URL from the
 * same folder (a CDN's too): a page that loads the button and the outbox element runs one copy of
 * each module, and pays for it once. Chunks are named by their content's hash, so that a cached
 * entry of one release never meets a chunk of another. Each budget counts the entry and every
 * chunk it imports: what a page that loads it alone pays.
 */
const pages = ({ entries, together }) => ({
  input: Object.fromEntries(Object.entries(entries).map(([name, { input }]) => [name, input])),
  output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'sync-notify-shared-[hash].js' },
  plugins: [
    ...minified({ tsconfig: PAGE_TSCONFIG, outDir: 'dist', module: true }),
    sizeBudget({
      entries: Object.fromEntries(Object.entries(entries).map(([name, budget]) => [`${name}.js`, budget])),
      together: { ...together, sets: together.sets.map((set) => set.map((name) => `${name}.js`)) },
    }),
    entryTypes(entries),
  ],
});

/** A worker file, for `importScripts`: one classic script, dependencies included, within its gzip budget. */
const workerFile = ({ input, file, gzipKB, raised }) => ({
  input,
  output: { file, format: 'iife', sourcemap: true },
  plugins: [...minified({ tsconfig: WORKER_TSCONFIG, outDir: 'dist', module: false }), sizeBudget({ gzipKB, raised })],
});

/**
 * The types of each page file (`dist/x.d.ts` beside `dist/x.js`), for a site that loads dist/ by
 * script tag and checks its own code with TypeScript (`import type … from
 * 'sync-notify-button/dist/x.js'`): the declarations of the entry's source, in lib/.
 */
const entryTypes = (entries) => ({
  name: 'entry-types',
  generateBundle() {
    for (const [name, { input }] of Object.entries(entries)) {
      const source = `../lib/${input.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
      this.emitFile({ type: 'asset', fileName: `${name}.d.ts`, source: `export * from '${source}';\n` });
    }
  },
});

/**
 * Types stripped, nothing checked: the library build and `npm run lint` check these files, and a
 * type-checking plugin per translation would triple the build's time. `./x.js` imports are `./x.ts`.
 */
const stripTypes = {
  name: 'strip-types',
  resolveId: (source, importer) =>
    importer?.endsWith('.ts') && source.startsWith('.') ? resolve(dirname(importer), source.replace(/\.js$/, '.ts')) : null,
  transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const { outputText, sourceMapText } = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, sourceMap: true },
    });
    return { code: outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: sourceMapText };
  },
};

/**
 * One translation for a `<script>` tag: an IIFE that imports nothing and registers its language
 * through the global hook the element asks (`syncNotifyTranslation`). As a classic script it
 * runs while the page is parsed, before the element's module, so the first render is translated;
 * it is a valid side-effect import from a module too. 2.1 KB each (from 2.0, for the sentences of
 * a form the server did not accept: Arabic, the longest, is 2.09 KB).
 */
const translation = (lang) => ({
  input: `src/translations/${lang}.ts`,
  output: { file: `dist/translations/${lang}.js`, format: 'iife', sourcemap: true },
  plugins: [stripTypes, terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }), sizeBudget({ gzipKB: 2.1, raised: { from: 2.0, why: 'the sentences of a form not accepted' } })],
});

/**
 * Why each page file's budget rose with the shared chunks (14.2 -> 15.5, 18.4 -> 20.8, 14.2 -> 15.8
 * KB): a server compresses each file apart, and the entry and its chunks lose the context one file
 * gave the compressor (0.6-1.4 KB of it), and a chunk's export list costs bytes too. The page the
 * README builds, the button and the outbox element, fell from 28.3 to 19.8 KB; with API calls, from
 * 32.5 to 23.7 KB.
 */
const SHARED = 'shared chunks (to 15.5, 20.8 and 15.8: a page that loads two pays 27-30 % less)';

export default [
  library(
    ['src/index.ts', 'src/sync-notify-button.ts', 'src/sync-notify-api-button.ts', 'src/sync-notify-outbox.ts', 'src/react.ts', 'src/react-jsx.ts', ...translations],
    PAGE_TSCONFIG,
  ),
  library(['src/sw/index.ts', 'src/sw/auto.ts', 'src/sw/api-calls.ts', 'src/sw/auto-api.ts'], WORKER_TSCONFIG),
  pages({
    entries: {
      'sync-notify-button': {
        input: 'src/script-tag/sync-notify-button.ts',
        gzipKB: 15.8,
        raised: { from: 13.4, why: `owners that hold (to 13.6), every stored field bounded and the byte budget (to 13.8), releases side by side (to 14.1), a class of its own for the tag and reactive controllers (to 14.2), ${SHARED}, a press that reads only what was queued since, the permission watched (to 15.7), a refused press that forgets what left (to 15.8)` },
      },
      // The same, and API calls (`endpoint`) and forms: their checks at the click, and the retry timer.
      'sync-notify-api-button': {
        input: 'src/script-tag/sync-notify-api-button.ts',
        gzipKB: 21.0,
        raised: { from: 15.3, why: `forms sent only when accepted (to 17.0), owners that hold (to 17.4), every stored field bounded (to 18.0), releases side by side (to 18.3), the form submitter as a reactive controller (to 18.4), ${SHARED}, a press that reads only what was queued since, the permission watched (to 21.0)` },
      },
      // The outbox element, opt-in: what waits, with Cancel, Retry now and Dismiss.
      'sync-notify-outbox': {
        input: 'src/script-tag/sync-notify-outbox.ts',
        gzipKB: 16.1,
        raised: { from: 12.4, why: `a form not accepted (to 12.7), the signed-in person's items only (to 13.2), every stored field bounded (to 13.8), releases side by side (to 14.2), ${SHARED}, the Trusted Types hint in its file too (to 15.9), a press that reads only what was queued since (to 16.0), a refused press that forgets what left (to 16.1)` },
      },
    },
    // Each element with the outbox element, as the README has them, pays at most this much more
    // than the larger alone. (The two buttons define one tag: a page loads one of them.)
    together: { limit: 1.35, sets: [['sync-notify-button', 'sync-notify-outbox'], ['sync-notify-api-button', 'sync-notify-outbox']] },
  }),
  // An IIFE has no import or export, so it is valid both as a classic script for importScripts()
  // and as a side-effect import from a module worker.
  workerFile({
    input: 'src/sw/auto.ts',
    file: 'dist/sync-notify-sw.js',
    gzipKB: 3.5,
    raised: { from: 2.9, why: 'owners that hold (to 3.0), every stored field bounded, a notification that never shows set aside (to 3.3), releases side by side (to 3.5)' },
  }),
  // The same, and API calls (`endpoint`) and forms: sending, timeouts, retries and refusals.
  workerFile({
    input: 'src/sw/auto-api.ts',
    file: 'dist/sync-notify-api-sw.js',
    gzipKB: 6.5,
    raised: { from: 3.8, why: 'reading the page a form lands on (to 5.2), owners that hold (to 5.5), every stored field bounded and uploads (to 6.3), releases side by side (to 6.5)' },
  }),
  ...LANGUAGES.map(translation),
];
