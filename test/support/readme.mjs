/**
 * The docs' fenced snippets (README.md, CONTRIBUTING.md, docs/*.md), found by the
 * `<!-- check: NAME -->` line above each, for the tests that compile or run them.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const ROOT = new URL('../../', import.meta.url);

/** The markdown files whose snippets are checked, relative to the repository's root. */
export const DOC_FILES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(new URL('docs/', ROOT)).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** One markdown file's text, by its path from the repository's root. */
export const markdown = (file) => readFile(new URL(file, ROOT), 'utf8');

export const readme = () => markdown('README.md');

/**
 * Every fenced snippet of `text`, in order: `{ name, lang, code, line }`, `name` from the marker line
 * right above its opening fence (undefined without one), `line` the opening fence's (from 1).
 */
export function fencedSnippets(text) {
  const lines = text.split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)/.exec(lines[i]);
    if (!fence) continue;
    const close = lines.indexOf('```', i + 1);
    assert.notEqual(close, -1, `the snippet at line ${i + 1} is closed`);
    const name = /^<!-- check: (\S+) -->$/.exec(lines[i - 1] ?? '')?.[1];
    snippets.push({ name, lang: fence[1], code: lines.slice(i + 1, close).join('\n') + '\n', line: i + 1 });
    i = close;
  }
  return snippets;
}

/**
 * The marked snippets of `markdown` by name: of its `## heading` section, or of the whole file
 * when `heading` is null. With `every`, each fenced snippet there must carry a marker.
 */
export function markedSnippets(markdown, heading = null, { every = false } = {}) {
  let text = markdown;
  if (heading !== null) {
    const start = markdown.indexOf(`\n## ${heading}\n`);
    assert.notEqual(start, -1, `the file has a "${heading}" section`);
    const end = markdown.indexOf('\n## ', start + 1);
    text = markdown.slice(start, end === -1 ? undefined : end);
  }
  const snippets = new Map();
  for (const { name, code, line } of fencedSnippets(text)) {
    assert.ok(name || !every, `the snippet at line ${line} of "${heading ?? 'the file'}" has a <!-- check: NAME --> line`);
    if (name) snippets.set(name, code);
  }
  return snippets;
}

/** Every snippet of every doc file: `{ file, name, lang, code, line }`. */
export async function allSnippets() {
  const all = [];
  for (const file of DOC_FILES) for (const snippet of fencedSnippets(await markdown(file))) all.push({ file, ...snippet });
  return all;
}

/** The snippet named `name`, wherever in the docs it is (names are unique across them). */
export async function snippet(name) {
  const found = (await allSnippets()).filter((snippet) => snippet.name === name);
  assert.equal(found.length, 1, `one snippet in the docs is marked "${name}" (found in: ${found.map((s) => s.file).join(', ') || 'none'})`);
  return found[0].code;
}
