/** The package's version, as package.json says (test/tooling/version.test.mjs keeps them equal). */
export const VERSION = '0.1.0';
