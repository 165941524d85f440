/**
 * Writes docs/reference.md from the build, so that the reference cannot drift from the code:
 * - each element, by tag, from custom-elements.json (`npm run analyze`): attributes, properties,
 *   methods, events, slots, parts and CSS custom properties;
 * - each entry point's exports: the npm entries from package.json's `exports` (their lib/*.d.ts,
 *   read with the TypeScript compiler), the dist/ files from the build's own output (esbuild's
 *   reading of each file's `export` statement; the worker's and the translations' files are
 *   classic scripts and export nothing);
 * - what a page pays for each dist/ file a site loads (with the chunks it imports) and for the sets
 *   of them a site loads together, each file's sizes and integrity, from the build's report
 *   (dist/sizes.json).
 *
 * `npm run reference` after `npm run build`. test/tooling/reference.test.mjs regenerates it in
 * memory and fails when the committed file differs. The build itself never writes it: then that
 * check could never fail. Deterministic: sorted where the order means nothing, no dates.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { SIZE_REPORT } from './size-budget.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REFERENCE = 'docs/reference.md';

const read = (file) => readFileSync(join(ROOT, file), 'utf8');
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const code = (text) => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '');
/** A table cell: one line, pipes escaped (inside code spans too, as GitHub's tables need). */
const cell = (text = '') => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const list = (names) => names.map((name) => `\`${name}\``).join(', ');

function table(head, rows) {
  if (rows.length === 0) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n') + '\n';
}

/** The source module a lib/ declaration file was built from: lib/x.d.ts → src/x.ts. */
const sourceOf = (declarationFile) => relative(ROOT, declarationFile).replace(/^lib\//, 'src/').replace(/\.d\.ts$/, '.ts');

/**
 * The npm entry points, from package.json's `exports`: `{ specifier, types }`, a wildcard expanded
 * to the files it matches. `./dist/*` and `./package.json` are files, not modules with types.
 */
function npmEntries() {
  const { name, exports } = JSON.parse(read('package.json'));
  const entries = [];
  for (const [subpath, target] of Object.entries(exports)) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!types) continue;
    const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
    if (!subpath.includes('*')) {
      entries.push({ specifier, types: types.replace(/^\.\//, '') });
      continue;
    }
    const [typesDir, typesSuffix] = types.replace(/^\.\//, '').split('*');
    for (const file of readdirSync(join(ROOT, typesDir)).filter((file) => file.endsWith(typesSuffix)).sort()) {
      const stem = file.slice(0, -typesSuffix.length);
      entries.push({ specifier: specifier.replace('*', stem), types: `${typesDir}${file}` });
    }
  }
  return entries.sort((a, b) => (a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : 0));
}

/**
 * What each declaration file exports, as the TypeScript compiler resolves it (re-exports followed):
 * `{ values, types, origins }`, `origins` mapping a value's name to the src/ module that declares it.
 */
function declaredExports(files) {
  const program = ts.createProgram(
    files.map((file) => join(ROOT, file)),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] },
  );
  const checker = program.getTypeChecker();
  const result = new Map();
  for (const file of files) {
    const source = program.getSourceFile(join(ROOT, file));
    const module = source && checker.getSymbolAtLocation(source);
    const values = [];
    const types = [];
    const origins = new Map();
    for (const symbol of module ? checker.getExportsOfModule(module) : []) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const name = symbol.getName();
      if (target.flags & ts.SymbolFlags.Value) {
        values.push(name);
        const declaration = target.declarations?.[0];
        if (declaration) origins.set(name, sourceOf(declaration.getSourceFile().fileName));
      } else {
        types.push(name);
      }
    }
    result.set(file, { values: values.sort(), types: types.sort(), origins });
  }
  return result;
}

/** The names each dist/*.js file (a path from the repository's root) exports, read from the built file itself. */
export async function distExports(files) {
  const result = new Map();
  for (const file of files) {
    const { metafile } = await build({ entryPoints: [join(ROOT, file)], write: false, metafile: true, outdir: 'out', logLevel: 'silent' });
    result.set(file, Object.values(metafile.outputs).flatMap((output) => output.exports ?? []).sort());
  }
  return result;
}

/**
 * The elements of custom-elements.json, by tag. A tag declared more than once (a base class and the
 * subclass that registers it, say) is documented from the declaration with the most attributes.
 * Declarations without a tag are not elements of their own.
 */
