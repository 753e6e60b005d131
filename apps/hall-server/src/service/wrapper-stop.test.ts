import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The Windows service's wrapper (node-windows) forks the hall server with an IPC channel and
// stops it with a 'shutdown' message; if the wrapper itself is killed the channel closes. Either
// way the server must close (server.close marks the database stopped) and exit 0, not linger.
// Forking works the same on Linux, so this runs everywhere.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function forkedHall(): Promise<{
  child: ReturnType<typeof fork>;
  exited: Promise<number | null>;
  logDir: string;
}> {
  const root = mkdtempSync(join(tmpdir(), 'onestop-wrapper-'));
  dirs.push(root);
  const logDir = join(root, 'logs');
  const child = fork(join(repoRoot, 'apps/hall-server/src/main.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(root, 'data'),
      LOG_DIR: logDir,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('"hall server started"')) resolve();
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then(() => reject(new Error(`the server exited:\n${output}`)));
  });
  return { child, exited, logDir };
}

const lastLine = (logDir: string) =>
  JSON.parse(readFileSync(join(logDir, 'current.log'), 'utf8').trim().split('\n').at(-1)!) as {
    msg: string;
    signal: string;
  };

describe('stopped by the Windows service wrapper', () => {
  it("closes cleanly on the wrapper's 'shutdown' message", async () => {
    const hall = await forkedHall();
    hall.child.send('shutdown');
    expect(await hall.exited).toBe(0);
    expect(lastLine(hall.logDir)).toMatchObject({ msg: 'shutting down', signal: 'shutdown' });
  }, 60_000);

  it('closes cleanly when its wrapper is gone (the IPC channel closed)', async () => {
    const hall = await forkedHall();
    hall.child.disconnect();
    expect(await hall.exited).toBe(0);
    expect(lastLine(hall.logDir)).toMatchObject({ msg: 'shutting down', signal: 'disconnect' });
  }, 60_000);
});
