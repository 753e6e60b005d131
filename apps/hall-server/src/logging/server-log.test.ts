import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The hall server as a service runs it: its log lines, with ISO timestamps, land in the dated,
// rotated file in LOG_DIR as well as on stdout (journald).

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the hall server log', () => {
  it('goes to <LOG_DIR>/hall.<date>.<n>.log with ISO timestamps, and to stdout', async () => {
    const root = mkdtempSync(join(tmpdir(), 'onestop-server-log-'));
    dirs.push(root);
    const logDir = join(root, 'logs');
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/hall-server/src/main.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(root, 'data'),
        LOG_DIR: logDir,
        DEMO: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('"hall server started"')) resolve();
      });
      void exited.then(() => reject(new Error(`the server exited:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const files = readdirSync(logDir).filter((f) => /^hall\.\d{4}-\d\d-\d\d\.\d+\.log$/.test(f));
    expect(files).toHaveLength(1);
    const lines = readFileSync(join(logDir, files[0]!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { time: string; msg: string });
    const started = lines.find((l) => l.msg === 'hall server started');
    expect(started?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines.at(-1)?.msg).toBe('shutting down');
    expect(stdout).toContain(started!.time); // the same line on stdout, for journald
    expect(readdirSync(logDir)).toContain('current.log');
  }, 60_000);

  it('a log directory that cannot be made stops the start with 78, naming LOG_DIR', () => {
    const root = mkdtempSync(join(tmpdir(), 'onestop-server-log-'));
    dirs.push(root);
    writeFileSync(join(root, 'a-file'), '');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'apps/hall-server/src/main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(root, 'data'),
        LOG_DIR: join(root, 'a-file', 'logs'),
      },
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(
      `The log directory ${join(root, 'a-file', 'logs')} cannot be written (log.dir, LOG_DIR)`,
    );
    expect(existsSync(join(root, 'data', 'hall.sqlite'))).toBe(false);
  }, 60_000);
});
