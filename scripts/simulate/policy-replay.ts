// The replay behind the calling-policy comparison (policy-compare.ts): a simulated week of
// customers, drawn once from the day simulator's model, called by the demo hall's counters under
// a given policy, without a server.

import type { CallWeights, Counter, Service, Ticket, TicketPriority } from '@onestop/shared';
import {
  demoCounters,
  demoServices,
  isCallableBy,
  pickNext,
  priorityClassOf,
  waitingTicket,
} from '@onestop/hall-server';
import {
  CLOSES_AT_SEC,
  OPENS_AT_SEC,
  SERVICE_MEDIAN_SEC,
  arrivals,
  createRandom,
  defaultPlan,
  lognormal,
  pick,
  type Random,
} from './sim-model';

/** One customer of the week, with every random draw made up front: both policies see the same. */
export interface SimCustomer {
  id: string;
  day: number;
  serviceId: string;
  priority: TicketPriority;
  issuedAt: number;
  noShow: boolean;
  walkSec: number;
  handleSec: number;
  gapSec: number;
  transferTo: { serviceId: string; handleSec: number } | null;
}

export interface SimCounter {
  id: string;
  number: number;
  serviceIds: string[];
  /** Break windows as [from, to) seconds into the local day. */
  breaks: readonly (readonly [number, number])[];
}

export interface SimHall {
  services: ReadonlyMap<string, Pick<Service, 'targetWaitSec'>>;
  counters: readonly SimCounter[];
  opensAtSec: number;
  closesAtSec: number;
}

const DAY_MS = 86_400_000;
/** Local midnight of the first simulated day (Asia/Shanghai, UTC+8): 2026-11-23. */
export const WEEK_START = Date.UTC(2026, 10, 22, 16, 0, 0);
const dayStart = (day: number) => WEEK_START + day * DAY_MS;

/** The demo hall's counters with the day simulator's breaks (staggered 5 minutes a counter). */
export function demoHall(): SimHall {
  const h = 3600;
  return {
    services: new Map(demoServices.map((s) => [s.id, { targetWaitSec: s.targetWaitSec }])),
    counters: demoCounters.map((c) => {
      const stagger = c.number * 300;
      return {
        id: c.id,
        number: c.number,
        serviceIds: c.serviceIds,
        breaks: [
          [10.5 * h + stagger, 10.75 * h + stagger],
          ...(c.number % 2 === 1 ? [[12 * h + stagger, 12.75 * h + stagger] as const] : []),
          [15 * h + stagger, 15.25 * h + stagger],
        ],
      };
    }),
    opensAtSec: OPENS_AT_SEC,
    closesAtSec: CLOSES_AT_SEC,
  };
}

/** The simulated week: the day simulator's plan, arrivals profile and handling times. */
export function generateWeek(seed: number, days: number, visits: number): SimCustomer[] {
  const random: Random = createRandom(seed);
  const plan = defaultPlan;
  const serviceIds = Object.keys(SERVICE_MEDIAN_SEC);
  const customers: SimCustomer[] = [];
  for (let day = 0; day < days; day++) {
    for (const sec of arrivals(random, visits)) {
      const serviceId = pick(random, plan.serviceMix);
      const r = random();
      const priority: TicketPriority =
        r > 1 - plan.priorityRate ? 'priority' : r < plan.vipRate ? 'vip' : 'normal';
      const handleSec = lognormal(random, SERVICE_MEDIAN_SEC[serviceId] ?? 200);
      const outcome = random();
      const others = serviceIds.filter((s) => s !== serviceId);
      const transferService = others[Math.floor(random() * others.length)]!;
      customers.push({
        id: `d${day}-${customers.length}`,
        day,
        serviceId,
        priority,
        issuedAt: dayStart(day) + sec * 1000,
        noShow: outcome < plan.noShowRate,
        walkSec: 15 + random() * 30,
        handleSec,
        gapSec: 10 + random() * 20,
        transferTo:
          outcome >= plan.noShowRate && outcome < plan.noShowRate + plan.transferRate
            ? {
                serviceId: transferService,
                handleSec: lognormal(random, SERVICE_MEDIAN_SEC[transferService] ?? 200),
              }
            : null,
      });
    }
  }
  return customers;
}

// ---------------------------------------------------------------------------------------------
// The policies.

export interface Policy {
  name: string;
  pick(waiting: readonly Ticket[], counter: Counter, now: number): Ticket | null;
}

export function hallPolicy(hall: SimHall, weights: CallWeights, name = 'hall'): Policy {
  return {
    name,
    pick: (waiting, counter, now) => pickNext(waiting, counter, hall.services, weights, now),
  };
}

const CLASS_RANK = { returning: 0, appointment: 1, priority: 2, vip: 3, normal: 4 } as const;

