// The hall day simulator: replays realistic days against the real hall server, over socket.io,
// exactly as kiosks, counter terminals, pads and displays do (paired device tokens, staff
// sign-in, command ids), with the server on a simulated clock so a day runs in seconds.
//
//   npm run simulate                                   # today, into ./data-sim
//   npm run simulate -- --days 30 --data-dir ./data    # 30 days of history for the demo hall
//   npm run simulate -- --date 2026-11-02 --seed 7 --visits 600
//
// It prints each day's summary and leaves the SQLite file for the reports, the console and
// the upward sync to be shown on.

import { percentile } from '@onestop/shared';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import {
  businessDayOf,
  demoSeed,
  startHallServer,
  startOfBusinessDay,
  type HallServer,
} from '@onestop/hall-server';
import { defaultPlan, createRandom } from './sim-model';
import { simulateDay, SERVICE_IDS, TIME_ZONE, type DayStats } from './sim-day';
import { simulatedDevices, type VirtualClock } from './sim-hall';

export type { DayStats };

// ---------------------------------------------------------------------------------------------
// Summary.

/** Nearest-rank percentile of unsorted values (the shared rule). */
const percentileOf = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );

function summarise(server: HallServer, stats: DayStats): string {
  const tickets = server.hall.store.tickets
    .visible(stats.day)
    .filter((t) => t.businessDay === stats.day);
  const byState = new Map<string, number>();
  for (const t of tickets) byState.set(t.state, (byState.get(t.state) ?? 0) + 1);
  const lines = [
    `${stats.day}: ${stats.issued} issued at the kiosk, ${stats.walkIns} walk-ins, ` +
      `${[...byState].map(([s, n]) => `${n} ${s}`).join(', ')}; ${stats.opinions} opinions, ` +
      `${stats.cases} cases opened, ${stats.tasks} support tasks`,
  ];
  for (const serviceId of SERVICE_IDS) {
    const mine = tickets.filter((t) => t.serviceId === serviceId && t.calledAt !== null);
    const waits = mine.map((t) => (t.calledAt! - t.issuedAt) / 60_000);
    const handled = mine.filter((t) => t.finishedAt && t.startedAt);
    const handles = handled.map((t) => (t.finishedAt! - t.startedAt!) / 60_000);
    lines.push(
      `  ${serviceId.padEnd(15)} ${String(mine.length).padStart(4)} called · wait p50 ` +
        `${percentileOf(waits, 50).toFixed(1)} min, p90 ${percentileOf(waits, 90).toFixed(1)} min · ` +
        `handling p50 ${percentileOf(handles, 50).toFixed(1)} min`,
    );
  }
  const rated = Object.entries(stats.ratings)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  lines.push(`  ratings: ${rated || 'none'}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

export interface SimulationOptions {
  dataDir: string;
  days: number;
  /** The last simulated business day (YYYY-MM-DD); earlier ones precede it. */
  lastDay: string;
  seed: number;
  visits: number;
  log?: (line: string) => void;
}

export interface SimulationResult {
  days: DayStats[];
  commandsSent: number;
  refusals: Record<string, number>;
}

export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const log = options.log ?? (() => undefined);
  const plan = { ...defaultPlan, visits: options.visits };
  const random = createRandom(options.seed);
  const firstStart =
    startOfBusinessDay(options.lastDay, TIME_ZONE) - (options.days - 1) * 86_400_000;
  const clock: VirtualClock = { now: firstStart + 7 * 3600_000 };
  const server = await startHallServer({
    dataDir: options.dataDir,
    port: 0,
    host: '127.0.0.1',
    seed: demoSeed(clock.now),
    clock: () => clock.now,
    logger: pino({ level: 'warn' }),
    limits: false, // a whole hall's day through a few simulated devices
  });
  const devices = simulatedDevices(server.url);
  const days: DayStats[] = [];
  try {
    for (let d = 0; d < options.days; d++) {
      const day = businessDayOf(firstStart + d * 86_400_000 + 12 * 3600_000, TIME_ZONE);
      const dayStarted = performance.now();
      devices.newDay();
      const stats = await simulateDay(devices, clock, day, plan, random);
      days.push(stats);
      log(summarise(server, stats));
      log(`  (simulated in ${((performance.now() - dayStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await server.close();
  }
  return { days, commandsSent: devices.commandsSent, refusals: devices.refusals() };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = resolve(arg('--data-dir') ?? './data-sim');
  const started = performance.now();
  const result = await runSimulation({
    dataDir,
    days: Number(arg('--days') ?? 1),
    lastDay: arg('--date') ?? businessDayOf(Date.now(), TIME_ZONE),
    seed: Number(arg('--seed') ?? 42),
    visits: Number(arg('--visits') ?? defaultPlan.visits),
    log: (line) => console.log(line),
  });
  const refused = Object.entries(result.refusals)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  console.log(
    `${result.days.length} day(s), ${result.commandsSent} commands; refused by the hall's ` +
      `rules, as expected: ${refused || 'none'}; ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s; data in ${dataDir}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
  process.exit(0);
}
