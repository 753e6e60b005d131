import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// The hall server as its own process, for tests and drills that start it as a hall does (from
// source with tsx, or its bundle), kill it, and start it again.

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (typeof address !== 'object' || address === null) return reject(new Error('no port'));
      probe.close(() => resolve(address.port));
    });
  });
}

export interface NodeProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
}

/** `node <args>` in the repository root, its output collected. */
export function runNode(args: string[], env: Record<string, string | undefined> = {}): NodeProcess {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

/**
 * Resolves with null once the hall server says it listens, or with its exit code when it
 * stops first; rejects when it does neither in time.
 */
export function listening(run: NodeProcess, timeoutMs = 30_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hall server did not start:\n${run.output()}`)),
      timeoutMs,
    );
    const onData = () => {
      if (!run.output().includes('listening on')) return;
      clearTimeout(timer);
      resolve(null);
    };
    run.child.stdout!.on('data', onData);
    run.child.stderr!.on('data', onData);
    void run.exited.then((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Like `listening`, but a hall server that stops instead is an error. */
export async function untilListening(run: NodeProcess, timeoutMs?: number): Promise<void> {
  const code = await listening(run, timeoutMs);
  if (code !== null || run.child.signalCode !== null)
    throw new Error(`hall server exited (${code}):\n${run.output()}`);
}

/** `npm start`'s entry point from source, on 127.0.0.1:port with its data in dataDir. */
export function hallProcess(
  dataDir: string,
  port: number,
  env: Record<string, string | undefined> = {},
): NodeProcess {
  return runNode(['--import', 'tsx', 'apps/hall-server/src/main.ts'], {
    PORT: String(port),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** The hall server from source, once it listens. */
export async function spawnHall(
  dataDir: string,
  port: number,
  env: Record<string, string | undefined> = {},
): Promise<ChildProcess> {
  const run = hallProcess(dataDir, port, env);
  await untilListening(run);
  return run.child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return stop(child, 'SIGKILL').then(() => undefined);
}

/** Sends the signal unless it already stopped; resolves with its exit code. */
export function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });
}
