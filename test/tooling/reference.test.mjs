/**
 * docs/reference.md is generated (scripts/reference.mjs, `npm run reference`) and committed: here it
 * is generated again, in memory, from this run's build, and must match, so a stale or hand-edited
 * reference fails `npm test`. The build never writes it, or this check could never fail.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { elementsByTag, generateReference, REFERENCE } from '../../scripts/reference.mjs';

const ROOT = new URL('../../', import.meta.url);

test('docs/reference.md is what the build says (npm run reference writes it)', async () => {
  const generated = await generateReference();
  const committed = await readFile(new URL(REFERENCE, ROOT), 'utf8');
  if (committed === generated) return;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  assert.fail(
    `docs/reference.md is stale: run npm run reference\n` +
      `first difference, line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
  );
});

test('the build does not write the reference: only npm run reference does', async () => {
  const { scripts } = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8'));
  assert.equal(scripts.reference, 'node scripts/reference.mjs');
  for (const [name, command] of Object.entries(scripts)) {
    if (name !== 'reference') assert.doesNotMatch(command, /reference/, `npm run ${name} leaves docs/reference.md alone`);
  }
  const config = await readFile(new URL('rollup.config.mjs', ROOT), 'utf8');
  assert.doesNotMatch(config, /reference/);
});

test('a tag declared twice (a base class, and the subclass that registers it) is one element, documented from the declaration with the most attributes', () => {
  const attribute = (name) => ({ name, fieldName: name });
  const manifest = {
    modules: [
      { path: 'src/sync-notify-button.component.ts', declarations: [{ kind: 'class', name: 'SyncNotifyButton', attributes: [attribute('title')] }] },
      {
        path: 'src/sync-notify-api-button.ts',
        declarations: [{ kind: 'class', name: 'SyncNotifyApiButton', tagName: 'sync-notify-button', customElement: true, attributes: [attribute('title'), attribute('form')] }],
        exports: [{ kind: 'custom-element-definition', name: 'sync-notify-button', declaration: { name: 'SyncNotifyApiButton', module: 'src/sync-notify-api-button.ts' } }],
      },
      {
        path: 'src/sync-notify-button.ts',
        declarations: [{ kind: 'class', name: 'SyncNotifyButton', tagName: 'sync-notify-button', customElement: true, attributes: [attribute('title')] }],
      },
      { path: 'src/sync-notify-outbox.ts', declarations: [{ kind: 'class', name: 'SyncNotifyOutbox', tagName: 'sync-notify-outbox', attributes: [] }] },
    ],
  };
  const elements = elementsByTag(manifest);
  assert.deepEqual(
    elements.map(({ tag, declarations, documented }) => [tag, declarations.map((d) => d.module), documented.module]),
    [
      ['sync-notify-button', ['src/sync-notify-api-button.ts', 'src/sync-notify-button.ts'], 'src/sync-notify-api-button.ts'],
      ['sync-notify-outbox', ['src/sync-notify-outbox.ts'], 'src/sync-notify-outbox.ts'],
    ],
  );
});

test('from the real manifest: <sync-notify-button> is defined by both element files, and what only the file with forms has says so', async () => {
  const reference = await generateReference();
  const section = reference.slice(reference.indexOf('### `<sync-notify-button>`'), reference.indexOf('### `<sync-notify-outbox>`'));
  assert.match(section, /Defined by: .*`dist\/sync-notify-button\.js`/);
  assert.match(section, /Defined by: .*`dist\/sync-notify-api-button\.js`/);
  assert.match(section, /\| `keep-form` \|.*Only where `src\/sync-notify-api-button\.ts` defines the tag\. \|/);
  assert.doesNotMatch(section, /\| `title` \|.*Only where/);
});
