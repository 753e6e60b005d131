import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, STAMP, staleReason, targets, type NodeTarget } from './build-targets.mjs';
import { nodeBuildOptions } from './build.mjs';

// When does `npm start` build first (scripts/ensure-built.mjs)? A tree of its own with a
// source folder, a source file and a build stamp, their times set by hand.

describe('staleReason', () => {
  let root: string;
  const target = { dir: 'app', stamp: STAMP, sources: ['app/src', 'package-lock.json'] };
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'onestop-build-'));
    mkdirSync(join(root, 'app/src/deep'), { recursive: true });
    mkdirSync(join(root, 'app/dist'));
    for (const file of [
      'app/src/a.ts',
      'app/src/deep/b.ts',
      'app/src/deep/b.test.ts',
      'package-lock.json',
    ]) {
      writeFileSync(join(root, file), '');
      at(file, 1000);
    }
    writeFileSync(join(root, 'app/dist', STAMP), '');
    at(`app/dist/${STAMP}`, 2000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is null when the build is newer than every source', () => {
    expect(staleReason(target, root)).toBeNull();
  });

  it.each([
    ['a source deep in a folder', 'app/src/deep/b.ts'],
    ['the lockfile', 'package-lock.json'],
  ])('names %s changed after the build', (_, file) => {
    at(file, 3000);
    expect(staleReason(target, root)).toBe(`${file} changed since the last build`);
  });

  it('ignores a test changed after the build', () => {
    at('app/src/deep/b.test.ts', 3000);
    expect(staleReason(target, root)).toBeNull();
  });

  it('says so when there is no build, or one that did not finish (no stamp)', () => {
    rmSync(join(root, 'app/dist', STAMP));
    expect(staleReason(target, root)).toBe('app/dist is not built');
    rmSync(join(root, 'app/dist'), { recursive: true });
    expect(staleReason(target, root)).toBe('app/dist is not built');
  });

  it('says so when a source is gone', () => {
    rmSync(join(root, 'package-lock.json'));
    expect(staleReason(target, root)).toBe('package-lock.json is missing');
  });
});

describe('build targets', () => {
  // A source the bundle reads but the target does not list would let `npm start` run a stale
  // build without noticing: every file esbuild bundles must lie under a listed source.
  it.each(['hall-server', 'central'] as const)(
    '%s lists every workspace file its bundle is made of',
    async (name) => {
      const target = targets[name] as NodeTarget;
      const options = nodeBuildOptions(target, join(tmpdir(), 'onestop-unused'));
      const result = await build({ ...options, write: false, logLevel: 'silent' });
      const inputs = Object.keys(result.metafile.inputs)
        .filter((input) => !input.startsWith('launch:') && !input.includes('node_modules/'))
        .map((input) => relative(repoRoot, join(process.cwd(), input)));
      expect(inputs.length).toBeGreaterThan(10);
      const unlisted = inputs.filter(
        (input) => !target.sources.some((s) => input === s || input.startsWith(`${s}/`)),
      );
      expect(unlisted).toEqual([]);
    },
  );
});
