// Benchmark of the hall server core: ack latency of ticket:issue, ticket:call-next,
// ticket:start and ticket:finish with 100 connected devices, against the raw floor measured in
// the same run (a bare socket.io server that acks after one bare SQLite insert in WAL mode at
// synchronous=FULL, the durability the hall server uses for acknowledged commands).
//
//   npm run bench:core                          # 2000 visits, paced at 200/s, then flat out
//   npm run bench:core -- --visits 500 --rate 100
//
// 200 commands/s is about forty times what a busy hall sends (50 counters, a command every
// ten seconds each); flat out shows the ceiling, where each command also waits for the
// fan-out of the one before it.
//
// Both servers run as child processes, and the other connected devices in a third, so that
// the client measuring them shares an event loop with neither. Results are printed as Markdown for docs/benchmarks.md.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const DEVICES = 100;

// ---------------------------------------------------------------------------------------------
// The floor server (run as `bench-core.ts floor-server PORT DIR`).

async function floorServer(port: number, dir: string): Promise<void> {
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
  const http = createServer();
  const io = new Server(http);
  io.on('connection', (socket) => {
    socket.on('ping', (payload: { id: string }, ack: (r: unknown) => void) => {
      insert.run(payload.id, JSON.stringify(payload));
      ack({ ok: true, data: { id: payload.id } });
    });
  });
  http.listen(port, '127.0.0.1', () => console.log('listening on', port));
}

// ---------------------------------------------------------------------------------------------
// The device farm (run as `bench-core.ts devices URL COUNT TOKEN`): the other connected
// devices, in their own process as they would be on their own machines. It counts the
// broadcasts they receive and prints the count when asked to stop.

async function deviceFarm(url: string, count: number, token: string): Promise<void> {
  let broadcasts = 0;
  const sockets = await Promise.all(
    Array.from({ length: count }, () => open(url, token ? { deviceToken: token } : {})),
  );
  for (const s of sockets) s.on('hall:changed', () => broadcasts++);
  process.on('SIGTERM', () => {
    for (const s of sockets) s.disconnect();
    console.log(`broadcasts ${broadcasts}`);
    process.exit(0);
  });
  console.log('listening on', url, `with ${count} devices`);
}

async function startFarm(url: string, count: number, token: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-core.ts', 'devices', url, String(count), token],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (!out.includes('listening on')) return;
      clearInterval(poll);
      resolve();
    }, 20);
    child.once('exit', (code) => reject(new Error(`device farm exited with ${code}: ${out}`)));
  });
  return {
    async stop(): Promise<number> {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      return Number(/broadcasts (\d+)/.exec(out)?.[1] ?? 0);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The measuring side.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1]! };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

