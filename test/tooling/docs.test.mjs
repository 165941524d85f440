/**
 * The docs say only what the code does. Every fenced snippet of README.md, CONTRIBUTING.md and
 * docs/*.md carries a `<!-- check: NAME -->` line, and a test under test/ checks it by that name:
 * the Frameworks ones in frameworks.test.mjs and bundlers.test.mjs, the CDN page in cdn.test.mjs,
 * every other one here:
 * - JavaScript for a page, and the inline module scripts of HTML snippets, type-checked by tsc
 *   against the built lib/ (a script-tag file's import against the declarations it was built from,
 *   and the names it imports against what the dist file exports);
 * - the worker's JavaScript, type-checked with the WebWorker lib, the files it imports built;
 * - HTML: each script's file is one the build emits (a CDN's at this version), each element's
 *   attributes are in custom-elements.json;
 * - shell: each `npm` command names a script of package.json; the CSP header: the one the Trusted
 *   Types test serves.
 * And the hand-written lists that the reference does not replace match the code: the README's
 * attributes and events, the sentences tables, the exports table of docs/javascript.md.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { distExports } from '../../scripts/reference.mjs';
import { allSnippets, DOC_FILES, markdown, markedSnippets } from '../support/readme.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));

/** What a snippet takes as given, declared before it is type-checked. */
const GIVEN = {
  'queue-api-call.js': 'declare const registration: ServiceWorkerRegistration;\ndeclare const text: string;\ndeclare const room: string;',
  'outbox-control.js': "import type { OutboxItem, OutboxFailure } from 'sync-notify-button';\ndeclare const item: OutboxItem;\ndeclare const failure: OutboxFailure;",
  'messages-override.js':
    "import type { SyncNotifyButton } from 'sync-notify-button';\nimport type { SyncNotifyOutbox } from 'sync-notify-button/outbox';\ndeclare const button: SyncNotifyButton;\ndeclare const outbox: SyncNotifyOutbox;",
  'sign-out-button.html': 'declare const signOutButton: HTMLButtonElement;',
  'npm-worker.js': 'declare const self: ServiceWorkerGlobalScope;',
  'request-headers-hook.js':
    "import type { RequestHeadersHook } from 'sync-notify-button/sw';\ndeclare const self: ServiceWorkerGlobalScope & { syncNotifyHeaders?: RequestHeadersHook };",
};

/** How each snippet is checked (the Frameworks snippets and cdn.html are run by their own tests too). */
const PAGE_JS = ['queue-api-call.js', 'queue-notification.js', 'outbox-control.js', 'translation-import.js', 'messages-override.js', 'register-translation.js'];
const WORKER_JS = ['worker-line.js', 'npm-worker.js', 'form-worker-line.js', 'request-headers-hook.js'];
const HTML = [
  'cdn.html',
  'form.html',
  'outbox-two-lines.html',
  'api-call-button.html',
  'sign-out-button.html',
  'sign-out-script-tag.html',
  'outbox-element.html',
  'owner.html',
  'owner-meta.html',
  'translation-script-tag.html',
];
const SHELL = ['two-commands.sh', 'readme-commands.sh', 'bench.sh'];
/** Server code that a test runs as it is: the owner check the Django site uses (site_config/owner_check.py). */
const DJANGO_OWNER_CHECK = 'owner-check-django.py';
const CSP = 'csp-trusted-types.http';

let snippets, byName;

before(async () => {
  snippets = await allSnippets();
  byName = new Map(snippets.filter((s) => s.name).map((s) => [s.name, s.code]));
});

/** Every file under test/ but the snippets the frameworks test writes out. */
function testSources(dir = join(ROOT, 'test')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Written by the tests themselves: the frameworks' snippets, the previous releases' builds.
    if (entry.isDirectory()) return /fixtures[/\\](frameworks[/\\]readme|previous-releases)$/.test(path) ? [] : testSources(path);
    return /\.(m?js|ts|tsx|html)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

test('every fenced snippet in README.md, CONTRIBUTING.md and docs/*.md has a <!-- check: NAME --> line, each name used once', () => {
  const unmarked = snippets.filter((s) => !s.name).map((s) => `${s.file}:${s.line}`);
  assert.deepEqual(unmarked, [], 'snippets without a check marker');
  const names = snippets.map((s) => s.name);
  assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), [], 'marker names used twice');
});

test('every marker is named by a test under test/ (a marker nothing checks is a promise nobody keeps)', () => {
  const sources = testSources().join('\n');
  const unchecked = snippets.filter((s) => !sources.includes(`'${s.name}'`)).map((s) => `${s.name} (${s.file}:${s.line})`);
  assert.deepEqual(unchecked, []);
  // And each name this file checks is in the docs.
  for (const name of [...PAGE_JS, ...WORKER_JS, ...HTML, ...SHELL, CSP, DJANGO_OWNER_CHECK]) assert.ok(byName.has(name), `a snippet is marked "${name}"`);
});

/** The inline `<script type="module">` bodies of an HTML snippet. */
const inlineScripts = (html) => [...html.matchAll(/<script type="module">\n([\s\S]*?)<\/script>/g)].map((match) => match[1]);

