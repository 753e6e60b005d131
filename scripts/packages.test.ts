import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Honest packages (docs/testing.md): what a workspace's package.json points at exists, and what
// it declares is installed where Node looks for it. That each workspace declares what it
// imports is eslint's job (import-x/no-extraneous-dependencies in eslint.config.js).

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface PackageJson {
  name: string;
  version?: string;
  main?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  scripts?: Record<string, string>;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface Workspace {
  dir: string;
  pkg: PackageJson;
}

const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

const rootPackage = readPackage(repoRoot);

/** The root (the package of scripts/) and every directory its workspaces globs name. */
function workspaces(): Workspace[] {
  const dirs = (rootPackage.workspaces ?? []).flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(repoRoot, glob)];
    const parent = join(repoRoot, glob.slice(0, -2));
    return readdirSync(parent)
      .map((name) => join(parent, name))
      .filter((dir) => existsSync(join(dir, 'package.json')));
  });
  return [repoRoot, ...dirs].map((dir) => ({ dir, pkg: readPackage(dir) }));
}

/** Every file path an exports map names, through nested conditions. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** A subpath pattern (`./src/test-support/*.ts`) must match at least one file. */
function patternMatches(dir: string, target: string): boolean {
  const [before = '', after = ''] = target.split('*');
  const folder = join(dir, dirname(before + 'x'));
  if (!existsSync(folder)) return false;
  const prefix = relative(folder, join(dir, before + 'x')).slice(0, -1);
  return readdirSync(folder).some(
    (name) =>
      name.startsWith(prefix) && name.endsWith(after) && statSync(join(folder, name)).isFile(),
  );
}

const ignoredByGit = (path: string): boolean => {
  try {
    execFileSync('git', ['check-ignore', '--quiet', path], { cwd: repoRoot });
    return true;
  } catch {
    return false;
  }
};

/**
 * A target exists, or is build output: a git-ignored path in a folder that one of the
 * package's own scripts writes (electron-dist/main.cjs from `build:electron`).
 */
function targetProblem({ dir, pkg }: Workspace, target: string): string | null {
  if (!target.startsWith('./') && target.startsWith('.')) return `${target} leaves the package`;
  const path = join(dir, target);
  if (relative(dir, path).startsWith('..')) return `${target} leaves the package`;
  if (target.includes('*')) return patternMatches(dir, target) ? null : `${target} matches no file`;
  if (existsSync(path)) return null;
  const outDir = relative(dir, path).split('/')[0] ?? '';
  const built = Object.values(pkg.scripts ?? {}).some((script) => script.includes(outDir));
  if (built && ignoredByGit(path)) return null;
  return `${target} does not exist`;
}

function targetsOf(pkg: PackageJson): string[] {
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  return [...(pkg.main ? [pkg.main] : []), ...bins, ...exportTargets(pkg.exports)];
}

/** Where Node finds `name` from `dir`: the nearest node_modules/name up the tree. */
function installedDir(dir: string, name: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(at) === at) return null;
  }
}

function declared(pkg: PackageJson): [string, string][] {
  const optionalPeer = (name: string) => pkg.peerDependenciesMeta?.[name]?.optional === true;
  return [
    ...Object.entries(pkg.dependencies ?? {}),
    ...Object.entries(pkg.devDependencies ?? {}),
    ...Object.entries(pkg.peerDependencies ?? {}).filter(([name]) => !optionalPeer(name)),
  ];
}

const all = workspaces();
const byName = new Map(all.map((ws) => [ws.pkg.name, ws]));

describe('every workspace package.json', () => {
  it('finds the workspaces', () => {
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['onestop', '@onestop/shared', '@onestop/hall-server']),
    );
  });

  it.each(all.map((ws) => [ws.pkg.name, ws] as const))(
    '%s: main, bin and exports point at files that exist',
    (_name, ws) => {
      const problems = targetsOf(ws.pkg).flatMap((target) => targetProblem(ws, target) ?? []);
      expect(problems).toEqual([]);
    },
  );

  it.each(all.map((ws) => [ws.pkg.name, ws] as const))(
    '%s: every declared dependency is installed where Node looks for it',
    (_name, ws) => {
      const missing = declared(ws.pkg).flatMap(([name, range]) => {
        const found = installedDir(ws.dir, name);
        if (!found) return [`${name} is not installed`];
        const got = readPackage(found);
        if (got.name !== name) return [`${name} resolves to ${got.name}`];
        const workspace = byName.get(name);
        if (workspace && realpathSync(found) !== workspace.dir) {
          return [`${name} is not linked to its workspace`];
        }
        if (workspace && range !== workspace.pkg.version && range !== '*') {
          return [`${name}@${range} is not the workspace's version`];
        }
        return [];
      });
      expect(missing).toEqual([]);
    },
  );

  it('declares a package shared by several workspaces with one range, so one copy is installed', () => {
    const ranges = new Map<string, Set<string>>();
    for (const { pkg } of all) {
      for (const [name, range] of [
        ...Object.entries(pkg.dependencies ?? {}),
        ...Object.entries(pkg.devDependencies ?? {}),
      ]) {
        ranges.set(name, (ranges.get(name) ?? new Set()).add(range));
      }
    }
    const split = [...ranges]
      .filter(([, set]) => set.size > 1)
      .map(([name, set]) => [name, [...set]]);
    expect(split).toEqual([]);
  });
});
