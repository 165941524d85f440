/** README.md's fenced snippets, found by the `<!-- check: NAME -->` line above each, for the tests that run them. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

export const readme = () => readFile(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * The marked snippets of one `## ` section, by name. With `every`, each fenced snippet of the
 * section must carry a marker: none goes unchecked.
 */
export function markedSnippets(markdown, heading, { every = false } = {}) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `README.md has a "${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  const lines = markdown.slice(start, end === -1 ? undefined : end).split('\n');
  const snippets = new Map();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('```')) continue;
    const marker = /^<!-- check: (\S+) -->$/.exec(lines[i - 1] ?? '');
    assert.ok(marker || !every, `the snippet at "${lines[i]}" (line ${i + 1} of "${heading}") has a <!-- check: NAME --> line`);
    const close = lines.indexOf('```', i + 1);
    if (marker) snippets.set(marker[1], lines.slice(i + 1, close).join('\n') + '\n');
    i = close;
  }
  return snippets;
}
