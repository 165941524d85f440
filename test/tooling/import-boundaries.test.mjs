/**
 * The lint's wing rule, run by the real ESLint with the project's own config: each wrong-way
 * import fails `npm run lint`, and the imports the code base does make pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The rules a file breaks, linted as if it were at `filePath`. */
async function brokenRules(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

const WRONG_WAY = '@typescript-eslint/no-restricted-imports';

describe('the import rule between src/page, src/sw and src/shared', () => {
  for (const [filePath, source] of [
    ['src/page/example.ts', '../sw/deliver.js'],
    ['src/example.ts', './sw/index.js'],
    ['src/sw/example.ts', '../page/outbox.js'],
    ['src/sw/example.ts', '../sync-notify-button.js'],
    ['src/shared/example.ts', '../page/messages.js'],
    ['src/shared/example.ts', '../sw/settle.js'],
    ['src/sw/example.ts', 'idb'],
    ['src/shared/example.ts', 'lit'],
    ['src/sw/example.ts', 'lit-html/is-server.js'],
    ['src/translations/example.ts', '../page/messages.js'],
    ['src/translations/example.ts', '../sync-notify-button.js'],
    ['src/translations/example.ts', 'lit'],
  ]) {
    it(`refuses ${source} in ${filePath}`, async () => {
      assert.deepEqual(await brokenRules(filePath, `import '${source}';\n`), [WRONG_WAY]);
    });
  }

  for (const [filePath, code] of [
    ['src/page/example.ts', "import '../shared/protocol.js';\nimport './outbox.js';\n"],
    ['src/example.ts', "import './page/queue.js';\nimport './shared/channel.js';\n"],
    ['src/sw/example.ts', "import '../shared/outbox-schema.js';\nimport './settle.js';\n"],
    ['src/shared/example.ts', "import type { DBSchema } from 'idb';\nimport './protocol.js';\nexport type Schema = DBSchema;\n"],
    [
      'src/translations/example.ts',
      "import type { SyncNotifyMessages } from '../page/messages.js';\nimport { registerTranslation } from './register.js';\nexport type T = SyncNotifyMessages;\nregisterTranslation('x', {});\n",
    ],
  ]) {
    it(`lets ${filePath} import its own wing and src/shared`, async () => {
      assert.deepEqual(await brokenRules(filePath, code), []);
    });
  }
});
