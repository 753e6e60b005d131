// Hall-scale benchmarks (issue: simulator, benchmarks and fault drills). Each prints Markdown
// for docs/benchmarks.md.
//
//   npm run bench:hall                 # all five
//   npm run bench:hall -- load         # 60 counters, 6 kiosks, 60 pads, 10 displays at 50 commands/s, with the floor
//   npm run bench:hall -- fanout       # a call reaching 200 displays
//   npm run bench:hall -- rate         # highest sustained durable commands/s with p99 ≤ 50 ms
//   npm run bench:hall -- memory       # server RSS with 300 devices connected
//   npm run bench:hall -- coldstart    # start-up with a year of history (~700,000 tickets)

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { writeHistory } from './history';
import {
  fmt,
  freePort,
  memoryOf,
  must,
  open,
  preciseNow,
  repoRoot,
  rssMiB,
  spawnChild,
  spawnNode,
  startDeviceFarm,
  startFloorServer,
  summary,
  timed,
  type AckReply,
  type Summary,
} from './kit';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `onestop-bench-${name}-`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DIST_MAIN = 'apps/hall-server/dist/main.js';

async function startLoadHall(counters: number, options: { keep?: boolean } = {}) {
  const dir = tempDir('hall');
  const port = await freePort();
  const child = await spawnChild(
    'scripts/bench/child.ts',
    ['hall', String(port), dir, String(counters)],
    // BENCH_PROFILE=<dir>: a CPU profile of the hall server, written when it stops.
    process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
      : {},
  );
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dir,
    async stop() {
      await child.stop();
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Clerks 1..n signed in at their counters; only the first `keep` stay in this process. */
async function clerksAtCounters(url: string, n: number, keep: number) {
  const clerks: Socket[] = [];
  for (let i = 1; i <= n; i++) clerks.push(await signedInClerk(url, i));
  // The others go to a device farm of their own, as desks on their own machines would be:
  // they receive every change, but their decoding does not slow the measuring process.
  const others = clerks.splice(keep).map((socket, i) => {
    const auth = (socket as unknown as { auth: Record<string, string> }).auth;
    socket.disconnect();
    return { ...auth, _n: String(keep + i + 1) };
  });
  const file = join(tempDir('auth'), 'auth.json');
  writeFileSync(file, JSON.stringify(others.map(({ _n, ...auth }) => auth)));
  const farm = others.length > 0 ? await startDeviceFarm(url, others.length, `@${file}`) : null;
  return { clerks, stop: async () => (await farm?.stop())?.broadcasts ?? 0 };
}

async function signedInClerk(url: string, n: number): Promise<Socket> {
  const desk = await open(url, { deviceToken: `load-desk-${n}` });
  const staffNo = String(2000 + n - 1);
  const signedIn = must(
    (await timed(desk, 'staff:sign-in', { commandId: randomUUID(), staffNo, pin: staffNo }))[1],
    'sign-in',
  );
  desk.disconnect();
  // A clerk's workstation says so in its handshake, and is sent only what it shows.
  const socket = await open(url, {
    deviceToken: `load-desk-${n}`,
    sessionToken: signedIn.sessionToken as string,
    screen: 'counter',
  });
  must(
    (await timed(socket, 'counter:sign-in', { commandId: randomUUID(), counterId: `ctr-${n}` }))[1],
    'counter',
  );
  must((await timed(socket, 'counter:open', { commandId: randomUUID() }))[1], 'open');
  return socket;
}

let commandsSent = 0;
const cmd = (socket: Socket, name: string, payload: object = {}) => {
  commandsSent++;
  return timed(socket, name, { commandId: randomUUID(), ...payload });
};

/** Counts the `hall:changed` messages these sockets receive from now on. */
function countReceived(sockets: Socket[]): () => number {
  let n = 0;
  for (const s of sockets) s.on('hall:changed', () => n++);
  return () => n;
}

/** One auth file for the farm: `n` pads, one per counter of 60 (two on some when n > 60). */
function padTokens(n: number): string {
  const file = join(tempDir('pads'), 'auth.json');
  writeFileSync(
    file,
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({ deviceToken: `load-pad-${(i % 60) + 1}` })),
    ),
  );
  return `@${file}`;
}

