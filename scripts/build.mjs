// `npm run build [-- <target>…]`: the hall server and the regional center as node bundles
// (esbuild, with source maps) in apps/<app>/dist/, the web apps as hashed assets (vite) in
// apps/<app>/dist/. Targets are named in scripts/build-targets.mjs; none named builds all.
import {
  cpSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { repoRoot, staleReason, targets } from './build-targets.mjs';

/**
 * Bare imports stay imports of node_modules, except our own workspaces and the packages in
 * `bundled`, which are bundled. temporal-polyfill (the time module's) bundled, only the parts
 * used, costs the idle server half the memory the package's own files would (1.5 vs 3.2 MiB).
 */
const bundled = ['temporal-polyfill'];
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@onestop/') || bundled.includes(args.path)
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Each entry in dist/ is a launcher that turns on node's compile cache (the V8 code of every
 * module kept on disk: in NODE_COMPILE_CACHE, else in the temp folder) and then imports the
 * program, so a restart does not compile fastify and the rest again (docs/benchmarks.md,
 * "Start time"). The program itself is a chunk beside it.
 */
const launchers = (root) => ({
  name: 'launchers',
  setup(build) {
    build.onResolve({ filter: /^launch:/ }, (args) => ({
      path: args.path.slice('launch:'.length),
      namespace: 'launch',
    }));
    build.onLoad({ filter: /.*/, namespace: 'launch' }, (args) => ({
      contents: [
        "import { enableCompileCache } from 'node:module';",
        'enableCompileCache?.();',
        `await import(${JSON.stringify(args.path)});`,
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
});

/**
 * esbuild options for a node target into `outdir`. `bundleDeps` also bundles the packages
 * from node_modules that can be (all but native and worker-thread ones): only for measuring
 * the choice (scripts/bench/start-time.ts --bundle-deps), not what `npm run build` makes.
 */
export function nodeBuildOptions(target, outdir, { bundleDeps = false, root = repoRoot } = {}) {
  const entryPoints = Object.fromEntries(
    Object.entries(target.entries).map(([name, file]) => [
      name,
      `launch:${join(root, target.dir, file)}`,
    ]),
  );
  return {
    entryPoints,
    outdir,
    bundle: true,
    // Shared code of the entries in chunks beside them (not in a sub-folder: a module finds
    // its files relative to import.meta.url, so every chunk sits where main.js does).
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
    ...(bundleDeps
      ? {
          plugins: [launchers(root)],
          external: [
            'better-sqlite3',
            'pino',
            'pino-*',
            'thread-stream',
            'bufferutil',
            'utf-8-validate',
          ],
          // Bundled CommonJS calls require() for node's own modules.
          banner: {
            js: "import { createRequire as __onestopRequire } from 'node:module'; const require = __onestopRequire(import.meta.url);",
          },
        }
      : { plugins: [launchers(root), externalPackages] }),
  };
}

async function buildNode(target, root) {
  const { build } = await import('esbuild');
  const dist = join(root, target.dir, 'dist');
  // Written aside and swapped in whole: no file of an older build is left to be loaded. Aside
  // in node_modules/.cache, where a build that crashed leaves nothing for git or the linters;
  // built for dist/ all the same, so the source maps' paths are right from there.
  const next = join(root, 'node_modules/.cache/onestop-build', target.dir);
  rmSync(next, { recursive: true, force: true });
  const { outputFiles } = await build({
    ...nodeBuildOptions(target, dist, { root }),
    write: false,
  });
  for (const file of outputFiles) {
    const to = join(next, relative(dist, file.path));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, file.contents);
  }
  for (const [from, to] of Object.entries(target.copy ?? {})) {
    cpSync(join(root, target.dir, from), join(next, to), { recursive: true });
  }
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
}

async function buildWeb(target, root) {
  const { build } = await import('vite');
  const appDir = join(root, target.dir);
  await build({ root: appDir, configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Runs `fn` holding `<app>/.build-lock`, the lock the screen tests' build helpers take too
 * (apps/*\/test-support), so two processes never write one dist at once. A lock older than
 * two minutes was left by a killed build.
 */
async function withBuildLock(appDir, fn) {
  const lock = join(appDir, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err; // e.g. EACCES: this user may not build here
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true });
      } catch {
        // it went away meanwhile
      }
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds one target and stamps it. `onlyIfStale`: skip it when, once the lock is held, it is
 * found up to date (another process built it meanwhile).
 */
export async function buildTarget(name, { onlyIfStale = false, root = repoRoot } = {}) {
  const target = targets[name];
  if (!target) throw new Error(`unknown build target ${name}; one of ${Object.keys(targets)}`);
  return withBuildLock(join(root, target.dir), async () => {
    if (onlyIfStale && staleReason(target, root) === null) return false;
    // The stamp carries the time the build began: a source saved during the build is newer.
    const began = new Date();
    if (target.kind === 'node') await buildNode(target, root);
    else await buildWeb(target, root);
    const stamp = join(root, target.dir, 'dist', target.stamp);
    if (target.kind === 'node') writeFileSync(stamp, `${began.toISOString()}\n`);
    utimesSync(stamp, began, began);
    return true;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(targets)) {
    const began = performance.now();
    await buildTarget(name);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.log(`built ${name} into ${targets[name].dir}/dist (${seconds} s)`);
  }
}
