/**
 * The package as npm ships it, in the bundlers apps use, with the real tools: `npm pack` of the
 * build, installed into a scratch app (lit and idb from the registry or npm's cache), whose one
 * line `import 'sync-notify-button';` is bundled by esbuild and by rollup; each bundle, loaded in
 * headless Chromium, defines the element and renders its button. A `sideEffects` list that let a
 * bundler drop the bare import would leave the element undefined here.
 *
 * The React snippets of docs/frameworks.md run there too, bundled by esbuild: React 19 with the element itself
 * (in the same app), React 18 with the `sync-notify-button/react` wrapper (in an app of its own).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import nodeResolve from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { snippet as docSnippet } from '../support/readme.mjs';
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
  const tarball = join(scratch, filename);
  const app = async (dir, dependencies) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
    await npm(['install', tarball, ...dependencies, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], dir);
  };
  await Promise.all([app(scratch, ['react@19', 'react-dom@19']), app(join(scratch, 'react18'), ['react@18', 'react-dom@18', '@lit/react@1'])]);
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

test('npm pack ships lib/, the dist files with their shared chunks, and the manifest', async () => {
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
  // Every file the build wrote, the chunks the page files import among them.
  const { files } = JSON.parse(await readFile(join(ROOT, 'dist/sizes.json'), 'utf8'));
  assert.deepEqual(Object.keys(files).filter((file) => !packed.includes(file)), []);
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

/**
 * Renders the docs' `snippet` (a module exporting `SendButton`) with React, presses its
 * button, and reports the element's props and what the snippet's error handler logged: headless
 * Chromium refuses notifications, so the click ends in `sync-notify-error`, `permission-denied`.
 */
async function runReactSnippet(snippet, { app = scratch, props = '' } = {}) {
  const name = snippet.replace(/\.tsx$/, '');
  await writeFile(join(app, snippet), await docSnippet(snippet));
  await writeFile(
    join(app, `${name}-app.jsx`),
    `import { createRoot } from 'react-dom/client';\nimport { SendButton } from './${snippet}';\n` +
      `createRoot(document.getElementById('root')).render(<SendButton ${props} />);\n`,
  );
  const result = await build({
    absWorkingDir: app,
    entryPoints: [`${name}-app.jsx`],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(scratch, 'public', `${name}.js`),
    logLevel: 'silent',
  });
  assert.deepEqual(result.warnings.map((warning) => warning.text), []);
  await writeFile(join(scratch, 'public', `${name}.html`), `<!doctype html>\n<div id="root"></div>\n<script type="module" src="./${name}.js"></script>\n`);

  const page = await browser.newPage();
  const logged = [];
  page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico') && logged.push(message.text()));
  try {
    await page.goto(`${site.origin}/${name}.html`);
    const element = await page.waitForSelector('sync-notify-button');
    const props = await element.evaluate(async (button) => {
      await button.updateComplete;
      return {
        title: button.title,
        messages: button.messages,
        messagesAttribute: button.getAttribute('messages'),
        text: button.textContent.trim(),
      };
    });
    await element.evaluate((button) => button.shadowRoot.querySelector('button').click());
    await page.waitForFunction(() => document.querySelector('sync-notify-button').state === 'denied');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { props, logged };
  } finally {
    await page.close();
  }
}

test('React 19 renders the docs snippet (react-19.tsx): messages set as a property, onsync-notify-error given the CustomEvent and its detail', async () => {
  const { props, logged } = await runReactSnippet('react-19.tsx', { props: 'room="kitchen"' });
  assert.deepEqual(props, { title: 'New message', messages: { buttonLabel: 'Send' }, messagesAttribute: null, text: 'Send' });
  assert.equal(logged.length, 1, `one line logged: ${logged.join(' | ')}`);
  assert.match(logged[0], /^permission-denied Notifications are blocked for this site\./);
});

test('React 18 renders the docs wrapper snippet (react-18.tsx, sync-notify-button/react): messages set as a property, onSyncNotifyError called', async () => {
  const { props, logged } = await runReactSnippet('react-18.tsx', { app: join(scratch, 'react18') });
  assert.deepEqual(props, { title: 'New message', messages: { buttonLabel: 'Send' }, messagesAttribute: null, text: 'Send' });
  assert.deepEqual(logged, ['permission-denied']);
});
