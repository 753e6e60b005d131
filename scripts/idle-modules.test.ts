import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stop } from '@onestop/hall-server/test-support/hall-process';
import { startBuiltHall } from './built-hall';
import { repoRoot } from './build-targets.mjs';
import { DIST_MAIN, npmStartFlags } from './start-flags';

// What the compiled hall server loads before anybody asks for anything (issue 16, lean memory:
// docs/benchmarks.md). Code used only on demand (JSON-schema compilers, workbook exports, the
// PostgreSQL client) must not be in memory at idle. The server runs with the node flags of
// `npm start`, so a flag node refuses fails here too.

const dir = mkdtempSync(join(tmpdir(), 'onestop-idle-'));
const loadedFile = join(dir, 'loaded.txt');
const preload = join(dir, 'record-loads.cjs');
writeFileSync(
  preload,
  [
    "const { registerHooks } = require('node:module');",
    "const { renameSync, writeFileSync } = require('node:fs');",
    'const seen = new Set();',
    'registerHooks({ load(url, context, next) { seen.add(url); return next(url, context); } });',
    `const file = ${JSON.stringify(loadedFile)};`,
    "process.on('SIGUSR2', () => {",
    "  writeFileSync(file + '.part', [...seen].join('\\n'));",
    "  renameSync(file + '.part', file);",
    '});',
  ].join('\n'),
);

let server: ChildProcess | undefined;
let base = '';

beforeAll(async () => {
  ({ server, base } = await startBuiltHall({
    dataDir: join(dir, 'data'),
    nodeFlags: [...npmStartFlags(), '--require', preload],
  }));
}, 180_000);

afterAll(async () => {
  if (server) await stop(server, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** The package names (or file URLs, for files outside node_modules) loaded so far. */
async function loadedPackages(): Promise<Set<string>> {
  return new Set(
    (await loadedUrls()).map(
      (url) => /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? url,
    ),
  );
}

async function loadedUrls(): Promise<string[]> {
  rmSync(loadedFile, { force: true });
  server!.kill('SIGUSR2');
  for (;;) {
    try {
      return readFileSync(loadedFile, 'utf8').split('\n');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

it('starts with the flags of npm start and answers', async () => {
  const res = await fetch(`${base}/api/v1/health`);
  expect(res.status).toBe(200);
});

it('runs under systemd with the same node flags as npm start', () => {
  const unit = readFileSync(join(repoRoot, 'deploy/onestop-hall.service'), 'utf8');
  const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1];
  expect(unit).toMatch(/^Environment=MALLOC_ARENA_MAX=2$/m);
  expect(execStart).toBe(['/usr/bin/node', ...npmStartFlags(), DIST_MAIN].join(' '));
});

it('loads no code at idle that only an occasional request needs', async () => {
  await fetch(`${base}/api/v1/health`);
  await fetch(`${base}/kiosk`);
  const loaded = await loadedPackages();
  // fastify's JSON-schema compilers: the hall's routes validate with zod, not JSON schema.
  expect(loaded).not.toContain('ajv');
  expect(loaded).not.toContain('@fastify/ajv-compiler');
  expect(loaded).not.toContain('@fastify/fast-json-stringify-compiler');
  // Workbook exports and the regional center's database client.
  expect(loaded).not.toContain('exceljs');
  expect(loaded).not.toContain('pg');
  // Of the rate limiter, the in-memory one alone (not the Redis, Mongo, … stores of its index).
  const limiter = (await loadedUrls()).filter((url) => url.includes('/rate-limiter-flexible/'));
  expect(limiter.some((url) => url.endsWith('/RateLimiterMemory.js'))).toBe(true);
  expect(limiter.filter((url) => /RateLimiter(Redis|Mongo|Postgres|MySQL)\.js$/.test(url))).toEqual(
    [],
  );
});

it('still serves the OpenAPI document when asked (built at the first request)', async () => {
  const res = await fetch(`${base}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string };
  expect(doc.openapi).toMatch(/^3\./);
});
