import type { CallWeights, Counter, Service, Ticket } from '@onestop/shared';
import { callOrder, callScore } from './calling';
import type { HandlingTime } from './handling-times';

// A waiting ticket's wait, as a range. The hall is played forward from now: each counter open
// now frees when the customer it holds is done (their elapsed time counts), then calls the next
// ticket its calling policy picks (priority, appointments, returning tickets, the services it
// shares with others), each visit taking the learned handling time of its service, until the
// ticket is called. The spread of the handling times it waited through gives the range.

/** How many waiting tickets of the same service would be called before `ticket`. */
export function peopleAhead(
  ticket: Ticket,
  waiting: readonly Ticket[],
  service: Pick<Service, 'targetWaitSec'>,
  weights: CallWeights,
  now: number,
): number {
  const mine = callScore(ticket, service, weights, now);
  let ahead = 0;
  for (const other of waiting) {
    if (other.id === ticket.id || other.serviceId !== ticket.serviceId || other.state !== 'waiting')
      continue;
    const theirs = callScore(other, service, weights, now);
    const earlier =
      other.queuedAt < ticket.queuedAt ||
      (other.queuedAt === ticket.queuedAt && other.dailySeq < ticket.dailySeq);
    if (theirs > mine || (theirs === mine && earlier)) ahead += 1;
  }
  return ahead;
}

/** What a counter holds now: the service of the ticket called or served there, and since when. */
export interface HeldTicket {
  serviceId: string;
  /** When it was called (the counter has been taken since). */
  sinceMs: number;
}

export interface WaitInput {
  ticket: Ticket;
  /** Every waiting ticket of the hall (the ticket itself may be among them). */
  waiting: readonly Ticket[];
  counters: readonly Counter[];
  /** Counter id → the ticket it holds now. */
  held: ReadonlyMap<string, HeldTicket>;
  services: ReadonlyMap<string, Pick<Service, 'targetWaitSec' | 'targetHandleSec'>>;
  /** Learned handling time of a service for a customer called at `at`. */
  handling: (serviceId: string, at: number) => HandlingTime;
  /** Learned arrivals of a service around `at` (absent: none expected). Customers still to come
   *  are called before this one when the calling policy ranks them first (priority, a service
   *  with a shorter target on a shared counter). */
  arrivals?: (serviceId: string, at: number) => ArrivalRate;
  weights: CallWeights;
  now: number;
}

export interface ArrivalRate {
  perHour: number;
  /** Share of them with priority (VIP, green channel, appointment). */
  priorityShare: number;
}

export interface WaitRange {
  /** The centre of the range. */
  estimatedWaitSec: number;
  lowSec: number;
  highSec: number;
  /** No counter open now (nor paused for a break) serves the ticket: nobody will call it. */
  noCounterOpen: boolean;
}

/** Between one customer leaving and the next being called. */
export const TURNAROUND_SEC = 20;
/** A counter paused for a break is counted back after this long since it paused. */
export const PAUSE_SEC = 15 * 60;
/** Share of the remaining handling time still expected of a customer already past the mean. */
const OVERRUN_SHARE = 0.25;
/** The range while the hall has no record of waits told (a new hall: target handling times,
 *  no arrivals expected; from its second day `estimate-calibration.ts` learns the range from
 *  that record): the centre ± these many spreads, plus a margin for what is not modelled
 *  (breaks, no-shows, transfers, walk-ins). The upper end is set with npm run bench:estimate so
 *  that at most one customer in ten of the simulated week's first day waits past it
 *  (docs/benchmarks.md). */
const LOW_END = { spreads: 1, marginShare: 0.4, marginMinSec: 150 };
const HIGH_END = { spreads: 3.5, marginShare: 1.4, marginMinSec: 525 };

/** How far an end of the range lies from the centre. */
function endDistance(end: typeof LOW_END, centre: number, sd: number): number {
  return end.spreads * sd + Math.max(end.marginMinSec, centre * end.marginShare);
}

interface Server {
  id: string;
  counter: Counter;
  freeAt: number;
  /** Variance (s²) of `freeAt`, from the handling times behind it. */
  variance: number;
}

function serverOf(input: WaitInput, counter: Counter): Server {
  const { now, held, handling } = input;
  const opensAt =
    counter.state === 'paused' ? Math.max(now, counter.updatedAt + PAUSE_SEC * 1000) : now;
  const holding = held.get(counter.id);
  if (!holding) return { id: counter.id, counter, freeAt: opensAt, variance: 0 };
  const time = handling(holding.serviceId, holding.sinceMs);
  const elapsedSec = (now - holding.sinceMs) / 1000;
  const remainingSec = Math.max(time.meanSec - elapsedSec, time.meanSec * OVERRUN_SHARE);
  const remainingSd = Math.min(time.sdSec, remainingSec);
  return {
    id: counter.id,
    counter,
    freeAt: Math.max(opensAt, now + (remainingSec + TURNAROUND_SEC) * 1000),
    variance: remainingSd ** 2,
  };
}

