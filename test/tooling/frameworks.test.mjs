/**
 * The element in frameworks, with the real tools, against the built lib/ (as the package resolves
 * itself through its `exports`):
 * - tsc: the React fixtures in test/fixtures/frameworks/ (one that passes, one whose wrong props
 *   must fail with the errors named here, one for the React 18 wrapper) and every TypeScript
 *   snippet of docs/frameworks.md, in one program, with the libraries' .d.ts
 *   checked too (the shipped lib/react-jsx.d.ts must hold without skipLibCheck);
 * - @vue/compiler-sfc: the docs' Vue file, with the compilerOptions of its Vite config;
 * - svelte/compiler: the docs' Svelte file.
 * Every fenced snippet of that page carries a `<!-- check: NAME -->` line, and each is checked.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileScript, parse as parseVue } from '@vue/compiler-sfc';
import { build } from 'esbuild';
import { compile as compileSvelte } from 'svelte/compiler';
import { markdown, markedSnippets } from '../support/readme.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/frameworks');
const README_DIR = join(FIXTURES, 'readme');
const TAG = 'sync-notify-button';

/** The content of a `<script …>` block. */
const scriptOf = (source) => /<script[^>]*>\n([\s\S]*?)<\/script>/.exec(source)[1];

/** The attributes of the snippet's opening `<sync-notify-button …>` tag, as written. */
function tagAttributes(source) {
  const opening = new RegExp(`<${TAG}\\s([^>]*)>`).exec(source)[1];
  return [...opening.matchAll(/([^\s=]+)(?:=("[^"]*"|\{[^}]*\}))?/g)].map((match) => match[1]);
}

/** What custom-elements.json says the element has: settable properties, attributes, events. */
async function manifest() {
  const { modules } = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8'));
  const element = modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === TAG);
  const readOnly = new Set(['state', 'reason', 'pending']);
  return {
    properties: new Set(element.members.filter((m) => m.kind === 'field' && !m.static && !m.privacy && !readOnly.has(m.name)).map((m) => m.name)),
    attributes: new Set(element.attributes.map((attribute) => attribute.name)),
    events: new Set(element.events.map((event) => event.name)),
  };
}

let snippets, element, diagnostics;

before(async () => {
  snippets = markedSnippets(await markdown('docs/frameworks.md'), null, { every: true });
  element = await manifest();
  // The page's TypeScript, and the scripts of its Vue and Svelte files, join the fixtures' program.
  await rm(README_DIR, { recursive: true, force: true });
  await mkdir(README_DIR);
  for (const [name, code] of snippets) {
    if (/\.tsx?$/.test(name)) await writeFile(join(README_DIR, name), code);
    if (/\.(vue|svelte)$/.test(name)) await writeFile(join(README_DIR, `${name}.ts`), scriptOf(code));
  }
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const output = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', join(FIXTURES, 'tsconfig.json')], {
    cwd: ROOT,
  }).then(
    ({ stdout }) => stdout,
    (error) => error.stdout,
  );
  diagnostics = [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, code, message]) => ({
    file: relative(ROOT, join(ROOT, file)),
    line: Number(line),
    code,
    message,
  }));
  assert.ok(diagnostics.length > 0 || output.trim() === '', `tsc printed only diagnostics:\n${output}`);
});

/** tsc's errors in one file, as `line: TSxxxx message`. */
const errorsIn = (file) =>
  diagnostics.filter((d) => d.file === `test/fixtures/frameworks/${file}`).map((d) => `${d.line}: ${d.code} ${d.message}`);

test('docs/frameworks.md: every snippet has a check, and each check below runs', () => {
  assert.deepEqual([...snippets.keys()].sort(), [
    'SendButton.svelte',
    'SendButton.vue',
    'react-18.tsx',
    'react-19.tsx',
    'send-button.component.ts',
    'vite.config.js',
  ]);
});

test('tsc: no error outside the fixture that must fail (lib/*.d.ts and the libraries included)', () => {
  const elsewhere = diagnostics.filter((d) => d.file !== 'test/fixtures/frameworks/react19-wrong-prop.tsx');
  assert.deepEqual(elsewhere, []);
});

test('React 19 typings: <sync-notify-button> with attributes, properties, on… events and a ref type-checks against @types/react 19', () => {
  assert.deepEqual(errorsIn('react19.tsx'), []);
});

test('React 19 typings: a wrong prop type fails (TS2322 maxAge="an hour", TS2559 messages={42}, TS2322 a handler of the wrong event)', () => {
  assert.deepEqual(
    diagnostics.filter((d) => d.file.endsWith('react19-wrong-prop.tsx')).map((d) => [d.line, d.code]),
    [
      [6, 'TS2322'],
      [8, 'TS2559'],
      [11, 'TS2322'],
    ],
  );
});

test('React 18 wrapper (sync-notify-button/react, @lit/react): props, onSyncNotify… events and a ref type-check', () => {
  assert.deepEqual(errorsIn('react18-wrapper.tsx'), []);
});

