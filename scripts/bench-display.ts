// Call-to-display latency: from a clerk emitting `ticket:call-next` until each of N hall
// displays has the `ticket.called` change. Prints Markdown for docs/benchmarks.md.
//
//   npm run bench:display                          # 50 displays, 300 calls
//   npm run bench:display -- --displays 200 --calls 500
//
// Three processes: the hall server (seeded with loadTestSeed), the displays, and this one (a
// kiosk issuing and a clerk calling). The displays are measured two ways, each in a run of its
// own: as the hall display page receives a change — the device client of packages/client
// (`createHallConnection`: sequence check, merge into its copy of the hall, then `onChange`,
// where the display starts its announcement) — and as bare socket.io clients receiving
// `hall:changed`, the transport alone. Clocks are compared across processes with
// `performance.timeOrigin + performance.now()`.

import { createHallConnection, type HallConnection } from '@onestop/client';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import {
  fmt,
  freePort,
  must,
  open,
  preciseNow,
  spawnChild,
  summary,
  timed,
  type Summary,
  readJson,
  isReceipts,
} from './bench/kit';

const DISPLAY_TOKEN = 'load-display-1';
type Mode = 'client' | 'socket';
function modeOf(arg: string | undefined): Mode {
  if (arg === 'client' || arg === 'socket') return arg;
  throw new Error(`mode ${arg}: client or socket`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- The displays' process: `tsx scripts/bench-display.ts displays URL COUNT MODE FILE` ------

async function displays(url: string, count: number, mode: Mode, file: string): Promise<void> {
  const received: Record<string, number[]> = {};
  const note = (ticketId: string, at: number) => (received[ticketId] ??= []).push(at);
  const closers: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    if (mode === 'client') {
      const display: HallConnection = createHallConnection({
        url,
        deviceToken: DISPLAY_TOKEN,
        socketOptions: { transports: ['websocket'], forceNew: true },
      });
      display.onChange((change) => {
        const at = preciseNow();
        for (const e of change.events) if (e.type === 'ticket.called') note(e.ticketId, at);
      });
      await new Promise<void>((resolve) => {
        const done = () => display.store.getState().link === 'online' && resolve();
        display.store.subscribe(done);
        done();
      });
      closers.push(() => display.close());
    } else {
      const socket = await open(url, { deviceToken: DISPLAY_TOKEN });
      socket.on('hall:changed', (change: { events: { type: string; ticketId?: string }[] }) => {
        const at = preciseNow();
        for (const e of change.events)
          if (e.type === 'ticket.called' && e.ticketId) note(e.ticketId, at);
      });
      closers.push(() => socket.disconnect());
    }
  }
  process.on('SIGTERM', () => {
    closers.forEach((close) => close());
    writeFileSync(file, JSON.stringify(received));
    process.exit(0);
  });
  console.log('listening on', url, `with ${count} displays (${mode})`);
}

// --- The measuring process ------------------------------------------------------------------

async function signedInClerk(url: string): Promise<Socket> {
  const desk = await open(url, { deviceToken: 'load-desk-1' });
  const [, signedIn] = await timed(desk, 'staff:sign-in', {
    staffNo: '2000',
    pin: '2000',
  });
  desk.disconnect();
  const clerk = await open(url, {
    deviceToken: 'load-desk-1',
    sessionToken: must(signedIn, 'sign-in').sessionToken,
  });
  must((await timed(clerk, 'counter:sign-in', { counterId: 'ctr-1' }))[1], 'counter');
  must((await timed(clerk, 'counter:open', {}))[1], 'open');
  return clerk;
}

interface Run {
  mode: Mode;
  delays: Summary;
  missing: number;
  ack: Summary;
}

async function run(mode: Mode, displayCount: number, calls: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-display-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hall = await spawnChild('scripts/bench/child.ts', ['hall', String(port), dir, '4']);
  const file = join(dir, 'received.json');
  const farm = await spawnChild('scripts/bench-display.ts', [
    'displays',
    url,
    String(displayCount),
    mode,
    file,
  ]);
  const kiosk = await open(url, { deviceToken: 'load-kiosk-1' });
  const clerk = await signedInClerk(url);
  const emittedAt = new Map<string, number>();
  const acks: number[] = [];
  for (let i = 0; i < calls; i++) {
    must((await timed(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }))[1], 'issue');
    const t0 = preciseNow();
    const [ackMs, called] = await timed(clerk, 'ticket:call-next', {});
    const ticketId = must(called, 'call-next').ticket.id;
    emittedAt.set(ticketId, t0);
    acks.push(ackMs);
    must((await timed(clerk, 'ticket:start', { ticketId }))[1], 'start');
    must(
      (
        await timed(clerk, 'ticket:finish', {
          ticketId,
          outcome: 'completed',
        })
      )[1],
      'finish',
    );
    await sleep(20);
  }
  await sleep(500);
  await farm.stop();
  kiosk.disconnect();
  clerk.disconnect();
  await hall.stop();
  const received = readJson(file, isReceipts);
  rmSync(dir, { recursive: true, force: true });

  const delays: number[] = [];
  let missing = 0;
  for (const [ticketId, t0] of emittedAt) {
    const at = received[ticketId] ?? [];
    missing += displayCount - at.length;
    for (const t of at) delays.push(t - t0);
  }
  return { mode, delays: summary(delays), missing, ack: summary(acks) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      displays: { type: 'string', default: '50' },
      calls: { type: 'string', default: '300' },
    },
  });
  const displayCount = Number(values.displays);
  const calls = Number(values.calls);
  const runs: Run[] = [];
  for (const mode of ['client', 'socket'] as const) runs.push(await run(mode, displayCount, calls));

  const label: Record<Mode, string> = {
    client: 'display client (`createHallConnection`, change applied, `onChange`)',
    socket: 'bare socket.io client (`hall:changed` received)',
  };
  const worst = Math.max(...runs.map((r) => r.delays.p99));
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB. ${displayCount} displays, ${calls} calls ` +
      `(issue → call-next → start → finish, 20 ms apart).`,
    '',
    '| call-next → each display has the call | receipts | p50 ms | p99 ms | max ms | missing |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${label[r.mode]} | ${r.delays.n} | ${fmt(r.delays.p50)} | ${fmt(r.delays.p99)} | ` +
        `${fmt(r.delays.max)} | ${r.missing} |`,
    ),
    '',
    `For comparison, the clerk's own \`ticket:call-next\` ack: p50 ${fmt(runs[0]!.ack.p50)} ms, ` +
      `p99 ${fmt(runs[0]!.ack.p99)} ms.`,
    '',
    `Target p99 < 50 ms: ${worst < 50 ? 'met' : 'NOT met'} (worst p99 ${fmt(worst)} ms).`,
  ];
  console.log(lines.join('\n'));
}

const [first, ...rest] = process.argv.slice(2);
if (first === 'displays') await displays(rest[0]!, Number(rest[1]), modeOf(rest[2]), rest[3]!);
else await main();
process.exitCode = 0;