/** Counters that will call: open, or paused for a break with their clerk still there. */
function callingCounters(counters: readonly Counter[]): Counter[] {
  return counters.filter((c) => c.state === 'open' || (c.state === 'paused' && c.staffId !== null));
}

export function estimateWait(input: WaitInput): WaitRange {
  const { ticket, now, services, weights } = input;
  const serving = callingCounters(input.counters);
  const none = { estimatedWaitSec: 0, lowSec: 0, highSec: 0, noCounterOpen: true };
  if (
    !serving.some((c) => c.serviceIds.includes(ticket.serviceId) || c.id === ticket.targetCounterId)
  ) {
    return none;
  }
  const servers = serving.map((c) => serverOf(input, c));
  let queue = input.waiting.filter((t) => t.id !== ticket.id && t.state === 'waiting');
  queue.push(ticket);
  const coming = arrivalsAfter(input);
  // Each step: the counter free soonest calls the ticket its policy ranks first then.
  const maxSteps = queue.length + servers.length + MAX_ARRIVALS;
  for (let steps = 0; steps <= maxSteps; steps++) {
    const ready = servers.filter((s) => Number.isFinite(s.freeAt));
    if (ready.length === 0) break;
    const next = ready.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
    queue.push(...coming(next.freeAt));
    const called = callOrder(queue, next.counter, services, weights, next.freeAt)[0];
    if (!called) {
      next.freeAt = Infinity; // nothing it can call: it does not call ours either
      continue;
    }
    if (called.id === ticket.id) return rangeOf((next.freeAt - now) / 1000, next.variance);
    queue = queue.filter((t) => t.id !== called.id);
    const time = input.handling(called.serviceId, next.freeAt);
    next.freeAt += (time.meanSec + TURNAROUND_SEC) * 1000;
    next.variance += time.sdSec ** 2;
  }
  return none;
}

/** Customers still to come, at most this many, so a long wait stays cheap to estimate. */
const MAX_ARRIVALS = 400;

/** Expected customers, spread evenly at each service's learned rate: `coming(t)` hands out
 *  those arrived by `t` (once each), every 1/priorityShare-th of them with priority. */
function arrivalsAfter(input: WaitInput): (until: number) => Ticket[] {
  const { arrivals, now, ticket } = input;
  if (!arrivals) return () => [];
  const state = new Map([...input.services.keys()].map((id) => [id, { at: now, n: 0, credit: 0 }]));
  let made = 0;
  return (until) => {
    const out: Ticket[] = [];
    for (const [serviceId, s] of state) {
      for (;;) {
        const rate = arrivals(serviceId, s.at);
        if (rate.perHour <= 0 || made >= MAX_ARRIVALS) break;
        const at = s.at + 3_600_000 / rate.perHour;
        if (at > until) break;
        s.at = at;
        s.n++;
        s.credit += rate.priorityShare;
        const priority = s.credit >= 1;
        if (priority) s.credit -= 1;
        made++;
        out.push({
          ...ticket,
          id: `(coming ${serviceId} ${s.n})`,
          serviceId,
          priority: priority ? 'priority' : 'normal',
          returning: false,
          targetCounterId: null,
          issuedAt: Math.round(at),
          queuedAt: Math.round(at),
          dailySeq: ticket.dailySeq + s.n,
        });
      }
    }
    return out;
  };
}

/** The range around a centre whose handling times add up to `variance`. */
export function rangeOf(centreSec: number, variance: number): WaitRange {
  const centre = Math.max(0, centreSec);
  const sd = Math.sqrt(variance);
  const below = endDistance(LOW_END, centre, sd);
  const above = endDistance(HIGH_END, centre, sd);
  return {
    estimatedWaitSec: Math.round(centre),
    lowSec: Math.round(Math.max(0, centre - below)),
    highSec: Math.round(centre + above),
    noCounterOpen: false,
  };
}

/** The naive estimate the issue measures against: people ahead × mean handling ÷ open counters. */
export function naiveWaitSec(
  peopleAheadCount: number,
  meanHandleSec: number,
  openCounters: number,
) {
  return Math.round((peopleAheadCount * meanHandleSec) / Math.max(1, openCounters));
}