async function spawnServer(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return child;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function open(url: string, auth: Record<string, string> = {}): Promise<Socket> {
  const socket = connect(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

type AckReply = { ok: true; data: Record<string, unknown> } | { ok: false; code: string };

/** Commands per second the measuring client sends; 0 sends each as soon as the last is acked. */
let rate = 0;
let nextSendAt = 0;

async function timed(socket: Socket, event: string, payload: object): Promise<[number, AckReply]> {
  if (rate > 0) {
    const wait = nextSendAt - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    nextSendAt = Math.max(nextSendAt, performance.now()) + 1000 / rate;
  }
  const t0 = performance.now();
  const reply = (await socket.emitWithAck(event, payload)) as AckReply;
  return [performance.now() - t0, reply];
}

function must(reply: AckReply, what: string): Record<string, unknown> {
  if (!reply.ok) throw new Error(`${what} refused: ${reply.code}`);
  return reply.data;
}

async function measureFloor(visits: number): Promise<ReturnType<typeof summary>> {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-floor-'));
  const port = await freePort();
  const child = await spawnServer(['scripts/bench-core.ts', 'floor-server', String(port), dir], {});
  const url = `http://127.0.0.1:${port}`;
  const farm = await startFarm(url, DEVICES - 1, '');
  const client = await open(url);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) await timed(client, 'ping', { id: randomUUID() }); // warm-up
  for (let i = 0; i < visits * 4; i++) {
    const [ms] = await timed(client, 'ping', { id: randomUUID(), serviceId: 'svc-billing' });
    samples.push(ms);
  }
  client.disconnect();
  await farm.stop();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  return summary(samples);
}

async function measureHall(visits: number) {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-hall-'));
  const port = await freePort();
  const child = await spawnServer(['apps/hall-server/src/main.ts'], {
    PORT: String(port),
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
      : {}),
  });
  const url = `http://127.0.0.1:${port}`;
  const kiosk = await open(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await open(url, { deviceToken: 'demo-desk-1' });
  must(
    (
      await timed(clerk, 'staff:sign-in', { commandId: randomUUID(), staffNo: '1001', pin: '1001' })
    )[1],
    'sign-in',
  );
  must(
    (await timed(clerk, 'counter:sign-in', { commandId: randomUUID(), counterId: 'ctr-1' }))[1],
    'counter',
  );
  must((await timed(clerk, 'counter:open', { commandId: randomUUID() }))[1], 'open');
  // The rest of the 100 devices: hall displays, which receive every broadcast.
  const farm = await startFarm(url, DEVICES - 2, 'demo-display-1');

  const lat = {
    issue: [] as number[],
    call: [] as number[],
    start: [] as number[],
    finish: [] as number[],
  };
  const visit = async (record: boolean) => {
    const [issueMs, issued] = await timed(kiosk, 'ticket:issue', {
      commandId: randomUUID(),
      serviceId: 'svc-billing',
    });
    must(issued, 'issue');
    const [callMs, called] = await timed(clerk, 'ticket:call-next', { commandId: randomUUID() });
    const ticketId = (must(called, 'call') as { ticket: { id: string } }).ticket.id;
    const [startMs, started] = await timed(clerk, 'ticket:start', {
      commandId: randomUUID(),
      ticketId,
    });
    must(started, 'start');
    const [finishMs, finished] = await timed(clerk, 'ticket:finish', {
      commandId: randomUUID(),
      ticketId,
      outcome: 'completed',
      items: ['电费缴纳'],
    });
    must(finished, 'finish');
    if (record) {
      lat.issue.push(issueMs);
      lat.call.push(callMs);
      lat.start.push(startMs);
      lat.finish.push(finishMs);
    }
  };
  for (let i = 0; i < 50; i++) await visit(false); // warm-up
  for (let i = 0; i < visits; i++) await visit(true);
  const rss = rssMiB(child.pid!);
  const broadcasts = await farm.stop();
  for (const s of [kiosk, clerk]) s.disconnect();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return {
    issue: summary(lat.issue),
    call: summary(lat.call),
    start: summary(lat.start),
    finish: summary(lat.finish),
    rss,
    broadcasts,
  };
}

async function run(visits: number) {
  const floor = await measureFloor(visits);
  const hall = await measureHall(visits);
  const f = (n: number) => n.toFixed(2);
  const row = (name: string, s: ReturnType<typeof summary>) =>
    `| ${name} | ${s.n} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} | ${(s.p99 / floor.p99).toFixed(2)}× |`;
  const worst = Math.max(hall.issue.p99, hall.call.p99, hall.start.p99, hall.finish.p99);
  return [
    `${rate > 0 ? `Paced at ${rate} commands/s` : 'Flat out (each command sent as soon as the last is acked)'}; ` +
      `${DEVICES} connected devices, ${visits} visits.`,
    '',
    '| ack of | samples | p50 ms | p99 ms | max ms | p99 / floor p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('floor: bare socket.io ack + one SQLite insert (WAL, FULL)', floor),
    row('ticket:issue', hall.issue),
    row('ticket:call-next', hall.call),
    row('ticket:start', hall.start),
    row('ticket:finish', hall.finish),
    '',
    `Hall server resident memory after the run: ${hall.rss} MiB; ` +
      `${hall.broadcasts} hall:changed broadcasts received by the other devices.`,
    `Target p99 ≤ 3× floor p99: ${worst <= 3 * floor.p99 ? 'met' : 'NOT met'} ` +
      `(worst ${f(worst)} ms against ${f(3 * floor.p99)} ms).`,
  ];
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'floor-server') return floorServer(Number(rest[0]), rest[1]!);
  if (mode === 'devices') return deviceFarm(rest[0]!, Number(rest[1]), rest[2] ?? '');
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const visits = arg('--visits', 2000);
  const rates = process.argv.includes('--rate') ? [arg('--rate', 200)] : [200, 0];
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB.`,
  ];
  for (const r of rates) {
    rate = r;
    nextSendAt = 0;
    lines.push('', ...(await run(visits)));
  }
  console.log(lines.join('\n'));
  process.exit(0);
}

await main();