export function elementsByTag(manifest) {
  const tags = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      tags.set(declaration.tagName, [...(tags.get(declaration.tagName) ?? []), { module: module.path, declaration }]);
    }
    for (const definition of (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition')) {
      const declared = tags.get(definition.name) ?? [];
      if (!declared.some((d) => d.module === module.path)) {
        const declaration = manifest.modules
          .find((m) => m.path === definition.declaration.module?.replace(/^\//, ''))
          ?.declarations?.find((d) => d.name === definition.declaration.name);
        if (declaration) tags.set(definition.name, [...declared, { module: module.path, declaration: { ...declaration, tagName: definition.name }, definedOnly: true }]);
      }
    }
  }
  return [...tags.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tag, declarations]) => {
      const sorted = declarations.sort((a, b) => (a.module < b.module ? -1 : 1));
      const documented = sorted.reduce((best, d) => ((d.declaration.attributes?.length ?? 0) > (best.declaration.attributes?.length ?? 0) ? d : best));
      return { tag, declarations: sorted, documented };
    });
}

function renderElement({ tag, declarations, documented }, entryPoints) {
  const { declaration } = documented;
  const members = (declaration.members ?? []).filter((m) => !m.static && !m.privacy && !m.name.startsWith('_') && !m.name.startsWith('#'));
  const fields = new Map(members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
  const out = [`### \`<${tag}>\``, ''];
  const modules = declarations.map((d) => `\`${d.module}\``);
  out.push(
    declarations.length > 1
      ? `Class \`${declaration.name}\`. Declared in ${modules.join(', ')}; documented from \`${documented.module}\`, which has the most attributes.`
      : `Class \`${declaration.name}\`, declared in \`${documented.module}\`.`,
  );
  const entries = entryPoints.filter((entry) => declarations.some((d) => entry.origins.get(d.declaration.name) === d.module));
  if (entries.length) out.push(`Defined by: ${list(entries.map((entry) => entry.name))}.`);
  // Where another file defines the tag too, what only the documented class has exists only where it defines the tag.
  const others = declarations.filter((d) => d !== documented).map(({ declaration: other }) => new Set([...(other.attributes ?? []), ...(other.members ?? [])].map((m) => m.name)));
  const only = (member) => (others.length && others.every((names) => !names.has(member.name)) ? ` Only where \`${documented.module}\` defines the tag.` : '');
  out.push('');
  if (declaration.summary || declaration.description) out.push(cell(declaration.summary ?? declaration.description), '');

  const attributes = [...(declaration.attributes ?? [])].sort(byName);
  if (attributes.length) {
    out.push('#### Attributes', '');
    out.push(
      table(
        ['attribute', 'property', 'type', 'default', 'description'],
        attributes.map((a) => {
          const field = fields.get(a.fieldName);
          return [code(a.name), code(a.fieldName), code(a.type?.text ?? field?.type?.text), code(a.default ?? field?.default), cell((a.description ?? field?.description ?? '') + only(a))];
        }),
      ),
    );
  }
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const properties = [...fields.values()].filter((f) => !attributeFields.has(f.name)).sort(byName);
  if (properties.length) {
    out.push('#### Properties without an attribute', '');
    out.push(table(['property', 'type', 'default', 'description'], properties.map((p) => [code(p.name), code(p.type?.text), code(p.default), cell((p.description ?? '') + only(p))])));
  }
  const methods = members.filter((m) => m.kind === 'method').sort(byName);
  if (methods.length) {
    out.push('#### Methods', '');
    out.push(
      table(
        ['method', 'returns', 'description'],
        methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), code(m.return?.type?.text), cell(m.description)]),
      ),
    );
  }
  const sections = [
    ['Events', ['event', 'type', 'description'], declaration.events, (e) => [code(e.name), code(e.type?.text), cell(e.description)]],
    ['Slots', ['slot', 'description'], declaration.slots, (s) => [s.name ? code(s.name) : '(default)', cell(s.description)]],
    ['Parts', ['part', 'description'], declaration.cssParts, (p) => [code(p.name), cell(p.description)]],
    ['CSS custom properties', ['property', 'default', 'description'], declaration.cssProperties, (p) => [code(p.name), code(p.default), cell(p.description)]],
  ];
  for (const [title, head, items, row] of sections) {
    if (!items?.length) continue;
    out.push(`#### ${title}`, '', table(head, [...items].sort(byName).map(row)));
  }
  return out.join('\n');
}

const kb = (bytes) => (bytes / 1000).toFixed(2);

/** A chunk the page files share (rollup.config.mjs), imported by them, never loaded by a site itself. */
const isChunk = (file) => /^dist\/sync-notify-shared-[\w-]+\.js$/.test(file);

