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

import {
  commandNames,
  percentile,
  type Ack,
  type CommandName,
  type CommandOutput,
  type CommandPayload,
  type Ticket,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import {
  businessDayOf,
  demoCustomers,
  demoSeed,
  startHallServer,
  startOfBusinessDay,
  type HallServer,
} from '@onestop/hall-server';
import {
  CLOSES_AT_SEC,
  arrivals,
  createRandom,
  defaultPlan,
  lognormal,
  pick,
  type DayPlan,
  type Random,
} from './sim-model';

const TIME_ZONE = 'Asia/Shanghai';
const SERVICE_MEDIAN_SEC: Record<string, number> = {
  'svc-billing': 150,
  'svc-connection': 780,
  'svc-account': 480,
  'svc-fault': 260,
  'svc-invoice': 100,
};
const SERVICE_IDS = Object.keys(SERVICE_MEDIAN_SEC);

// ---------------------------------------------------------------------------------------------
// Virtual time: an agenda of actions in time order; the hall server's clock reads `now`.

let now = 0;

class Agenda {
  private items: { at: number; order: number; run: () => Promise<void> }[] = [];
  private order = 0;
  at(at: number, run: () => Promise<void>): void {
    this.items.push({ at, order: this.order++, run });
  }
  async runAll(): Promise<void> {
    while (this.items.length > 0) {
      this.items.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.items.shift()!;
      now = Math.max(now, Math.round(next.at));
      await next.run();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Devices.

type Device = Socket;
let commandsSent = 0;
const refusals = new Map<string, number>();

async function connect(url: string, deviceToken: string, sessionToken?: string): Promise<Device> {
  const socket = io(url, {
    auth: sessionToken ? { deviceToken, sessionToken } : { deviceToken },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('connect_error', fail);
  });
  return socket;
}

async function send<K extends CommandName>(
  device: Device,
  name: K,
  payload: CommandPayload<K>,
): Promise<Ack<CommandOutput<K>>> {
  commandsSent++;
  const ack = (await device.emitWithAck(name, { commandId: randomUUID(), ...payload })) as Ack<
    CommandOutput<K>
  >;
  if (!ack.ok) refusals.set(ack.code, (refusals.get(ack.code) ?? 0) + 1);
  return ack;
}

const has = (name: string) => (commandNames as string[]).includes(name);

/** For commands the simulator uses only when this build has them. */
async function sendAny(device: Device, name: string, payload: object): Promise<Ack<unknown>> {
  commandsSent++;
  const ack = (await device.emitWithAck(name, {
    commandId: randomUUID(),
    ...payload,
  })) as Ack<unknown>;
  if (!ack.ok) refusals.set(ack.code, (refusals.get(ack.code) ?? 0) + 1);
  return ack;
}

/** Session tokens kept across simulated days, as a desk keeps its staff signed in. */
const sessions = new Map<string, string>();

async function signedInDesk(url: string, deviceToken: string, staffNo: string): Promise<Device> {
  const kept = sessions.get(deviceToken);
  if (kept) return connect(url, deviceToken, kept);
  const desk = await connect(url, deviceToken);
  const signedIn = await send(desk, 'staff:sign-in', { staffNo, pin: staffNo });
  desk.disconnect();
  if (!signedIn.ok) throw new Error(`staff ${staffNo} cannot sign in: ${signedIn.code}`);
  sessions.set(deviceToken, signedIn.data.sessionToken);
  return connect(url, deviceToken, signedIn.data.sessionToken);
}

// ---------------------------------------------------------------------------------------------
// One day.

export interface DayStats {
  day: string;
  issued: number;
  walkIns: number;
  opinions: number;
  cases: number;
  tasks: number;
  ratings: Record<string, number>;
}

interface Clerk {
  n: number;
  desk: Device;
  pad: Device;
  busyUntil: number;
  parked: { ticketId: string; resumeAt: number }[];
  breaks: [number, number][];
  paused: boolean;
  done: boolean;
}

async function simulateDay(
  url: string,
  day: string,
  plan: DayPlan,
  random: Random,
): Promise<DayStats> {
  const dayStart = startOfBusinessDay(day, TIME_ZONE);
  const at = (sec: number) => dayStart + sec * 1000;
  now = at(8 * 3600);
  const agenda = new Agenda();
  const stats: DayStats = {
    day,
    issued: 0,
    walkIns: 0,
    opinions: 0,
    cases: 0,
    tasks: 0,
    ratings: {},
  };

  const kiosk = await connect(url, 'demo-kiosk-1');
  const backoffice = await signedInDesk(url, 'demo-backoffice', '6001');
  const display = await connect(url, 'demo-display-1');
  const clerks: Clerk[] = [];
  for (let n = 1; n <= 6; n++) {
    const withSession = await signedInDesk(url, `demo-desk-${n}`, `100${n}`);
    const atCounter = await send(withSession, 'counter:sign-in', { counterId: `ctr-${n}` });
    if (!atCounter.ok && atCounter.code !== 'invalid_transition') {
      throw new Error(`clerk 100${n} cannot take counter ${n}: ${atCounter.code}`);
    }
    await send(withSession, 'counter:open', {});
    const stagger = n * 300;
    clerks.push({
      n,
      desk: withSession,
      pad: await connect(url, `demo-pad-${n}`),
      busyUntil: at(8.5 * 3600),
      parked: [],
      breaks: [
        [at(10.5 * 3600 + stagger), at(10.75 * 3600 + stagger)],
        ...(n % 2 === 1
          ? [[at(12 * 3600 + stagger), at(12.75 * 3600 + stagger)] as [number, number]]
          : []),
        [at(15 * 3600 + stagger), at(15.25 * 3600 + stagger)],
      ],
      paused: false,
      done: false,
    });
  }

  // Customers arriving at the kiosk.
  for (const sec of arrivals(random, plan.visits)) {
    agenda.at(at(sec), async () => {
      const serviceId = pick(random, plan.serviceMix);
      const r = random();
      const vip = r < plan.vipRate ? demoCustomers[Math.floor(random() * 2)] : undefined;
      const phone =
        random() < 0.5 ? `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null;
      const issued = await send(kiosk, 'ticket:issue', {
        serviceId,
        customer: { phone, accountNo: vip?.accountNo ?? null, name: null },
        priority: r > 1 - plan.priorityRate ? 'priority' : 'normal',
        ...(r > 1 - plan.priorityRate ? { priorityReason: 'elderly' as const } : {}),
      });
      if (issued.ok) stats.issued++;
      if (issued.ok && random() < plan.opinionRate) {
        const opinion = await send(kiosk, 'opinion:submit', {
          category: pick(random, [
            ['suggestion', 3],
            ['complaint', 2],
            ['praise', 2],
          ] as const),
          text: '模拟意见:等候区座位不够,希望增加。',
        });
        if (opinion.ok) stats.opinions++;
      }
    });
  }

  const rate = async (clerk: Clerk, ticket: Ticket) => {
    const score = pick(random, plan.ratingMix);
    stats.ratings[score ?? 'not_rated'] = (stats.ratings[score ?? 'not_rated'] ?? 0) + 1;
    if (!score || !has('evaluation:submit')) return;
    const payload = {
      ticketId: ticket.id,
      score,
      ...(score === 'dissatisfied' ? { reasons: ['waiting'] } : {}),
    };
    await (clerk.pad.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(
      'evaluation:submit',
      { commandId: randomUUID(), ...payload },
    );
    commandsSent++;
  };

  /** A new-connection case from the visit; now and then a support task to the back office. */
  const openCase = async (clerk: Clerk, ticket: Ticket) => {
    if (!has('case:open')) return;
    const opened = (await sendAny(clerk.desk, 'case:open', {
      ticketId: ticket.id,
      caseTypeId: 'ct-connection',
      summary: '新装用电申请(模拟)',
    })) as Ack<{ case: { id: string } }>;
    if (!opened.ok) return;
    stats.cases++;
    if (random() > 0.3 || !has('task:create')) return;
    const task = (await sendAny(clerk.desk, 'task:create', {
      text: '请核查该户计量装置档案(模拟)',
      dueAt: now + 2 * 3600_000,
      caseId: opened.data.case.id,
    })) as Ack<{ task: { id: string } }>;
    if (!task.ok) return;
    stats.tasks++;
    const taskId = task.data.task.id;
    agenda.at(now + (10 + random() * 40) * 60_000, async () => {
      await sendAny(backoffice, 'task:accept', { taskId });
      agenda.at(now + (5 + random() * 20) * 60_000, async () => {
        await sendAny(backoffice, 'task:complete', { taskId, result: '已核查,档案无误(模拟)' });
      });
    });
  };

  /** One clerk's next move; every move schedules the following one. */
  const tick = (clerk: Clerk) => async () => {
    if (clerk.done) return;
    const onBreak = clerk.breaks.find(([from, to]) => now >= from && now < to);
    if (onBreak && !clerk.paused) {
      await send(clerk.desk, 'counter:pause', { reason: 'break' });
      clerk.paused = true;
      agenda.at(onBreak[1], tick(clerk));
      return;
    }
    if (clerk.paused) {
      await send(clerk.desk, 'counter:open', {});
      clerk.paused = false;
    }
    const resumable = clerk.parked.find((p) => p.resumeAt <= now);
    if (resumable) {
      clerk.parked = clerk.parked.filter((p) => p !== resumable);
      const resumed = await send(clerk.desk, 'ticket:resume', { ticketId: resumable.ticketId });
      if (resumed.ok) return serve(clerk, resumed.data.ticket, 0.4);
    }
    if (random() < plan.walkInRate / 6) {
      const walkIn = await send(clerk.desk, 'ticket:walk-in', {
        serviceId: pick(random, plan.serviceMix),
      });
      if (walkIn.ok) {
        stats.walkIns++;
        return serve(clerk, walkIn.data.ticket, 1);
      }
    }
    const called = await send(clerk.desk, 'ticket:call-next', {});
    if (!called.ok) {
      const closed = now >= at(CLOSES_AT_SEC) && clerk.parked.length === 0;
      if (called.code === 'queue_empty' && closed) {
        clerk.done = true;
        // Clerks close their counter and stay signed in on their desk: the cases they own stay
        // with them (signing off would need a handover).
        await send(clerk.desk, 'counter:close', {});
        return;
      }
      agenda.at(now + 20_000, tick(clerk));
      return;
    }
    const ticket = called.data.ticket;
    if (random() < plan.noShowRate) {
      agenda.at(now + 60_000, async () => {
        await send(clerk.desk, 'ticket:recall', { ticketId: ticket.id });
        agenda.at(now + 60_000, async () => {
          await send(clerk.desk, 'ticket:recall', { ticketId: ticket.id });
          agenda.at(now + 60_000, async () => {
            await send(clerk.desk, 'ticket:no-show', { ticketId: ticket.id });
            agenda.at(now + 5_000, tick(clerk));
          });
        });
      });
      return;
    }
    agenda.at(now + (15 + random() * 30) * 1000, async () => {
      const started = await send(clerk.desk, 'ticket:start', { ticketId: ticket.id });
      if (!started.ok) return void agenda.at(now + 5_000, tick(clerk));
      serve(clerk, started.data.ticket, 1);
    });
  };

  /** Serving a started ticket: finish, or transfer or park part of the way through. */
  const serve = (clerk: Clerk, ticket: Ticket, share: number) => {
    const handleMs = lognormal(random, SERVICE_MEDIAN_SEC[ticket.serviceId] ?? 200) * 1000 * share;
    const r = random();
    if (share === 1 && r < plan.transferRate) {
      agenda.at(now + handleMs / 2, async () => {
        const others = SERVICE_IDS.filter((s) => s !== ticket.serviceId);
        await send(clerk.desk, 'ticket:transfer', {
          ticketId: ticket.id,
          to: { serviceId: others[Math.floor(random() * others.length)]! },
          note: '模拟转办',
        });
        agenda.at(now + 10_000, tick(clerk));
      });
      return;
    }
    if (share === 1 && r < plan.transferRate + plan.parkRate) {
      agenda.at(now + handleMs / 3, async () => {
        const parked = await send(clerk.desk, 'ticket:park', {
          ticketId: ticket.id,
          reason: '客户回家取证件',
        });
        if (parked.ok) clerk.parked.push({ ticketId: ticket.id, resumeAt: now + 8 * 60_000 });
        agenda.at(now + 10_000, tick(clerk));
      });
      return;
    }
    agenda.at(now + handleMs, async () => {
      const outcome =
        ticket.serviceId === 'svc-connection' && random() < 0.5 ? 'case_opened' : 'completed';
      const finished = await send(clerk.desk, 'ticket:finish', {
        ticketId: ticket.id,
        outcome,
        items: ['模拟业务'],
      });
      if (finished.ok) agenda.at(now + (5 + random() * 10) * 1000, () => rate(clerk, ticket));
      if (finished.ok && outcome === 'case_opened') await openCase(clerk, ticket);
      agenda.at(now + (10 + random() * 20) * 1000, tick(clerk));
    });
  };

  for (const clerk of clerks) agenda.at(clerk.busyUntil, tick(clerk));
  await agenda.runAll();
  for (const s of [kiosk, display, backoffice, ...clerks.flatMap((c) => [c.desk, c.pad])]) {
    s.disconnect();
  }
  return stats;
}

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
  now = firstStart + 7 * 3600_000;
  commandsSent = 0;
  refusals.clear();
  sessions.clear();
  const server = await startHallServer({
    dataDir: options.dataDir,
    port: 0,
    host: '127.0.0.1',
    seed: demoSeed(now),
    clock: () => now,
    logger: pino({ level: 'warn' }),
    limits: false, // a whole hall's day through a few simulated devices
  });
  const days: DayStats[] = [];
  try {
    for (let d = 0; d < options.days; d++) {
      const day = businessDayOf(firstStart + d * 86_400_000 + 12 * 3600_000, TIME_ZONE);
      const dayStarted = performance.now();
      sessions.clear(); // staff sign in each morning: a session lasts a shift, not days
      const stats = await simulateDay(server.url, day, plan, random);
      days.push(stats);
      log(summarise(server, stats));
      log(`  (simulated in ${((performance.now() - dayStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await server.close();
  }
  return { days, commandsSent, refusals: Object.fromEntries(refusals) };
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
