/**
 * Builds the releases a page or worker of this one must work beside (docs/delivery.md, "Releases
 * side by side"), from this repository's own history, for the upgrade test
 * (test/e2e/releases.test.ts): each one's dist/ element and worker files, into
 * test/fixtures/previous-releases/<name>/dist/, where the test server serves them. Named here,
 * and only here: at each release, the one before it moves forward.
 *
 * Their files are built with this checkout's node_modules and without their size budgets (an
 * earlier release's budget measured its own dependencies). Kept between runs: a release is built
 * once, and again when its name moves to another commit. Needs the commits in the clone: a
 * shallow clone fetches its history, or says why it cannot build them and stops.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each release the promise is tested against: the commit it landed as, and whether its worker
 * answers a page's request for delivery (releases before 3b97c40 never did: a page cannot tell
 * their worker from a site's that lacks the line, and says nothing of its release).
 */
export const PREVIOUS_RELEASES = {
  // The release before this one: the outbox at schema 3, with its `owner` store; forms.
  previous: { commit: 'f55715df6118aa341d6b7ca1e08450da90ab668a', workerAnswers: true },
  // The release before owners: the outbox at schema 2. A deploy over it once broke its open tabs.
  'before-owners': { commit: '3b97c40f569cbf0d23a4398e31bff714e11beda1', workerAnswers: true },
  // Two before owners: the layout before src/page, src/shared and src/sw; the outbox at schema 2.
  'before-layout': { commit: '770e7d3ae243ba74cad3b6167ca80ef41e8ceca6', workerAnswers: false },
};

export const RELEASES_DIR = join(ROOT, 'test/fixtures/previous-releases');

/** Builds what a release ships for a script tag and `importScripts`, with its own rollup config. */
const BUILD_DIST = `import { rollup } from 'rollup';
import configs from './rollup.config.mjs';
// A file each, or (where the page files are one build with shared chunks) the whole of dist/.
for (const config of configs.filter(({ output }) => /^dist\\/sync-notify-[\\w-]+\\.js$/.test(output?.file ?? '') || output?.dir === 'dist')) {
  config.plugins = config.plugins.filter((plugin) => plugin?.name !== 'size-budget');
  const bundle = await rollup(config);
  await bundle.write(config.output);
}
`;

/** Runs git in the repository; false where it fails. */
function tryGit(args) {
  try {
    execFileSync('git', args, { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const inHistory = (commit) => tryGit(['cat-file', '-e', `${commit}^{commit}`]);

function build(name, commit) {
  const target = join(RELEASES_DIR, name);
  // Built before, of this commit (a name moves forward at each release).
  const built = join(target, 'COMMIT');
  if (existsSync(built) && readFileSync(built, 'utf8').trim() === commit && existsSync(join(target, 'dist/sync-notify-sw.js'))) return;
  if (!inHistory(commit)) {
    // A shallow clone (CI's, often) fetches the rest of its history where it can reach its remote.
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: ROOT, encoding: 'utf8' }).trim() === 'true';
    if (shallow) console.log(`previous release "${name}" (${commit.slice(0, 7)}) is not in this shallow clone: fetching its history`);
    if (!shallow || !tryGit(['fetch', '--unshallow', '--quiet']) || !inHistory(commit)) {
      throw new Error(`The release "${name}" (${commit}) is not in this clone's history: the upgrade test builds it from git. Clone with its history (not --depth).`);
    }
  }
  const tree = join(RELEASES_DIR, `${name}.tree`);
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${tree}"`], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  writeFileSync(join(tree, 'build-dist.mjs'), BUILD_DIST);
  // Quiet unless it fails: an earlier release's build warns of what it has since mended.
  try {
    execFileSync(process.execPath, ['build-dist.mjs'], { cwd: tree, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    process.stderr.write(error.stderr ?? '');
    throw error;
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('cp', ['-r', join(tree, 'dist'), target]);
  writeFileSync(join(target, 'COMMIT'), `${commit}\n`);
  rmSync(tree, { recursive: true, force: true });
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  for (const [name, { commit }] of Object.entries(PREVIOUS_RELEASES)) {
    const started = Date.now();
    build(name, commit);
    console.log(`previous release "${name}" (${commit.slice(0, 7)}): dist/ in test/fixtures/previous-releases/${name}/ (${Date.now() - started} ms)`);
  }
  // The names, and what each does, for the browser test.
  writeFileSync(join(RELEASES_DIR, 'releases.json'), `${JSON.stringify(PREVIOUS_RELEASES, null, 2)}\n`);
}
