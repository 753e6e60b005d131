// What `npm run build` makes and from what, and whether a build is older than its sources.
// Kept free of heavy imports: `npm start` loads this on every start to decide in a few
// milliseconds that nothing needs building (scripts/ensure-built.mjs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * A node build's stamp, written into dist/ when the build succeeded; its mtime is when that
 * build began. A web build's stamp is its index.html, as for the screen tests' build helpers
 * (apps/kiosk/test-support/build.ts): a build made by either counts for both.
 */
export const STAMP = '.build-stamp';

// Every build depends on the lockfile (bundled code and the versions beside it).
const lock = 'package-lock.json';
const shared = ['packages/shared/src', 'packages/shared/package.json'];

/**
 * Node programs are bundled by esbuild: our workspace code goes into the bundle, packages from
 * node_modules stay outside it (docs/benchmarks.md, "Start time"). `entries` name the files in
 * dist/; `copy` puts files read at run time beside the bundle (`new URL('./migrations/',
 * import.meta.url)` finds them there as it does beside the source).
 */
export const targets = {
  'hall-server': {
    kind: 'node',
    dir: 'apps/hall-server',
    entries: {
      main: 'src/main.ts',
      setup: 'src/setup/setup-main.ts',
      backup: 'src/sync/backup-main.ts',
      restore: 'src/sync/restore-main.ts',
    },
    // The recorded voice's built-in clips (transport/voice-files.ts) too.
    copy: { 'src/store/migrations': 'migrations', voice: 'voice' },
    stamp: STAMP,
    sources: [
      'apps/hall-server/src',
      'apps/hall-server/voice',
      'apps/hall-server/package.json',
      ...shared,
      lock,
      'scripts/build.mjs',
    ],
  },
  central: {
    kind: 'node',
    dir: 'apps/central',
    entries: { main: 'src/main.ts' },
    copy: { 'src/migrations': 'migrations' },
    stamp: STAMP,
    sources: [
      'apps/central/src',
      'apps/central/package.json',
      ...shared,
      lock,
      'scripts/build.mjs',
    ],
  },
  // The web apps are built by vite into hashed assets (each app's vite.config.ts), from the
  // same sources as the screen tests' build helpers look at.
  kiosk: {
    kind: 'web',
    dir: 'apps/kiosk',
    stamp: 'index.html',
    sources: [
      'apps/kiosk/src',
      'apps/kiosk/index.html',
      'apps/kiosk/vite.config.ts',
      'packages/desktop-shell/src/web-bundles.ts', // the build's plugin
      'packages/client/src',
      ...shared,
      lock,
    ],
  },
  counter: {
    kind: 'web',
    dir: 'apps/counter',
    stamp: 'index.html',
    sources: [
      'apps/counter/src',
      'apps/counter/index.html',
      'apps/counter/vite.config.ts',
      'packages/desktop-shell/src/web-bundles.ts', // the build's plugin
      'packages/client/src',
      ...shared,
      lock,
    ],
  },
};

/** Tests are not part of what is built: editing one does not make a build stale. */
const isTest = (name) => /\.test\.tsx?$/.test(name);

/** The newest source file under `path` (a file or a directory): `{ file, mtimeMs }`. */
export function newestSource(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtimeMs: stat.mtimeMs };
  let newest = { file: path, mtimeMs: 0 };
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!entry.isDirectory() && isTest(entry.name)) continue;
    const found = newestSource(join(path, entry.name));
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/**
 * Why `target` must be built, or null when its build is newer than every source. Paths are
 * relative to `root`. A missing build, a missing stamp (a build that did not finish) and a
 * missing source all count as stale.
 */
export function staleReason(target, root = repoRoot) {
  let builtAt;
  try {
    builtAt = statSync(join(root, target.dir, 'dist', target.stamp)).mtimeMs;
  } catch {
    return `${target.dir}/dist is not built`;
  }
  for (const source of target.sources) {
    let newest;
    try {
      newest = newestSource(join(root, source));
    } catch {
      return `${source} is missing`;
    }
    if (newest.mtimeMs > builtAt) {
      return `${newest.file.slice(root.length).replace(/^\//, '')} changed since the last build`;
    }
  }
  return null;
}
