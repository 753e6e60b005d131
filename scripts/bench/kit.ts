import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import {
  percentile as sharedPercentile,
  type Ack,
  type CommandName,
  type CommandOutput,
  type CommandPayload,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import { freePort } from '../drills/hall-process';
import { commandAck, connectDevice } from '../hall-socket';
import { DIST_MAIN, npmStartFlags } from '../start-flags';

export { DIST_MAIN, npmStartFlags };

// What every benchmark needs: child processes for the servers and the other devices (so the
// measuring client shares an event loop with neither), sockets, timing and percentiles.

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = 'scripts/bench/child.ts';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of values sorted ascending (the shared rule); NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sharedPercentile(sorted, p, NaN);
}

export function summary(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1]! };
}

export { freePort };

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface Child {
  process: ChildProcess;
  output(): string;
  stop(): Promise<string>;
}

/** Starts `tsx <script> ...args` and waits for it to print "listening on". */
export function spawnChild(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Child> {
  return spawnNode(['--import', 'tsx', script, ...args], env, script);
}

/**
 * Every child still running. A benchmark that throws, is interrupted or hits its time-out takes
 * them down with it: a server left behind would hold its port and the benchmark's output pipe.
 */
const running = new Set<ChildProcess>();
function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
/** Installed with the first child (a child process of ours that starts none keeps its own). */
let guarding = false;
function guard(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (guarding) return;
  guarding = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/**
 * Ends the benchmark with an error when it has not finished within `minutes` (a frozen child
 * would otherwise leave it waiting for ever): its children are killed, the exit code is 1.
 */
export function timeLimit(minutes: number): void {
  const timer = setTimeout(() => {
    console.error(`benchmark: not finished after ${minutes} minutes; stopped (children killed)`);
    process.exit(1);
  }, minutes * 60_000);
  timer.unref();
}

/** A `--name value` number from the command line, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} wants a number`);
  return value;
}

/**
 * The hall server as `npm start` runs it: the compiled bundle, built first when it is missing
 * or older than its sources (`scripts/ensure-built.mjs`), with npm start's node flags.
 */
export async function startCompiledHall(
  env: Record<string, string>,
  extraNodeArgs: string[] = [],
): Promise<Child> {
  const built = spawn(process.execPath, ['scripts/ensure-built.mjs', 'hall-server'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  const code = await new Promise((r) => built.once('exit', r));
  if (code !== 0) throw new Error(`building the hall server failed (exit ${String(code)})`);
  return spawnNode([...extraNodeArgs, ...npmStartFlags(), DIST_MAIN], env);
}

/** Starts `node ...nodeArgs` (e.g. a compiled bundle) and waits for it to print "listening on". */
export async function spawnNode(
  nodeArgs: string[],
  env: Record<string, string> = {},
  script = nodeArgs.at(-1) ?? 'node',
): Promise<Child> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  guard(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (!out.includes('listening on')) return;
      clearInterval(poll);
      child.off('exit', onExit);
      resolve();
    }, 10);
    const onExit = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`${script} exited with ${code}: ${out}`));
    };
    child.once('exit', onExit);
  });
  return {
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return out;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      return out;
    },
  };
}

export const FLOOR_SERVER = 'scripts/bench/floor-server.mjs';

/**
 * The floor (floor-server.mjs): a bare socket.io server under plain node with npm start's flags;
 * `deliver`: it also sends each ack's record to every socket. `extraNodeArgs` go first (the
 * memory benchmark's report hook).
 */
export const startFloorServer = (
  port: number,
  dir: string,
  deliver = false,
  extraNodeArgs: string[] = [],
  env: Record<string, string> = {},
) =>
  spawnNode(
    [
      ...extraNodeArgs,
      ...npmStartFlags(),
      FLOOR_SERVER,
      String(port),
      dir,
      ...(deliver ? ['deliver'] : []),
    ],
    env,
  );

/** Other devices in their own process; `stop()` returns what they received. */
export async function startDeviceFarm(url: string, count: number, token: string) {
  const reportFile = join(mkdtempSync(join(tmpdir(), 'onestop-farm-')), 'report.json');
  const child = await spawnChild(CHILD, ['devices', url, String(count), token, reportFile]);
  return {
    child,
    async stop(): Promise<FarmReport> {
      await child.stop();
      const report = readJson(reportFile, isFarmReport);
      rmSync(dirname(reportFile), { recursive: true, force: true });
      return report;
    },
  };
}

export interface FarmReport {
  broadcasts: number;
  /** For each called ticket id: when each device received the call (epoch ms, precise). */
  calls: Record<string, number[]>;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((n) => typeof n === 'number');

/** For each called ticket id: when each device received it. */
export const isReceipts = (v: unknown): v is Record<string, number[]> =>
  isRecord(v) && Object.values(v).every(isNumbers);

function isFarmReport(v: unknown): v is FarmReport {
  return isRecord(v) && typeof v.broadcasts === 'number' && isReceipts(v.calls);
}

/** A farm's auth file: one handshake (device token, session, screen) per device. */
export const isAuthList = (v: unknown): v is Record<string, string>[] =>
  Array.isArray(v) &&
  v.every((auth) => isRecord(auth) && Object.values(auth).every((x) => typeof x === 'string'));

function isMemoryUsage(v: unknown): v is NodeJS.MemoryUsage {
  const fields = ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'];
  return isRecord(v) && fields.every((f) => typeof v[f] === 'number');
}

/** A JSON file another process wrote, checked to be what `is` expects. */
export function readJson<T>(file: string, is: (v: unknown) => v is T): T {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!is(value)) throw new Error(`${file}: not the expected shape`);
  return value;
}

/**
 * The process's memory as it sees it (heap, external, array buffers, RSS), after a full GC:
 * it must have been started with `--expose-gc --require scripts/bench/memory-report.cjs` and
 * MEMORY_REPORT=`file`.
 */
export async function memoryOf(child: Child, file: string): Promise<NodeJS.MemoryUsage> {
  rmSync(file, { force: true });
  child.process.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    try {
      return readJson(file, isMemoryUsage);
    } catch {
      // not written yet
    }
  }
  throw new Error('no memory report');
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** A device connected with `auth`, no reconnection (the drills' and benches' one way). */
export const open = (url: string, auth: Record<string, string> = {}): Promise<Socket> =>
  connectDevice(url, auth);

/**
 * Sends command `name` (with a new command id unless the payload has one) and times its ack,
 * from the emit to the ack's arrival; the ack is read through the contract after the clock stops.
 */
export async function timed<K extends CommandName>(
  socket: Socket,
  name: K,
  payload: CommandPayload<K> & { commandId?: string },
): Promise<[number, Ack<CommandOutput<K>>]> {
  const withId = { commandId: randomUUID(), ...payload };
  const t0 = performance.now();
  const raw: unknown = await socket.emitWithAck(name, withId);
  return [performance.now() - t0, commandAck(name, raw)];
}

/** The floor server's `ping` (a bare ack after one SQLite insert), timed like a command. */
export async function timedPing(socket: Socket, payload: { id: string; serviceId?: string }) {
  const t0 = performance.now();
  await socket.emitWithAck('ping', payload);
  return performance.now() - t0;
}

export function must<T>(reply: Ack<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what} refused: ${reply.code}`);
  return reply.data;
}

export const fmt = (n: number) => n.toFixed(2);
