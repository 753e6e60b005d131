// One simulated hall day: customers arriving at the kiosk by the day model, six clerks calling,
// serving, transferring and parking them with breaks, pads rating the visits, cases and support
// tasks to the back office; every move an action on the agenda, sent as the devices send it.

import type { Ticket } from '@onestop/shared';
import { demoCustomers, startOfBusinessDay } from '@onestop/hall-server';
import {
  CLOSES_AT_SEC,
  SERVICE_MEDIAN_SEC,
  arrivals,
  lognormal,
  pick,
  type DayPlan,
  type Random,
} from './sim-model';
import { Agenda, type Device, type SimulatedDevices, type VirtualClock } from './sim-hall';

export const TIME_ZONE = 'Asia/Shanghai';
export const SERVICE_IDS = Object.keys(SERVICE_MEDIAN_SEC);

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

/** One business day of customers and clerks, run on the clock until the last visit is over. */
export async function simulateDay(
  devices: SimulatedDevices,
  clock: VirtualClock,
  day: string,
  plan: DayPlan,
  random: Random,
): Promise<DayStats> {
  const { connect, send, signedInDesk } = devices;
  const dayStart = startOfBusinessDay(day, TIME_ZONE);
  const at = (sec: number) => dayStart + sec * 1000;
  clock.now = at(8 * 3600);
  const agenda = new Agenda(clock);
  const stats: DayStats = {
    day,
    issued: 0,
    walkIns: 0,
    opinions: 0,
    cases: 0,
    tasks: 0,
    ratings: {},
  };

  const kiosk = await connect('demo-kiosk-1');
  const backoffice = await signedInDesk('demo-backoffice', '6001');
  const display = await connect('demo-display-1');
  const clerks: Clerk[] = [];
  for (let n = 1; n <= 6; n++) {
    const withSession = await signedInDesk(`demo-desk-${n}`, `100${n}`);
    const atCounter = await send(withSession, 'counter:sign-in', { counterId: `ctr-${n}` });
    if (!atCounter.ok && atCounter.code !== 'invalid_transition') {
      throw new Error(`clerk 100${n} cannot take counter ${n}: ${atCounter.code}`);
    }
    await send(withSession, 'counter:open', {});
    const stagger = n * 300;
    /** A break from `fromHour` to `toHour`, staggered by counter. */
    const pause = (fromHour: number, toHour: number): [number, number] => [
      at(fromHour * 3600 + stagger),
      at(toHour * 3600 + stagger),
    ];
    clerks.push({
      n,
      desk: withSession,
      pad: await connect(`demo-pad-${n}`),
      busyUntil: at(8.5 * 3600),
      parked: [],
      breaks: [pause(10.5, 10.75), ...(n % 2 === 1 ? [pause(12, 12.75)] : []), pause(15, 15.25)],
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
    if (!score) return;
    await devices.sendUncounted(clerk.pad, 'evaluation:submit', {
      ticketId: ticket.id,
      score,
      ...(score === 'dissatisfied' ? { reasons: ['waiting'] } : {}),
    });
  };

  /** A new-connection case from the visit; now and then a support task to the back office. */
  const openCase = async (clerk: Clerk, ticket: Ticket) => {
    const opened = await send(clerk.desk, 'case:open', {
      ticketId: ticket.id,
      caseTypeId: 'ct-connection',
      summary: '新装用电申请(模拟)',
    });
    if (!opened.ok) return;
    stats.cases++;
    if (random() > 0.3) return;
    const task = await send(clerk.desk, 'task:create', {
      text: '请核查该户计量装置档案(模拟)',
      dueAt: clock.now + 2 * 3600_000,
      caseId: opened.data.case.id,
    });
    if (!task.ok) return;
    stats.tasks++;
    const taskId = task.data.task.id;
    agenda.at(clock.now + (10 + random() * 40) * 60_000, async () => {
      await send(backoffice, 'task:accept', { taskId });
      agenda.at(clock.now + (5 + random() * 20) * 60_000, async () => {
        await send(backoffice, 'task:complete', { taskId, result: '已核查,档案无误(模拟)' });
      });
    });
  };

  /** One clerk's next move; every move schedules the following one. */
  const tick = (clerk: Clerk) => async () => {
    if (clerk.done) return;
    const onBreak = clerk.breaks.find(([from, to]) => clock.now >= from && clock.now < to);
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
    const resumable = clerk.parked.find((p) => p.resumeAt <= clock.now);
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
      const closed = clock.now >= at(CLOSES_AT_SEC) && clerk.parked.length === 0;
      if (called.code === 'queue_empty' && closed) {
        clerk.done = true;
        // Clerks close their counter and stay signed in on their desk: the cases they own stay
        // with them (signing off would need a handover).
        await send(clerk.desk, 'counter:close', {});
        return;
      }
      agenda.at(clock.now + 20_000, tick(clerk));
      return;
    }
    const ticket = called.data.ticket;
    if (random() < plan.noShowRate) {
      agenda.at(clock.now + 60_000, async () => {
        await send(clerk.desk, 'ticket:recall', { ticketId: ticket.id });
        agenda.at(clock.now + 60_000, async () => {
          await send(clerk.desk, 'ticket:recall', { ticketId: ticket.id });
          agenda.at(clock.now + 60_000, async () => {
            await send(clerk.desk, 'ticket:no-show', { ticketId: ticket.id });
            agenda.at(clock.now + 5_000, tick(clerk));
          });
        });
      });
      return;
    }
    agenda.at(clock.now + (15 + random() * 30) * 1000, async () => {
      const started = await send(clerk.desk, 'ticket:start', { ticketId: ticket.id });
      if (!started.ok) return void agenda.at(clock.now + 5_000, tick(clerk));
      serve(clerk, started.data.ticket, 1);
    });
  };

  /** Serving a started ticket: finish, or transfer or park part of the way through. */
  const serve = (clerk: Clerk, ticket: Ticket, share: number) => {
    const handleMs = lognormal(random, SERVICE_MEDIAN_SEC[ticket.serviceId] ?? 200) * 1000 * share;
    const r = random();
    if (share === 1 && r < plan.transferRate) {
      agenda.at(clock.now + handleMs / 2, async () => {
        const others = SERVICE_IDS.filter((s) => s !== ticket.serviceId);
        await send(clerk.desk, 'ticket:transfer', {
          ticketId: ticket.id,
          to: { serviceId: others[Math.floor(random() * others.length)]! },
          note: '模拟转办',
        });
        agenda.at(clock.now + 10_000, tick(clerk));
      });
      return;
    }
    if (share === 1 && r < plan.transferRate + plan.parkRate) {
      agenda.at(clock.now + handleMs / 3, async () => {
        const parked = await send(clerk.desk, 'ticket:park', {
          ticketId: ticket.id,
          reason: '客户回家取证件',
        });
        if (parked.ok) clerk.parked.push({ ticketId: ticket.id, resumeAt: clock.now + 8 * 60_000 });
        agenda.at(clock.now + 10_000, tick(clerk));
      });
      return;
    }
    agenda.at(clock.now + handleMs, async () => {
      const outcome =
        ticket.serviceId === 'svc-connection' && random() < 0.5 ? 'case_opened' : 'completed';
      const finished = await send(clerk.desk, 'ticket:finish', {
        ticketId: ticket.id,
        outcome,
        items: ['模拟业务'],
      });
      if (finished.ok) agenda.at(clock.now + (5 + random() * 10) * 1000, () => rate(clerk, ticket));
      if (finished.ok && outcome === 'case_opened') await openCase(clerk, ticket);
      agenda.at(clock.now + (10 + random() * 20) * 1000, tick(clerk));
    });
  };

  for (const clerk of clerks) agenda.at(clerk.busyUntil, tick(clerk));
  await agenda.runAll();
  for (const s of [kiosk, display, backoffice, ...clerks.flatMap((c) => [c.desk, c.pad])]) {
    s.disconnect();
  }
  return stats;
}