/** The reference, as markdown. */
export async function generateReference() {
  const manifest = JSON.parse(read('custom-elements.json'));
  const sizes = JSON.parse(read(SIZE_REPORT));
  // What a site loads: the entries and the classic scripts, not the chunks the entries import.
  const distFiles = Object.keys(sizes.files).filter((file) => !isChunk(file));
  const npm = npmEntries();
  const declared = declaredExports(npm.map((entry) => entry.types));
  const dist = await distExports(distFiles);
  // The source of a dist file's exports: its src/script-tag/ entry, built into lib/script-tag/.
  const scriptTag = distFiles.map((file) => file.replace(/^dist\/(.*)\.js$/, 'lib/script-tag/$1.d.ts')).filter((file) => {
    try {
      return read(file) !== undefined;
    } catch {
      return false;
    }
  });
  const scriptTagDeclared = declaredExports(scriptTag);
  const entryPoints = [
    ...npm.map((entry) => ({ name: entry.specifier, origins: declared.get(entry.types).origins })),
    ...distFiles.map((file) => ({ name: file, origins: scriptTagDeclared.get(file.replace(/^dist\/(.*)\.js$/, 'lib/script-tag/$1.d.ts'))?.origins ?? new Map() })),
  ];

  const out = [
    '# Reference',
    '',
    '<!-- Generated by scripts/reference.mjs (`npm run reference`) from custom-elements.json, the built lib/ and dist/, and dist/sizes.json. Do not edit: `npm test` fails when this file differs from what the build says. -->',
    '',
    'Generated from the code: the elements from `custom-elements.json` (the JSDoc of `src/`, also read by',
    'editors and documentation tools), the exports from each entry point as built, the sizes from the',
    "build's own report. The guides are in the [README](../README.md) and the other pages of `docs/`.",
    '',
    '## Elements',
    '',
  ];
  for (const element of elementsByTag(manifest)) out.push(renderElement(element, entryPoints));

  out.push('## Exports', '', '### npm', '');
  const effectOnly = [];
  for (const entry of npm) {
    const { values, types } = declared.get(entry.types);
    if (!values.length && !types.length) {
      effectOnly.push(entry.specifier);
      continue;
    }
    out.push(`#### \`${entry.specifier}\``, '', `Types: \`${entry.types}\`.`, '');
    if (values.length) out.push(`- Values: ${list(values)}`);
    if (types.length) out.push(`- Types: ${list(types)}`);
    out.push('');
  }
  if (effectOnly.length) out.push('#### Imported for their effect', '', `These export nothing: ${list(effectOnly)}.`, '');
  out.push('### Script-tag files', '', 'What each file in `dist/` exports: a page imports it from the file it loads (`import { clearOutbox } from \'/sync-notify-button.js\'`). Each module has its types beside it (`dist/sync-notify-button.d.ts` …), for a site that checks its code with TypeScript. A classic script exports nothing: it runs for its effect, from `importScripts()` or a `<script>` tag.', '');
  out.push(
    table(
      ['file', 'exports'],
      distFiles.map((file) => [code(file), dist.get(file).length ? list(dist.get(file)) : 'none (a classic script)']),
    ),
  );

  const limits = [...new Set(Object.values(sizes.pages).flatMap(({ limit }) => (limit ? [limit] : [])))].join(' or ');
  out.push(
    '## Sizes',
    '',
    `As the build measured them (\`dist/sizes.json\`), each file compressed on its own, as a server sends it; 1 KB = 1000 bytes. The build fails when a page pays more than its file's gzip budget (\`rollup.config.mjs\`), or when a page with an element and the outbox element pays more than ${limits} × the larger alone.`,
    '',
    '### What a page pays',
    '',
    'A page file imports its shared chunks from its own folder: a page that loads one file pays for it and its chunks; a page that loads several pays for each chunk once.',
    '',
  );
  const chunkCount = (files) => files.filter(isChunk).length;
  out.push(
    table(
      ['a page that loads', 'files fetched', 'raw', 'gzip', 'brotli', 'gzip budget'],
      Object.entries(sizes.pages).map(([page, { files, raw, gzip, brotli, budgetGzip }]) => [
        page.split(' + ').map(code).join(' + '),
        chunkCount(files) ? `${files.length} (${chunkCount(files)} shared)` : String(files.length),
        `${kb(raw)} KB`,
        `${kb(gzip)} KB`,
        `${kb(brotli)} KB`,
        `${kb(budgetGzip)} KB`,
      ]),
    ),
  );
  out.push('', '### Each file', '', "With its `integrity` value, for a page that pins the files it loads from a CDN ([Security](security.md#loading-from-a-cdn-or-from-the-sites-own-server)). The shared chunks' names change with their content.", '');
  out.push(
    table(
      ['file', 'raw', 'gzip', 'brotli', 'integrity'],
      Object.entries(sizes.files).map(([file, { raw, gzip, brotli, integrity }]) => [code(file), `${kb(raw)} KB`, `${kb(gzip)} KB`, `${kb(brotli)} KB`, code(integrity)]),
    ),
  );
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(ROOT, REFERENCE), await generateReference());
  console.log(`Wrote ${REFERENCE}`);
}