/** One visit, each step awaited: issue at a kiosk, called by a clerk, started, finished. */
async function visit(
  kiosk: Socket,
  clerk: Socket,
  record?: (name: string, ms: number) => void,
): Promise<void> {
  const [issueMs, issued] = await cmd(kiosk, 'ticket:issue', { serviceId: 'svc-billing' });
  const ticketId = (must(issued, 'issue').ticket as { id: string }).id;
  const [callMs, called] = await cmd(clerk, 'ticket:call', { ticketId });
  must(called, 'call');
  const [startMs, started] = await cmd(clerk, 'ticket:start', { ticketId });
  must(started, 'start');
  const [finishMs, finished] = await cmd(clerk, 'ticket:finish', {
    ticketId,
    outcome: 'completed',
  });
  must(finished, 'finish');
  record?.('ticket:issue', issueMs);
  record?.('ticket:call', callMs);
  record?.('ticket:start', startMs);
  record?.('ticket:finish', finishMs);
}

/** Runs visits open-loop: a new one every 4000/rate ms whatever the others are doing. */
async function openLoop(
  rate: number,
  seconds: number,
  kiosks: Socket[],
  clerks: Socket[],
  record: (name: string, ms: number) => void,
): Promise<void> {
  const free = [...clerks];
  const waiting: ((c: Socket) => void)[] = [];
  const takeClerk = () =>
    free.length > 0 ? Promise.resolve(free.pop()!) : new Promise<Socket>((r) => waiting.push(r));
  const giveBack = (c: Socket) => {
    const next = waiting.shift();
    if (next) next(c);
    else free.push(c);
  };
  const interval = 4000 / rate;
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    running.push(
      takeClerk().then(async (clerk) => {
        try {
          await visit(kiosks[i % kiosks.length]!, clerk, record);
        } finally {
          giveBack(clerk);
        }
      }),
    );
  }
  await Promise.all(running);
}

