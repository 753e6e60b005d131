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
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Socket } from 'socket.io-client';
import { benchColdStart, benchMemory } from './hall-footprint';
import {
  fmt,
  freePort,
  must,
  open,
  preciseNow,
  rssMiB,
  startDeviceFarm,
  startFloorServer,
  summary,
  timedPing,
  type Summary,
} from './kit';
import {
  clerksAtCounters,
  cmd,
  commandsSent,
  countReceived,
  latencyTable,
  openLoop,
  padTokens,
  signedInClerk,
  sleep,
  startLoadHall,
  tempDir,
} from './load-hall';

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
    const ms = await timedPing(floorClient, { id: randomUUID(), serviceId: 'svc-billing' });
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
  const commandsBefore = commandsSent();
  const samples = new Map<string, number[]>();
  const record = (name: string, ms: number) =>
    samples.set(name, [...(samples.get(name) ?? []), ms]);
  await openLoop(RATE, 5, kiosks, clerks, () => undefined); // warm-up
  await openLoop(RATE, seconds, kiosks, clerks, record);
  const rss = rssMiB(hall.child.process.pid!);
  await sleep(500); // the last changes reach every device
  const commands = commandsSent() - commandsBefore;
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
    const ticketId = issued.ticket.id;
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
