/**
 * The package's types as a site's TypeScript sees them, with the real `tsc` against the built
 * lib/ and dist/ (the package resolves itself through its `exports`): each fixture of
 * test/fixtures/types/ is a program of its own, as each site loads its own set of files, checked
 * under both module resolutions a site uses, the libraries' .d.ts included. A fixture's
 * `@ts-expect-error` lines are checks too: where the types say too much (`keepForm` on the element
 * that only notifies), the line has no error, and tsc reports the comment (TS2578). Where a program
 * holds both element files, the tag is the element with API calls: one declaration, never two.
 */
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/types');

const RESOLUTIONS = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
};

/** tsc's errors for one fixture, as `file:line TSxxxx message`. */
function errorsOf(fixture, resolution) {
  const program = ts.createProgram([join(FIXTURES, fixture)], {
    ...RESOLUTIONS[resolution],
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${relative(ROOT, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} ` : '';
    return `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

const SITES = {
  'script-tag-button.ts': 'dist/sync-notify-button.js: `<sync-notify-button>` is the element that notifies, without the API settings',
  'script-tag-api-button-and-outbox.ts': 'dist/sync-notify-api-button.js and dist/sync-notify-outbox.js: both tags, with the API settings, and the action outcome a union',
  'npm-package.ts': "the npm package's main entry and its outbox: querySelector finds the element with API calls and forms",
  'one-program-for-every-page.ts': 'every dist file and the React 19 typings in one program: one declaration of each tag, no conflict',
};

for (const [fixture, what] of Object.entries(SITES)) {
  for (const resolution of Object.keys(RESOLUTIONS)) {
    test(`${what} (${fixture}, moduleResolution ${resolution}): querySelector, createElement and each event's detail type-check`, () => {
      assert.deepEqual(errorsOf(fixture, resolution), []);
    });
  }
}
