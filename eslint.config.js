import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What both contexts have: code in src/shared/ runs in pages and in the service worker alike. */
const sharedGlobals = Object.fromEntries(Object.entries(globals.serviceworker).filter(([name]) => name in globals.browser));

/**
 * The three wings of src/: the page (the element at the root, and page/) and the worker (sw/) each
 * import shared/, never each other; shared/ imports neither. Types from idb are fine anywhere; its
 * code, like Lit's, belongs to the page (the worker's budget has no room for either).
 */
const imports = (wrongWay, message, allowTypeImports = false) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: wrongWay, message, allowTypeImports },
        { regex: '^(idb|lit|lit-html)($|/)', allowTypeImports: true, message: 'Page code only.' },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'bench/results.json', 'custom-elements.json', 'test/fixtures/frameworks/readme/', 'test/fixtures/previous-releases/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  wc.configs['flat/recommended'],
  lit.configs['flat/recommended'],
  { settings: { wc: { elementBaseClasses: ['LitElement'] } } },
  {
    // Not merged into the worker's and the shared code's globals below, which must not see `document`.
    ignores: ['src/sw/**', 'src/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/*.ts', 'src/page/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)sw($|/)', message: 'The page never imports worker code (src/sw/); share it through src/shared/.' }] },
      ],
    },
  },
  {
    // A translation is a table of sentences, and its dist file a script of its own.
    files: ['src/translations/**/*.ts'],
    rules: imports('^\\.\\./', 'A translation imports only types from outside src/translations/: its dist file carries none of the element.', true),
  },
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: imports('^\\.\\./(page/|[^/]+$)', 'The worker never imports page code (src/page/, the element); share it through src/shared/.'),
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: sharedGlobals },
    rules: imports('^\\.\\./', 'src/shared/ runs in pages and in the worker: it imports only src/shared/.'),
  },
  {
    files: ['demo/sw.js', 'test/fixtures/*-sw.js', 'bench/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['*.mjs', '*.js', 'scripts/**', 'bench/**/*.mjs', 'test/support/**/*.mjs', 'test/tooling/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