function latencyTable(rows: [string, Summary][], floor?: Summary): string[] {
  return [
    `| ack of | samples | p50 ms | p99 ms | max ms |${floor ? ' p99 / floor p99 |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: |${floor ? ' ---: |' : ''}`,
    ...rows.map(
      ([name, s]) =>
        `| ${name} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} |` +
        (floor ? ` ${(s.p99 / floor.p99).toFixed(2)}× |` : ''),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

async function benchLoad(seconds = 60): Promise<string[]> {
  const RATE = 50;
  // The floor, with as many connections, at the same rate.
  const floorDir = tempDir('floor');
  const floorPort = await freePort();
  const floorServer = await startFloorServer(floorPort, floorDir);
  const floorUrl = `http://127.0.0.1:${floorPort}`;
  const floorFarm = await startDeviceFarm(floorUrl, 135, '');
  const floorClient = await open(floorUrl);
  const floorSamples: number[] = [];
  for (let i = 0; i < RATE * seconds; i++) {
    const due = performance.now() + 1000 / RATE;
    const [ms] = await timed(floorClient, 'ping', { id: randomUUID(), serviceId: 'svc-billing' });
    floorSamples.push(ms);
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
  }
  floorClient.disconnect();
  await floorFarm.stop();
  await floorServer.stop();
  rmSync(floorDir, { recursive: true, force: true });
  const floor = summary(floorSamples);

  const hall = await startLoadHall(60);
  const kiosks = await Promise.all(
    Array.from({ length: 6 }, (_, i) => open(hall.url, { deviceToken: `load-kiosk-${i + 1}` })),
  );
  const { clerks, stop: stopClerks } = await clerksAtCounters(hall.url, 60, 6);
  const pads = await startDeviceFarm(hall.url, 60, padTokens(60));
  const displays = await startDeviceFarm(hall.url, 10, 'load-display-1');
  const inProcess = countReceived([...kiosks, ...clerks]);
  const commandsBefore = commandsSent;
  const samples = new Map<string, number[]>();
  const record = (name: string, ms: number) =>
    samples.set(name, [...(samples.get(name) ?? []), ms]);
  await openLoop(RATE, 5, kiosks, clerks, () => undefined); // warm-up
  await openLoop(RATE, seconds, kiosks, clerks, record);
  const rss = rssMiB(hall.child.process.pid!);
  await sleep(500); // the last changes reach every device
  const commands = commandsSent - commandsBefore;
  const received =
    (await pads.stop()).broadcasts +
    (await displays.stop()).broadcasts +
    (await stopClerks()) +
    inProcess();
  for (const s of [...kiosks, ...clerks]) s.disconnect();
  await hall.stop();

  const rows: [string, Summary][] = [...samples].map(([name, list]) => [name, summary(list)]);
  const worst = Math.max(...rows.map(([, s]) => s.p99));
  return [
    `### 1. Command latency at hall load`,
    '',
    `60 counters (clerks signed in; 6 of them in the measuring process, 54 in a device farm), ` +
      `6 kiosks, 60 pads and 10 displays connected (136 devices); ` +
      `visits (issue → call → start → finish) started open-loop so that ${RATE} commands/s ` +
      `arrive for ${seconds} s. The floor: a bare socket.io ack + one SQLite insert (WAL, ` +
      `synchronous=FULL) with 136 connections, at the same rate.`,
    '',
    ...latencyTable([['floor', floor], ...rows], floor),
    '',
    `\`hall:changed\` messages: ${received.toLocaleString('en')} for ` +
      `${commands.toLocaleString('en')} commands, ${(received / commands).toFixed(1)} per command ` +
      `(136 devices connected).`,
    '',
    `Server RSS at the end: ${rss} MiB. Target p99 ratio ≤ 1.5: ` +
      `${worst <= 1.5 * floor.p99 ? 'met' : 'NOT met'} (worst ${fmt(worst)} ms, floor p99 ${fmt(floor.p99)} ms, ` +
      `ratio ${(worst / floor.p99).toFixed(2)}).`,
  ];
}

async function benchFanout(calls = 300, displays = 200): Promise<string[]> {
  const hall = await startLoadHall(4);
  const farm = await startDeviceFarm(hall.url, displays, 'load-display-1');
  const kiosk = await open(hall.url, { deviceToken: 'load-kiosk-1' });
  const clerk = await signedInClerk(hall.url, 1);
  const sentAt = new Map<string, number>();
  for (let i = 0; i < calls; i++) {
    const issued = must(
      (await cmd(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }))[1],
      'issue',
    );
    const ticketId = (issued.ticket as { id: string }).id;
    sentAt.set(ticketId, preciseNow());
    must((await cmd(clerk, 'ticket:call', { ticketId }))[1], 'call');
    must((await cmd(clerk, 'ticket:return', { ticketId }))[1], 'return');
    await sleep(20);
  }
  await sleep(500);
  const report = await farm.stop();
  kiosk.disconnect();
  clerk.disconnect();
  await hall.stop();
  const delays: number[] = [];
  let missing = 0;
  for (const [ticketId, at] of sentAt) {
    const received = report.calls[ticketId] ?? [];
    missing += displays - received.length;
    for (const t of received) delays.push(t - at);
  }
  const s = summary(delays);
  return [
    `### 2. A call reaching every display (${displays} displays)`,
    '',
    `${displays} displays connected (in their own process); a clerk calls ${calls} tickets, 20 ms ` +
      `apart; the delay runs from the clerk emitting \`ticket:call\` to each display receiving ` +
      `the \`ticket.called\` change.`,
    '',
    ...latencyTable([[`call → display (each of ${displays})`, s]]),
    '',
    `Receipts missing: ${missing}. Target p99 < 50 ms: ${s.p99 < 50 ? 'met' : 'NOT met'}.`,
  ];
}

async function benchRate(): Promise<string[]> {
  const hall = await startLoadHall(60);
  const kiosks = await Promise.all(
    Array.from({ length: 6 }, (_, i) => open(hall.url, { deviceToken: `load-kiosk-${i + 1}` })),
  );
  const clerks: Socket[] = [];
  for (let n = 1; n <= 60; n++) clerks.push(await signedInClerk(hall.url, n));
  const lines = [
    '| offered commands/s | achieved/s | p50 ms | p99 ms |',
    '| ---: | ---: | ---: | ---: |',
  ];
  let best = 0;
  for (const rate of [250, 500, 1000, 1500, 2000, 2500, 3000, 4000]) {
    const all: number[] = [];
    const t0 = performance.now();
    await openLoop(rate, 5, kiosks, clerks, (_, ms) => all.push(ms));
    const achieved = all.length / ((performance.now() - t0) / 1000);
    const s = summary(all);
    lines.push(`| ${rate} | ${Math.round(achieved)} | ${fmt(s.p50)} | ${fmt(s.p99)} |`);
    if (s.p99 > 50 || achieved < rate * 0.9) break;
    best = rate;
  }
  for (const s of [...kiosks, ...clerks]) s.disconnect();
  await hall.stop();
  return [
    `### 3. Highest sustained rate of durable commands`,
    '',
    `Visits (issue → call → start → finish, each a durable command) started open-loop by 6 ` +
      `kiosks and 60 clerks for 5 s at each offered rate; stops at the first rate whose p99 ` +
      `passes 50 ms or whose achieved rate falls 10 % short.`,
    '',
    ...lines,
    '',
    `Highest rate with p99 ≤ 50 ms: ${best} commands/s. Target ≥ 2,000/s: ${best >= 2000 ? 'met' : 'NOT met'}.`,
  ];
}

/** RSS of a node process that has imported `what` (nothing: the runtime alone), after a GC. */
async function rssWith(what: string | null): Promise<{ rss: number; heap: number }> {
  const code =
    (what ? `await import(${JSON.stringify(what)});` : '') +
    `globalThis.gc(); await new Promise((r) => setTimeout(r, 200)); globalThis.gc();` +
    `const m = process.memoryUsage(); console.log('listening on', m.rss, m.heapUsed);` +
    `setInterval(() => {}, 1000);`;
  const child = await spawnNode(
    ['--expose-gc', '--input-type=module', '-e', code],
    {},
    what ?? 'node',
  );
  const [, rss, heap] = /listening on (\d+) (\d+)/.exec(child.output())!;
  await child.stop();
  return { rss: Number(rss) / 2 ** 20, heap: Number(heap) / 2 ** 20 };
}

async function benchMemory(): Promise<string[]> {
  // The hall (60 counters, their clerks, desks and pads) is seeded once, then the server runs on
  // it as it does in production: the compiled bundle when `npm run build` made one.
  const seeded = await startLoadHall(60, { keep: true });
  await seeded.stop();
  const compiled = existsSync(join(repoRoot, DIST_MAIN));
  const port = await freePort();
  const report = join(seeded.dir, 'memory.json');
  // With the node flags of `npm start` (package.json), as it runs in production.
  const startScript =
    (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts.start ?? '';
  const startFlags = /&& node ((?:--\S+ )*)apps\/hall-server/.exec(startScript)?.[1]?.trim();
  const flags = startFlags ? startFlags.split(/\s+/) : [];
  const entry = compiled
    ? [...flags, DIST_MAIN]
    : [...flags, '--import', 'tsx', 'apps/hall-server/src/main.ts'];
  const child = await spawnNode(
    ['--expose-gc', '--require', './scripts/bench/memory-report.cjs', ...entry],
    {
      PORT: String(port),
      DATA_DIR: seeded.dir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: '1', // the load hall's well-known tokens are demo credentials; it is not re-seeded
      RATE_LIMITS: 'off',
      MEMORY_REPORT: report,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await sleep(2000);
  const idle = await memoryOf(child, report);
  const idleRss = rssMiB(child.process.pid!);
  const displays = await startDeviceFarm(url, 140, 'load-display-1');
  const pads = await startDeviceFarm(url, 94, padTokens(94));
  const kiosks = await Promise.all(
    Array.from({ length: 6 }, (_, i) => open(url, { deviceToken: `load-kiosk-${i + 1}` })),
  );
  const clerks: Socket[] = [];
  for (let n = 1; n <= 60; n++) clerks.push(await signedInClerk(url, n));
  await openLoop(100, 10, kiosks, clerks, () => undefined);
  await sleep(1000);
  const loadedRss = rssMiB(child.process.pid!);
  const loaded = await memoryOf(child, report);
  const loadedRssAfterGc = rssMiB(child.process.pid!);
  await displays.stop();
  await pads.stop();
  for (const s of [...kiosks, ...clerks]) s.disconnect();
  await child.stop();
  rmSync(seeded.dir, { recursive: true, force: true });

  const bare = await rssWith(null);
  const parts: [string, string][] = [
    ['better-sqlite3', 'better-sqlite3'],
    ['socket.io', 'socket.io'],
    ['fastify', 'fastify'],
    ['pino', 'pino'],
    ['zod', 'zod'],
    ['exceljs', 'exceljs'],
  ];
  const partRows: string[] = [];
  for (const [name, spec] of parts) {
    const m = await rssWith(spec);
    partRows.push(
      `| ${name} | ${(m.rss - bare.rss).toFixed(1)} | ${(m.heap - bare.heap).toFixed(1)} |`,
    );
  }
  const mib = (n: number) => (n / 2 ** 20).toFixed(1);
  const row = (label: string, rss: number, m: NodeJS.MemoryUsage) =>
    `| ${label} | ${rss} | ${mib(m.heapUsed)} | ${mib(m.heapTotal)} | ${mib(m.external)} | ` +
    `${mib(m.arrayBuffers)} | ${(rss - Number(mib(m.heapTotal)) - Number(mib(m.external))).toFixed(1)} |`;
  return [
    `### 4. Server memory with 300 devices`,
    '',
    `The server as it runs in production (${compiled ? `\`node ${[...flags, DIST_MAIN].join(' ')}\`, the compiled bundle` : '`tsx apps/hall-server/src/main.ts` (no compiled bundle found)'}) ` +
      `on a hall with 60 counters: idle 2 s after start, then with 60 clerks' desks, 6 kiosks, ` +
      `140 displays and 94 pads connected (300 devices) after 10 s of visits at 100 commands/s. ` +
      `Heap figures after a full GC; RSS read from /proc (the 300-device row before the GC; ` +
      `after it: ${loadedRssAfterGc} MiB).`,
    '',
    `| | RSS MiB | heap used MiB | heap total MiB | external MiB | array buffers MiB | RSS − heap total − external MiB |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    row('started, nobody connected', idleRss, idle),
    row('300 devices connected, after load', loadedRss, loaded),
    '',
    `What the parts cost: a bare \`node\` (Node ${process.version}) is ${bare.rss.toFixed(1)} MiB RSS ` +
      `(${bare.heap.toFixed(1)} MiB heap used); each library imported alone into one adds:`,
    '',
    `| imported alone | + RSS MiB | + heap used MiB |`,
    `| --- | ---: | ---: |`,
    ...partRows,
    '',
    `Targets RSS idle ≤ 70 MiB: ${idleRss <= 70 ? 'met' : 'NOT met'} (${idleRss} MiB); ` +
      `300 devices ≤ 100 MiB: ${loadedRss <= 100 ? 'met' : 'NOT met'} (${loadedRss} MiB).`,
  ];
}

async function benchColdStart(tickets = 700_000): Promise<string[]> {
  const dir = tempDir('cold');
  const port = await freePort();
  // First start seeds the demo hall; then a year of history is written into its database.
  const first = await spawnChild('apps/hall-server/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  await first.stop();
  const file = join(dir, 'hall.sqlite');
  const t0 = performance.now();
  writeHistory(file, tickets);
  const writeSec = (performance.now() - t0) / 1000;
  const sizeMiB = Math.round(statSync(file).size / 2 ** 20);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const child = await spawnChild('apps/hall-server/src/main.ts', [], {
      PORT: String(port),
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: '0',
    });
    const kiosk = await open(`http://127.0.0.1:${port}`, { deviceToken: 'demo-kiosk-1' });
    const [, snapshot] = (await timed(kiosk, 'hall:snapshot', {})) as [number, AckReply];
    must(snapshot, 'snapshot');
    times.push((performance.now() - started) / 1000);
    kiosk.disconnect();
    await child.stop();
  }
  // The monthly report over that history, as the duty leader asks for it.
  const server = await spawnChild('apps/hall-server/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO: '0',
  });
  const url = `http://127.0.0.1:${port}`;
  const console_ = await open(url, { deviceToken: 'demo-console' });
  const signedIn = must(
    (await cmd(console_, 'staff:sign-in', { staffNo: '8001', pin: '8001' }))[1],
    'sign-in',
  );
  console_.disconnect();
  const leader = await open(url, {
    deviceToken: 'demo-console',
    sessionToken: signedIn.sessionToken as string,
  });
  const reportTimes: { roundTrip: number; compute: number; tickets: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, reply] = await timed(leader, 'report:get', { from: '2026-10-01', to: '2026-10-31' });
    const report = must(reply, 'report') as { elapsedMs: number; tickets: number };
    reportTimes.push({ roundTrip: ms, compute: report.elapsedMs, tickets: report.tickets });
  }
  leader.disconnect();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  const best = Math.min(...times);
  const monthly = reportTimes.slice(1); // the first warms SQLite's page cache
  const monthlyWorst = Math.max(...monthly.map((r) => r.roundTrip));
  return [
    `### 5. Cold start with a year of history`,
    '',
    `${tickets.toLocaleString('en')} tickets over 365 business days with 4 transitions and 4 ` +
      `audit entries each (database ${sizeMiB} MiB, written in ${writeSec.toFixed(0)} s). Time ` +
      `from spawning the server process (\`tsx\` compiling TypeScript included) to its first ` +
      `snapshot ack to a kiosk: ${times.map((t) => t.toFixed(2)).join(' s, ')} s.`,
    '',
    `Target < 2 s: ${best < 2 ? 'met' : 'NOT met'} (best ${best.toFixed(2)} s).`,
    '',
    `### Monthly report over that history`,
    '',
    `\`report:get\` for October (${reportTimes[0]!.tickets.toLocaleString('en')} tickets) by the ` +
      `duty leader over the socket, five times: round trip ` +
      `${reportTimes.map((r) => r.roundTrip.toFixed(0)).join(', ')} ms (computing ` +
      `${reportTimes.map((r) => r.compute).join(', ')} ms). Target < 300 ms ` +
      `(warm): ${monthlyWorst < 300 ? 'met' : 'NOT met'} (worst ${monthlyWorst.toFixed(0)} ms).`,
  ];
}

const benches: Record<string, () => Promise<string[]>> = {
  load: () => benchLoad(),
  fanout: () => benchFanout(),
  fanout50: () => benchFanout(300, 50),
  rate: () => benchRate(),
  memory: () => benchMemory(),
  coldstart: () => benchColdStart(),
};

const chosen = process.argv.slice(2).filter((a) => a in benches);
const lines = [
  `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} ` +
    `cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
];
for (const name of chosen.length ? chosen : Object.keys(benches)) {
  lines.push('', ...(await benches[name]!()));
  console.error(`(${name} done)`);
}
console.log(lines.join('\n'));
process.exit(0);