test('docs/frameworks.md › React 19 snippet type-checks, and opts into the JSX typings itself', () => {
  assert.match(snippets.get('react-19.tsx'), /^import type \{\} from 'sync-notify-button\/react-jsx';/m);
  assert.deepEqual(errorsIn('readme/react-19.tsx'), []);
});

test('docs/frameworks.md › React 18 snippet type-checks', () => {
  assert.deepEqual(errorsIn('readme/react-18.tsx'), []);
});

test('docs/frameworks.md › Vue: with the Vite config\'s isCustomElement, @vue/compiler-sfc compiles the file to the element, .prop to a property, @event to a listener', async () => {
  // The config, run with two stand-ins that hand back what they were given: Vite's defineConfig,
  // and @vitejs/plugin-vue, which passes `template.compilerOptions` on to @vue/compiler-sfc.
  const standIns = {
    vite: 'export const defineConfig = (config) => config;',
    '@vitejs/plugin-vue': 'export default (options) => ({ name: "vite:vue", options });',
  };
  const { outputFiles } = await build({
    stdin: { contents: snippets.get('vite.config.js'), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'stand-ins',
        setup(builder) {
          builder.onResolve({ filter: /^(vite|@vitejs\/plugin-vue)$/ }, ({ path }) => ({ path, namespace: 'stand-in' }));
          builder.onLoad({ filter: /.*/, namespace: 'stand-in' }, ({ path }) => ({ contents: standIns[path] }));
        },
      },
    ],
  });
  const config = (await import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`)).default;
  const { compilerOptions } = config.plugins[0].options.template;

  // As the plugin does: the options go to the template's parse (where a tag's kind is decided) and compile.
  const compiled = (options, filename) => {
    const { descriptor, errors } = parseVue(snippets.get('SendButton.vue'), { filename, templateParseOptions: options });
    assert.deepEqual(errors, []);
    return compileScript(descriptor, { id: filename, inlineTemplate: true, templateOptions: { compilerOptions: options } }).content;
  };
  const code = compiled(compilerOptions, 'SendButton.vue');
  assert.match(code, /_createElementBlock\("sync-notify-button", \{/);
  assert.doesNotMatch(code, /resolveComponent/);
  assert.match(code, /"\.messages": messages/);
  assert.match(code, /onSyncNotifyQueued: onQueued/);
  // Without the option, the tag would be looked up as a Vue component.
  assert.match(compiled({}, 'WithoutTheOption.vue'), /_resolveComponent\("sync-notify-button"\)/);

  for (const name of tagAttributes(snippets.get('SendButton.vue'))) {
    const property = /^:(.+)\.prop$/.exec(name)?.[1];
    const event = /^@(.+)$/.exec(name)?.[1];
    if (property) assert.ok(element.properties.has(property), `${property} is a property of the element`);
    else if (event) assert.ok(element.events.has(event), `${event} is an event of the element`);
    else assert.ok(element.attributes.has(name), `${name} is an attribute of the element`);
  }
  assert.deepEqual(errorsIn('readme/SendButton.vue.ts'), [], 'the <script setup> type-checks');
});

test('docs/frameworks.md › Svelte 5: svelte/compiler compiles the file (runes mode) with no warning, props set on the element and the event listened to', () => {
  const source = snippets.get('SendButton.svelte');
  const { js, warnings } = compileSvelte(source, { filename: 'SendButton.svelte', runes: true });
  assert.deepEqual(warnings.map((warning) => warning.message), []);
  assert.match(js.code, /\$\.set_custom_element_data\(sync_notify_button, 'messages', messages\)/);
  assert.match(js.code, /\$\.event\('sync-notify-queued', sync_notify_button, onQueued\)/);

  for (const name of tagAttributes(source)) {
    const shorthand = /^\{(.+)\}$/.exec(name)?.[1];
    const event = /^on(.+)$/.exec(name)?.[1];
    if (shorthand) assert.ok(element.properties.has(shorthand), `${shorthand} is a property of the element`);
    else if (event) assert.ok(element.events.has(event), `${event} is an event of the element`);
    else assert.ok(element.attributes.has(name), `${name} is an attribute of the element`);
  }
  assert.deepEqual(errorsIn('readme/SendButton.svelte.ts'), [], 'the <script lang="ts"> type-checks');
});

test('docs/frameworks.md › Angular: the component type-checks against @angular/core, with CUSTOM_ELEMENTS_SCHEMA and bindings the element has', () => {
  const source = snippets.get('send-button.component.ts');
  assert.deepEqual(errorsIn('readme/send-button.component.ts'), []);
  assert.match(source, /schemas: \[CUSTOM_ELEMENTS_SCHEMA\]/);
  const bindings = tagAttributes(/template: `([\s\S]*?)`/.exec(source)[1]);
  assert.ok(bindings.some((name) => name.startsWith('(')), 'the template listens to an event');
  for (const name of bindings) {
    const property = /^\[(.+)\]$/.exec(name)?.[1];
    const event = /^\((.+)\)$/.exec(name)?.[1];
    if (property) assert.ok(element.properties.has(property), `${property} is a property of the element`);
    else if (event) assert.ok(element.events.has(event), `${event} is an event of the element`);
    else assert.ok(element.attributes.has(name), `${name} is an attribute of the element`);
  }
});