/** The dist file a script's path or CDN URL stands for, e.g. `dist/sync-notify-button.js`. */
function distFileOf(src) {
  const cdn = /^https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/sync-notify-button@([^/]+)\/(dist\/.+)$/.exec(src);
  if (cdn) {
    assert.equal(cdn[1], pkg.version, `${src} is pinned to this version`);
    return cdn[2];
  }
  assert.match(src, /^\/[\w./-]+\.js$/, `${src} is a path on the site`);
  return `dist${src}`;
}

/** Type-checks `files` (name → code) in memory, as modules beside the package, with `lib`; returns tsc's errors by file. */
function typeCheck(files, lib) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const dir = join(ROOT, 'test/fixtures/docs-snippets');
  const virtual = new Map(Object.entries(files).map(([name, code]) => [join(dir, `${name}.ts`), code]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) =>
    virtual.has(file) ? ts.createSourceFile(file, virtual.get(file), language) : getSourceFile.call(host, file, language, ...rest);
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors = {};
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? relative(dir, diagnostic.file.fileName).replace(/\.ts$/, '') : '(program)';
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    (errors[file] ??= []).push(`${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  }
  return errors;
}

/** A snippet as a module to type-check: what it takes as given, then its code. */
const asModule = (name, code) => `${GIVEN[name] ?? ''}\nexport {};\n${code}`;

test("page JavaScript, and HTML snippets' inline module scripts, type-check against the built lib/", async () => {
  const files = {};
  for (const name of PAGE_JS) files[name] = asModule(name, byName.get(name));
  for (const name of HTML) {
    inlineScripts(byName.get(name)).forEach((script, index) => {
      // A script-tag file's import, against the declarations of the entry it is built from.
      const code = script.replace(/from '\/([\w-]+)\.js'/g, (whole, file) => {
        const entry = join(ROOT, 'lib/script-tag', `${file}.js`);
        assert.ok(existsSync(entry.replace(/\.js$/, '.d.ts')), `/${file}.js is a script-tag file (src/script-tag/${file}.ts)`);
        return `from '${entry}'`;
      });
      files[`${name}.${index}`] = asModule(name, code);
    });
  }
  assert.ok(Object.keys(files).some((name) => name.startsWith('owner.html')), 'the inline scripts were found');
  assert.deepEqual(typeCheck(files, ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts']), {});
});

test('the names an inline script imports from a dist file are what that built file exports', async () => {
  for (const name of HTML) {
    for (const script of inlineScripts(byName.get(name))) {
      for (const [, names, file] of script.matchAll(/import \{([^}]*)\} from '(\/[\w./-]+\.js)'/g)) {
        const dist = distFileOf(file);
        const exported = (await distExports([dist])).get(dist);
        for (const imported of names.split(',').map((n) => n.trim())) assert.ok(exported.includes(imported), `${dist} exports ${imported} (${name})`);
      }
    }
  }
});

test("the worker's snippets type-check as a service worker, and the files they import are built", () => {
  const files = Object.fromEntries(WORKER_JS.map((name) => [name, asModule(name, byName.get(name))]));
  assert.deepEqual(typeCheck(files, ['lib.es2022.d.ts', 'lib.webworker.d.ts']), {});
  for (const name of WORKER_JS) {
    for (const [, path] of byName.get(name).matchAll(/'(\/[\w./-]+\.js)'/g)) assert.ok(existsSync(join(ROOT, distFileOf(path))), `${path} is built (${name})`);
  }
});

test("HTML snippets: each script's file is built (a CDN's pinned to this version), each element's attributes are in custom-elements.json", () => {
  const attributes = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) attributes.set(declaration.tagName, new Set([...(attributes.get(declaration.tagName) ?? []), ...(declaration.attributes ?? []).map((a) => a.name)]));
    }
  }
  for (const name of HTML) {
    const html = byName.get(name);
    for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) assert.ok(existsSync(join(ROOT, distFileOf(src))), `${src} is built (${name})`);
    for (const [, tag, attrs] of html.matchAll(/<(sync-notify-[\w-]+)([^>]*)>/g)) {
      assert.ok(attributes.has(tag), `<${tag}> is an element of custom-elements.json (${name})`);
      for (const [, attribute] of attrs.matchAll(/([\w-]+)(?:="[^"]*")?/g)) {
        assert.ok(attributes.get(tag).has(attribute), `${attribute} is an attribute of <${tag}> (${name})`);
      }
    }
  }
});

test("the Django owner check is the middleware the test suite's Django site runs, as it is", () => {
  assert.equal(byName.get(DJANGO_OWNER_CHECK), readFileSync(join(ROOT, 'test/support/django-site/site_config/owner_check.py'), 'utf8'));
});

test('shell snippets: each npm command is an npm command or a script of package.json', () => {
  for (const name of SHELL) {
    const commands = byName.get(name).split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean).flatMap((line) => line.split('&&').map((part) => part.trim()));
    assert.ok(commands.length > 0, name);
    for (const command of commands) {
      const [tool, first, second] = command.split(/\s+/);
      assert.equal(tool, 'npm', `${command} (${name})`);
      if (first === 'install') continue;
      const script = first === 'run' ? second : first;
      assert.ok(script in pkg.scripts, `npm run ${script} is a script of package.json (${name})`);
    }
  }
});

test("the CSP snippet is the policy the Trusted Types test serves, with which the element is defined", () => {
  const header = /^Content-Security-Policy: (.+)$/.exec(byName.get(CSP).trim());
  assert.ok(header, 'one Content-Security-Policy header');
  const served = readFileSync(join(ROOT, 'web-test-runner.config.mjs'), 'utf8');
  const e2e = readdirSync(join(ROOT, 'test/e2e')).map((file) => readFileSync(join(ROOT, 'test/e2e', file), 'utf8')).join('\n');
  // The fixture page is served with "require-trusted-types-for 'script'; <the test's policy>".
  assert.match(served, /context\.set\('Content-Security-Policy', `require-trusted-types-for 'script'; \$\{context\.query\.policy\}`\)/);
  const policy = header[1].replace(/^require-trusted-types-for 'script'; /, '');
  assert.notEqual(policy, header[1], 'the snippet requires Trusted Types for scripts');
  assert.match(e2e, new RegExp(`const \\{ defined, errors \\} = await load\\('${policy}'\\);\\n\\s*expect\\(defined\\)\\.to\\.equal\\(true\\)`));
});

/** The backticked names of a markdown table's first column, in the `## heading` section of `text`. */
function firstColumn(text, heading) {
  const start = heading === null ? 0 : text.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `a "${heading}" section`);
  const end = heading === null ? -1 : text.indexOf('\n## ', start + 1);
  const rows = text.slice(start, end === -1 ? undefined : end).split('\n').filter((line) => /^\| `/.test(line));
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => /^[\w$-]+/.exec(match[1])[0]));
}

const sorted = (values) => [...new Set(values)].sort();
const element = (tag) => manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName === tag).sort((a, b) => b.attributes.length - a.attributes.length)[0];

test("README: the attributes table names every attribute of <sync-notify-button>, the events table every event", async () => {
  const readme = await markdown('README.md');
  const button = element('sync-notify-button');
  assert.deepEqual(sorted(firstColumn(readme, 'Attributes')), sorted(button.attributes.map((a) => a.name)));
  assert.deepEqual(sorted(firstColumn(readme, 'Events')), sorted(button.events.map((e) => e.name)));
});

/** The names a declaration file exports, and the properties of its exported types. */
function exportsOf(file) {
  const program = ts.createProgram([join(ROOT, file)], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))));
  const keysOf = (name) => {
    const symbol = symbols.find((s) => s.getName() === name);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(target)).map((p) => p.getName());
  };
  return { names: symbols.map((s) => s.getName()), keysOf };
}

test('docs/translations.md: the sentences tables list every key of SyncNotifyMessages and SyncNotifyOutboxMessages', async () => {
  const text = await markdown('docs/translations.md');
  const { keysOf } = exportsOf('lib/index.d.ts');
  const tables = text.slice(text.indexOf('\n## Sentences\n')).split(/\n(?=\| key \|)/).slice(1);
  assert.equal(tables.length, 2, 'a table for each element');
  const keys = (table) => sorted(firstColumn(`\n## T\n${table.split('\n\n')[0]}`, 'T'));
  assert.deepEqual(keys(tables[0]), sorted(keysOf('SyncNotifyMessages')));
  assert.deepEqual(keys(tables[1]), sorted(keysOf('SyncNotifyOutboxMessages')));
});

test('docs/javascript.md: the exports table names exports of the main entry, each once', async () => {
  const text = await markdown('docs/javascript.md');
  const { names } = exportsOf('lib/index.d.ts');
  const listed = firstColumn(text, null);
  assert.ok(listed.length > 10);
  assert.deepEqual(listed.filter((name, i) => listed.indexOf(name) !== i), [], 'named twice');
  assert.deepEqual(listed.filter((name) => !names.includes(name)), [], 'not exported');
});

test('markedSnippets still reads one section of a file', async () => {
  assert.deepEqual([...markedSnippets(await markdown('README.md'), 'Use it on a site: three lines').keys()], ['cdn.html', 'worker-line.js', 'npm-worker.js']);
});

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');

test('every relative link in the docs names a file that exists, and a heading of it', async () => {
  const headings = new Map();
  for (const file of DOC_FILES) {
    const text = (await markdown(file)).replace(/^```[\s\S]*?^```$/gm, '');
    headings.set(file, new Set([...text.matchAll(/^#+ (.+)$/gm)].map((match) => anchorOf(match[1]))));
  }
  const broken = [];
  for (const file of DOC_FILES) {
    for (const [, link] of (await markdown(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(link)) continue;
      const [path, anchor] = link.split('#');
      const target = path ? relative(ROOT, join(ROOT, file, '..', path)) : file;
      if (!existsSync(join(ROOT, target))) broken.push(`${file}: ${link} (no such file)`);
      else if (anchor && headings.has(target) && !headings.get(target).has(anchor)) broken.push(`${file}: ${link} (no such heading)`);
    }
  }
  assert.deepEqual(broken, []);
});
