/**
 * The package as npm ships it, in the bundlers apps use, with the real tools: `npm pack` of the
 * build, installed into a scratch app (lit and idb from the registry or npm's cache), whose one
 * line `import 'sync-notify-button';` is bundled by esbuild and by rollup; each bundle, loaded in
 * headless Chromium, defines the element and renders its button. A `sideEffects` list that let a
 * bundler drop the bare import would leave the element undefined here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import nodeResolve from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { launchChromium, renderedButton, serveDirectory } from '../support/static-site.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APP = "import 'sync-notify-button';\n";

/** npm as a user runs it: none of the npm_* variables of the `npm test` around this run. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|command|config_(local_)?prefix)/i.test(key)),
);
const npm = (args, cwd) => run('npm', args, { cwd, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });

let scratch, site, browser, packed;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sync-notify-bundlers-'));
  const [{ filename, files }] = JSON.parse((await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], ROOT)).stdout);
  packed = files.map((file) => file.path);
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  await npm(['install', join(scratch, filename), '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], scratch);
  await writeFile(join(scratch, 'app.js'), APP);
  await mkdir(join(scratch, 'public'));
  site = await serveDirectory(join(scratch, 'public'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A page that loads `bundle` and holds one element. */
async function pageFor(bundle) {
  const page = `${bundle}.html`;
  await writeFile(
    join(scratch, 'public', page),
    `<!doctype html>\n<script type="module" src="./${bundle}.js"></script>\n` +
      '<sync-notify-button title="Saved" body="Synced when online">Send</sync-notify-button>\n',
  );
  return `${site.origin}/${page}`;
}

test('npm pack ships lib/, the four dist files and the manifest', () => {
  for (const file of [
    'lib/index.js',
    'lib/index.d.ts',
    'lib/react.js',
    'lib/react-jsx.d.ts',
    'dist/sync-notify-button.js',
    'dist/sync-notify-api-button.js',
    'dist/sync-notify-sw.js',
    'dist/sync-notify-api-sw.js',
    'custom-elements.json',
  ]) {
    assert.ok(packed.includes(file), `${file} is in the tarball`);
  }
  assert.deepEqual(packed.filter((file) => !/^(lib|dist)\/|^(custom-elements|package)\.json$|^(README\.md|LICENSE)$/.test(file)), []);
});

test('esbuild bundles `import "sync-notify-button"` into a page that defines and renders the element', async () => {
  const result = await build({
    absWorkingDir: scratch,
    entryPoints: ['app.js'],
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: 'public/esbuild.js',
    logLevel: 'silent',
  });
  assert.deepEqual(await renderedButton(browser, await pageFor('esbuild')), { defined: true, button: true, slot: true, errors: [] });
  // A package whose sideEffects leave the entry out draws esbuild's "ignored-bare-import" warning.
  assert.deepEqual(result.warnings.map((warning) => warning.text), []);
});

test('rollup with @rollup/plugin-node-resolve bundles it into a page that defines and renders the element', async () => {
  const warnings = [];
  const bundle = await rollup({
    input: join(scratch, 'app.js'),
    plugins: [nodeResolve({ browser: true })],
    onwarn: (warning) => warnings.push(warning.message),
  });
  await bundle.write({ file: join(scratch, 'public', 'rollup.js'), format: 'es' });
  await bundle.close();
  assert.deepEqual(await renderedButton(browser, await pageFor('rollup')), { defined: true, button: true, slot: true, errors: [] });
  // Dropped, the import leaves rollup an empty chunk, and it says so.
  assert.deepEqual(warnings, []);
});
