import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start -- --check-config`: the server's own entry point checks the configuration and exits,
// 0 when it is valid, 78 (a person must act; systemd does not restart it) when it is not,
// without starting: no database, no log directory, no port.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'onestop-config-'));
  dirs.push(d);
  return d;
}

function checkConfig(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/hall-server/src/main.ts', '--check-config', ...args],
    {
      cwd: repoRoot,
      // Only what the test sets: a developer's own DEMO or PORT must not change the answer.
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('--check-config', () => {
  it('a valid configuration: exit 0, says which file, starts nothing', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'onestop.json'), JSON.stringify({ demo: false, port: 9099 }));
    const run = await checkConfig({ DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${join(dataDir, 'onestop.json')} and the environment is valid`);
    expect(existsSync(join(dataDir, 'hall.sqlite'))).toBe(false);
    expect(existsSync(join(dataDir, 'logs'))).toBe(false);
  }, 60_000);

  it.each<[string, Record<string, string>, Record<string, unknown> | null, RegExp]>([
    ['a bad variable', { DEMO: 'false' }, null, /- DEMO must be 0 or 1, not "false"/],
    ['an unknown key in the file', {}, { demo: false, prot: 80 }, /unknown key "prot"/],
    ['a bad value in the file', {}, { log: { keepFiles: 0 } }, /log\.keepFiles must be at least 1/],
  ])(
    '%s: exit 78, the problem named on stderr',
    async (_name, env, file, message) => {
      const dataDir = tempDir();
      if (file) writeFileSync(join(dataDir, 'onestop.json'), JSON.stringify(file));
      const run = await checkConfig({ DATA_DIR: dataDir, ...env });
      expect(run.code).toBe(78);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('docs/deploy.md');
      expect(existsSync(join(dataDir, 'hall.sqlite'))).toBe(false);
    },
    60_000,
  );

  it('--config names the file; one that is not there is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'hall.json');
    writeFileSync(file, JSON.stringify({ dataDir: 'hall-data', log: { dir: '/var/log/onestop' } }));
    const good = await checkConfig({}, ['--config', file]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain(file);
    const missing = await checkConfig({}, ['--config', join(dir, 'none.json')]);
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain(`--config ${join(dir, 'none.json')}: cannot read`);
  }, 60_000);
});
