// Benchmark of the hall server core: ack latency of ticket:issue, ticket:call-next,
// ticket:start and ticket:finish with 100 connected devices, against the raw floor measured in
// the same run (a bare socket.io server that acks after one bare SQLite insert in WAL mode at
// synchronous=FULL, the durability the hall server uses for acknowledged commands).
//
//   npm run bench:core                          # 2000 visits, paced at 200/s, then flat out
//   npm run bench:core -- --visits 500 --rate 100 --devices 30 --minutes 5
//
// The hall server runs as `npm start` runs it (the compiled bundle, built first when stale,
// with npm start's node flags); BENCH_TSX=1 runs its TypeScript sources through tsx instead.
// It stops with an error after --minutes (default 20), killing every child it started.
//
// 200 commands/s is about forty times what a busy hall sends (50 counters, a command every
// ten seconds each); flat out shows the ceiling, where each command also waits for the
// fan-out of the one before it.
//
// Both servers run as child processes, and the other connected devices in a third, so that
// the client measuring them shares an event loop with neither. Results are printed as Markdown for docs/benchmarks.md.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import {
  freePort,
  must,
  open,
  rssMiB,
  numberArg,
  spawnChild,
  startCompiledHall,
  startDeviceFarm,
  startFloorServer,
  summary,
  timeLimit,
  timed as timedCommand,
  timedPing as ping,
} from './bench/kit';

/** Connected devices: the measuring kiosk and desk, the rest hall displays (`--devices`). */
let DEVICES = 100;

/** Commands per second the measuring client sends; 0 sends each as soon as the last is acked. */
let rate = 0;
let nextSendAt = 0;

/** Waits for the next send slot when paced (`rate` > 0). */
async function paced(): Promise<void> {
  if (rate <= 0) return;
  const wait = nextSendAt - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  nextSendAt = Math.max(nextSendAt, performance.now()) + 1000 / rate;
}

/** A timed command, paced. */
const timed: typeof timedCommand = async (socket, name, payload) => {
  await paced();
  return timedCommand(socket, name, payload);
};

/** The floor's ping, timed and paced. */
async function timedPing(socket: Socket, payload: { id: string; serviceId?: string }) {
  await paced();
  return ping(socket, payload);
}

/** `deliver`: the floor also sends each record to every device, as the hall must (see child.ts). */
async function measureFloor(visits: number, deliver = false): Promise<ReturnType<typeof summary>> {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-floor-'));
  const port = await freePort();
  const child = await startFloorServer(port, dir, deliver);
  const url = `http://127.0.0.1:${port}`;
  const farm = await startDeviceFarm(url, DEVICES - 1, '');
  const client = await open(url);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) await timedPing(client, { id: randomUUID() }); // warm-up
  for (let i = 0; i < visits * 4; i++) {
    const ms = await timedPing(client, { id: randomUUID(), serviceId: 'svc-billing' });
    samples.push(ms);
  }
  client.disconnect();
  await farm.stop();
  await child.stop();
  rmSync(dir, { recursive: true, force: true });
  return summary(samples);
}

async function measureHall(visits: number) {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-hall-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
  };
  // BENCH_PROFILE=<dir>: a CPU profile of the hall server, written when it stops.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = process.env.BENCH_TSX
    ? await spawnChild('apps/hall-server/src/main.ts', [], {
        ...env,
        ...(profile.length > 0 ? { NODE_OPTIONS: profile.join(' ') } : {}),
      })
    : await startCompiledHall(env, profile);
  const url = `http://127.0.0.1:${port}`;
  const kiosk = await open(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await open(url, { deviceToken: 'demo-desk-1', screen: 'counter' });
  must((await timed(clerk, 'staff:sign-in', { staffNo: '1001', pin: '1001' }))[1], 'sign-in');
  must((await timed(clerk, 'counter:sign-in', { counterId: 'ctr-1' }))[1], 'counter');
  must((await timed(clerk, 'counter:open', {}))[1], 'open');
  // The rest of the 100 devices: hall displays, whose screen every step of a visit changes
  // (the waiting count, the call, the counter's board serving, then free).
  const farm = await startDeviceFarm(url, DEVICES - 2, 'demo-display-1');
  let received = 0;
  for (const s of [kiosk, clerk]) s.on('hall:changed', () => received++);

  const lat: Record<'issue' | 'call' | 'start' | 'finish', number[]> = {
    issue: [],
    call: [],
    start: [],
    finish: [],
  };
  const visit = async (record: boolean) => {
    const [issueMs, issued] = await timed(kiosk, 'ticket:issue', {
      serviceId: 'svc-billing',
    });
    must(issued, 'issue');
    const [callMs, called] = await timed(clerk, 'ticket:call-next', {});
    const ticketId = must(called, 'call').ticket.id;
    const [startMs, started] = await timed(clerk, 'ticket:start', {
      ticketId,
    });
    must(started, 'start');
    const [finishMs, finished] = await timed(clerk, 'ticket:finish', {
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
  const rss = rssMiB(child.process.pid!);
  await new Promise((r) => setTimeout(r, 500)); // the last changes reach every device
  const { broadcasts } = await farm.stop();
  const commands = (50 + visits) * 4;
  for (const s of [kiosk, clerk]) s.disconnect();
  await child.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    issue: summary(lat.issue),
    call: summary(lat.call),
    start: summary(lat.start),
    finish: summary(lat.finish),
    rss,
    messages: broadcasts + received,
    commands,
  };
}

async function run(visits: number) {
  const floor = await measureFloor(visits);
  const delivering = await measureFloor(visits, true);
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
    row(
      'floor + delivery: the same, each record also sent to every device (≤ 1 message / 20 ms)',
      delivering,
    ),
    row('ticket:issue', hall.issue),
    row('ticket:call-next', hall.call),
    row('ticket:start', hall.start),
    row('ticket:finish', hall.finish),
    '',
    `Hall server resident memory after the run: ${hall.rss} MiB; ` +
      `${hall.messages.toLocaleString('en')} \`hall:changed\` messages for ` +
      `${hall.commands.toLocaleString('en')} commands (warm-up included): ` +
      `${(hall.messages / hall.commands).toFixed(1)} per command.`,
    `Target p99 ≤ 1.5× floor p99: ${worst <= 1.5 * floor.p99 ? 'met' : 'NOT met'} ` +
      `(worst ${f(worst)} ms against ${f(1.5 * floor.p99)} ms, ratio ${(worst / floor.p99).toFixed(2)}).`,
    `Against the floor with delivery (not the goal's floor; what sending every change to ` +
      `${DEVICES - 2} displays on the same machine costs a server that does nothing else): ` +
      `ratio ${(worst / delivering.p99).toFixed(2)}.`,
  ];
}

async function main(): Promise<void> {
  timeLimit(numberArg('--minutes', 20));
  const visits = numberArg('--visits', 2000);
  DEVICES = Math.max(3, numberArg('--devices', 100)); // a kiosk, a desk and at least one display
  const rates = process.argv.includes('--rate') ? [numberArg('--rate', 200)] : [200, 0];
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
