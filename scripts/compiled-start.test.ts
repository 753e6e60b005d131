import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runNode, stop } from '@onestop/hall-server/test-support/hall-process';
import { startBuiltHall } from './built-hall';

// What `npm start` runs: the hall server's bundle under plain node, no tsx. Built here when
// missing or stale (as `npm start` does), so no manual build has to come first.

const dataDir = mkdtempSync(join(tmpdir(), 'onestop-compiled-'));
let server: ChildProcess | undefined;
let base = '';

function run(args: string[], env: Record<string, string> = {}) {
  return runNode(args, { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env });
}

beforeAll(async () => {
  ({ server, base } = await startBuiltHall({
    dataDir,
    nodeFlags: ['--enable-source-maps'],
    alsoBuilt: ['kiosk'],
  }));
}, 180_000);

afterAll(async () => {
  if (server) await stop(server, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

it('answers /api/v1/health from its own database (migrations found beside the bundle)', async () => {
  const res = await fetch(`${base}/api/v1/health`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; data: { database: { quickCheck: string } } };
  expect(body.ok).toBe(true);
  expect(body.data.database.quickCheck).toBe('ok');
});

it('serves the kiosk screen and its hashed assets', async () => {
  const page = await fetch(`${base}/kiosk`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const script = /<script type="module"[^>]* src="(\/assets\/[^"]+-[\w-]{8,}\.js)"/.exec(html);
  expect(script, html).not.toBeNull();
  const asset = await fetch(`${base}${script![1]}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  expect(asset.headers.get('cache-control')).toMatch(/immutable/);
});

it('stops cleanly on SIGTERM, and the bundled backup command then backs the hall up', async () => {
  expect(await stop(server!, 'SIGTERM')).toBe(0);
  const backup = run(['--enable-source-maps', 'apps/hall-server/dist/backup.js']);
  expect(await backup.exited, backup.output()).toBe(0);
  expect(backup.output()).toMatch(/integrity check ok/);
});
