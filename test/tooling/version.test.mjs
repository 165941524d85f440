/** The version a second copy on a page is reported with (src/page/define.ts) is the package's. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('src/version.ts says the version package.json says', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const source = readFileSync(new URL('../../src/version.ts', import.meta.url), 'utf8');
  assert.match(source, new RegExp(`export const VERSION = '${version.replaceAll('.', '\\.')}';`));
});
