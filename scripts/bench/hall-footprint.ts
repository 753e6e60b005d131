// The hall server's footprint (bench-hall.ts `memory` and `coldstart`): its memory with 300
// devices, what its libraries cost, and a cold start over a year of history.

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { writeHistory } from './history';
import {
  freePort,
  DIST_MAIN,
  memoryOf,
  must,
  npmStartFlags,
  open,
  repoRoot,
  rssMiB,
  spawnChild,
  spawnNode,
  startDeviceFarm,
  startFloorServer,
  timed,
  timedPing,
} from './kit';
import {
  cmd,
  openLoop,
  padTokens,
  signedInClerk,
  sleep,
  startLoadHall,
  tempDir,
} from './load-hall';

/** `npm start` (package.json's scripts.start), whose node flags the server runs with. */

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

/** RSS (from /proc) and the heap (after a full GC) of one server, idle and with 300 devices. */
interface Footprint {
  idleRss: number;
  idle: NodeJS.MemoryUsage;
  loadedRss: number;
  loaded: NodeJS.MemoryUsage;
  loadedRssAfterGc: number;
}

const REPORT_HOOK = ['--expose-gc', '--require', './scripts/bench/memory-report.cjs'];

/** Longer than the hall's checkpoint worker runs after its last busy spell (store/db.ts). */
const QUIET_MS = 65_000;

/** The process's threads (its main thread, V8's and libuv's helpers, worker threads). */
const threadsOf = (pid: number): number => readdirSync(`/proc/${pid}/task`).length;

/**
 * The floor (floor-server.mjs, delivering): node's http, socket.io, better-sqlite3 and ICU's
 * zh and time-zone data, none of the hall. Idle 2 s after its start (it has no worker to let
 * go), then with 300 devices after 10 s of pings at 100/s, each delivered to every device.
 */
async function floorFootprint(): Promise<Footprint> {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-floor-'));
  const report = join(dir, 'memory.json');
  const port = await freePort();
  const child = await startFloorServer(port, dir, true, REPORT_HOOK, { MEMORY_REPORT: report });
  const url = `http://127.0.0.1:${port}`;
  await sleep(2000);
  const idle = await memoryOf(child, report);
  const idleRss = rssMiB(child.process.pid!);
  const displays = await startDeviceFarm(url, 140, '');
  const pads = await startDeviceFarm(url, 94, '');
  const others = await Promise.all(Array.from({ length: 66 }, () => open(url)));
  const started = performance.now();
  for (let i = 0; performance.now() - started < 10_000; i++) {
    const wait = started + i * 10 - performance.now();
    if (wait > 1) await sleep(wait);
    await timedPing(others[i % others.length]!, { id: randomUUID() });
  }
  await sleep(1000);
  const loadedRss = rssMiB(child.process.pid!);
  const loaded = await memoryOf(child, report);
  const loadedRssAfterGc = rssMiB(child.process.pid!);
  await displays.stop();
  await pads.stop();
  for (const s of others) s.disconnect();
  await child.stop();
  rmSync(dir, { recursive: true, force: true });
  return { idleRss, idle, loadedRss, loaded, loadedRssAfterGc };
}