/** Plain FCFS with priority: targeted first, then class, then first issued first. No target term. */
export function fcfsPolicy(): Policy {
  return {
    name: 'fcfs',
    pick(waiting, counter) {
      const callable = waiting.filter((t) => isCallableBy(t, counter));
      callable.sort(
        (a, b) =>
          Number(b.targetCounterId === counter.id) - Number(a.targetCounterId === counter.id) ||
          CLASS_RANK[priorityClassOf(a)] - CLASS_RANK[priorityClassOf(b)] ||
          a.queuedAt - b.queuedAt ||
          a.dailySeq - b.dailySeq,
      );
      return callable[0] ?? null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The replay: counters call whenever they are free, as the day simulator's clerks do.

export interface CallOutcome {
  customer: SimCustomer;
  /** Seconds from issue to first call. */
  waitSec: number;
}

function ticketOf(c: SimCustomer, dailySeq: number): Ticket {
  return waitingTicket(
    {
      id: c.id,
      businessDay: `day-${c.day}`,
      serviceId: c.serviceId,
      number: String(dailySeq),
      dailySeq,
      priority: c.priority,
    },
    c.issuedAt,
  );
}

const POLL_MS = 20_000;

function replayDay(
  day: SimCustomer[],
  start: number,
  hall: SimHall,
  policy: Policy,
): CallOutcome[] {
  const byId = new Map(day.map((c) => [c.id, c]));
  const arrivals = day.map((c, i) => ticketOf(c, i + 1)).sort((a, b) => a.issuedAt - b.issuedAt);
  let nextArrival = 0;
  const requeued: { at: number; ticket: Ticket }[] = [];
  const waiting: Ticket[] = [];
  const outcomes: CallOutcome[] = [];
  const clerks = hall.counters.map((c) => ({
    counter: {
      id: c.id,
      number: c.number,
      name: c.id,
      serviceIds: c.serviceIds,
      state: 'open',
      pauseReason: null,
      staffId: c.id,
      updatedAt: start,
      changeSeq: 0,
    } satisfies Counter,
    breaks: c.breaks.map(([from, to]) => [start + from * 1000, start + to * 1000] as const),
    nextAt: start + hall.opensAtSec * 1000,
    done: false,
  }));
  const closesAt = start + hall.closesAtSec * 1000;
  for (;;) {
    const clerk = clerks
      .filter((c) => !c.done)
      .reduce<(typeof clerks)[number] | null>((a, b) => (a && a.nextAt <= b.nextAt ? a : b), null);
    if (!clerk) return outcomes;
    const now = clerk.nextAt;
    while (nextArrival < arrivals.length && arrivals[nextArrival]!.issuedAt <= now) {
      waiting.push(arrivals[nextArrival++]!);
    }
    for (const r of requeued.filter((r) => r.at <= now)) {
      waiting.push(r.ticket);
      requeued.splice(requeued.indexOf(r), 1);
    }
    const onBreak = clerk.breaks.find(([from, to]) => now >= from && now < to);
    if (onBreak) {
      clerk.nextAt = onBreak[1];
      continue;
    }
    const ticket = policy.pick(waiting, clerk.counter, now);
    if (!ticket) {
      const more = nextArrival < arrivals.length || requeued.length > 0 || waiting.length > 0;
      if (now >= closesAt && !more) clerk.done = true;
      clerk.nextAt = now + POLL_MS;
      continue;
    }
    waiting.splice(waiting.indexOf(ticket), 1);
    const customer = byId.get(ticket.id)!;
    if (ticket.transferCount === 0) {
      outcomes.push({ customer, waitSec: (now - ticket.issuedAt) / 1000 });
    }
    if (customer.noShow) {
      clerk.nextAt = now + 185_000; // two recalls a minute apart, then no-show
      continue;
    }
    const startedAt = now + customer.walkSec * 1000;
    if (customer.transferTo && ticket.transferCount === 0) {
      const half = (customer.handleSec / 2) * 1000;
      requeued.push({
        at: startedAt + half,
        ticket: {
          ...ticket,
          serviceId: customer.transferTo.serviceId,
          returning: true,
          transferCount: 1,
        },
      });
      clerk.nextAt = startedAt + half + 10_000;
      continue;
    }
    const handleSec =
      ticket.transferCount > 0 ? customer.transferTo!.handleSec : customer.handleSec;
    clerk.nextAt = startedAt + (handleSec + customer.gapSec) * 1000;
  }
}

export function replay(customers: SimCustomer[], hall: SimHall, policy: Policy): CallOutcome[] {
  const days = [...new Set(customers.map((c) => c.day))].sort((a, b) => a - b);
  return days.flatMap((d) =>
    replayDay(
      customers.filter((c) => c.day === d),
      dayStart(d),
      hall,
      policy,
    ),
  );
}