export async function benchMemory(): Promise<string[]> {
  // The hall (60 counters, their clerks, desks and pads) is seeded once, then the server runs on
  // it as it does in production: the compiled bundle when `npm run build` made one.
  const seeded = await startLoadHall(60, { keep: true });
  await seeded.stop();
  const compiled = existsSync(join(repoRoot, DIST_MAIN));
  const port = await freePort();
  const report = join(seeded.dir, 'memory.json');
  // With the node flags of `npm start` (package.json), as it runs in production.
  const flags = npmStartFlags();
  const entry = compiled
    ? [...flags, DIST_MAIN]
    : [...flags, '--import', 'tsx', 'apps/hall-server/src/main.ts'];
  const child = await spawnNode([...REPORT_HOOK, ...entry], {
    PORT: String(port),
    DATA_DIR: seeded.dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO: '1', // the load hall's well-known tokens are demo credentials; it is not re-seeded
    RATE_LIMITS: 'off',
    MEMORY_REPORT: report,
  });
  const url = `http://127.0.0.1:${port}`;
  await sleep(2000);
  const started = await memoryOf(child, report);
  const startedRss = rssMiB(child.process.pid!);
  const startedThreads = threadsOf(child.process.pid!);
  // A quiet minute: a checkpoint worker the start's writes may have begun is let go.
  await sleep(QUIET_MS);
  const idle = await memoryOf(child, report);
  const idleRss = rssMiB(child.process.pid!);
  const idleThreads = threadsOf(child.process.pid!);
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
  const loadedThreads = threadsOf(child.process.pid!);
  await displays.stop();
  await pads.stop();
  for (const s of [...kiosks, ...clerks]) s.disconnect();
  await child.stop();
  rmSync(seeded.dir, { recursive: true, force: true });
  const floor = await floorFootprint();

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
      `on a hall with 60 counters: 2 s after its start, idle a minute later (a checkpoint ` +
      `worker runs only for a busy spell and a minute after it), then with 60 clerks' ` +
      `desks, 6 kiosks, ` +
      `140 displays and 94 pads connected (300 devices) after 10 s of visits at 100 commands/s. ` +
      `Heap figures after a full GC; RSS read from /proc (the 300-device row before the GC; ` +
      `after it: ${loadedRssAfterGc} MiB).`,
    '',
    `| | RSS MiB | heap used MiB | heap total MiB | external MiB | array buffers MiB | RSS − heap total − external MiB |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    row(`2 s after its start (${startedThreads} threads)`, startedRss, started),
    row(`idle: nobody connected, a quiet minute later (${idleThreads} threads)`, idleRss, idle),
    row(`300 devices connected, after load (${loadedThreads} threads)`, loadedRss, loaded),
    row('the floor, nobody connected', floor.idleRss, floor.idle),
    row('the floor, 300 devices connected, after load', floor.loadedRss, floor.loaded),
    '',
    `The floor (\`scripts/bench/floor-server.mjs deliver\`, measured in the same run with the ` +
      `same node flags): node's http, socket.io, better-sqlite3 on a WAL file and ICU's zh and ` +
      `time-zone data, none of the hall; 300 devices connected and 10 s of pings at 100/s, each ` +
      `delivered to every device (after its GC: ${floor.loadedRssAfterGc} MiB). The hall's RSS ` +
      `is **${(idleRss / floor.idleRss).toFixed(2)}×** the floor's idle and ` +
      `**${(loadedRss / floor.loadedRss).toFixed(2)}×** with 300 devices.`,
    '',
    `What the parts cost: a bare \`node\` (Node ${process.version}) is ${bare.rss.toFixed(1)} MiB RSS ` +
      `(${bare.heap.toFixed(1)} MiB heap used); each library imported alone into one adds:`,
    '',
    `| imported alone | + RSS MiB | + heap used MiB |`,
    `| --- | ---: | ---: |`,
    ...partRows,
    '',
    `Targets RSS idle ≤ 70 MiB: ${idleRss <= 70 ? 'met' : 'NOT met'} (${idleRss} MiB; ` +
      `the floor ${floor.idleRss} MiB); 300 devices ≤ 100 MiB: ` +
      `${loadedRss <= 100 ? 'met' : 'NOT met'} (${loadedRss} MiB; the floor ${floor.loadedRss} MiB).`,
  ];
}

export async function benchColdStart(tickets = 700_000): Promise<string[]> {
  const dir = tempDir('cold');
  const port = await freePort();
  // First start seeds the demo hall; then a year of history is written into its database.
  const first = await spawnChild('apps/hall-server/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO: '1',
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
      DEMO: '1', // the demo hall's devices and staff, with a year of history
    });
    const kiosk = await open(`http://127.0.0.1:${port}`, { deviceToken: 'demo-kiosk-1' });
    must((await timed(kiosk, 'hall:snapshot', {}))[1], 'snapshot');
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
    DEMO: '1',
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
    sessionToken: signedIn.sessionToken,
  });
  const reportTimes: { roundTrip: number; compute: number; tickets: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, reply] = await timed(leader, 'report:get', { from: '2026-10-01', to: '2026-10-31' });
    const report = must(reply, 'report');
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
