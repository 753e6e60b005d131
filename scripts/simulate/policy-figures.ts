// The figures of the calling-policy comparison: share called within target, mean and p90 wait,
// overall, per service, per hour of the day and over the busy hours.

import { percentile } from '@onestop/shared';
import type { CallOutcome, SimCustomer, SimHall } from './policy-replay';

export interface WaitFigures {
  customers: number;
  /** Share (0–1) of customers first called within their service's target wait. */
  withinTarget: number;
  meanWaitMin: number;
  p90WaitMin: number;
  maxWaitMin: number;
}

export interface PolicyFigures {
  policy: string;
  overall: WaitFigures;
  busy: WaitFigures;
  perService: Record<string, WaitFigures>;
  perHour: Record<number, WaitFigures>;
}

/** A hall's busy hours: offered work over counter time open that hour, across the days. */
export const BUSY_UTILISATION = 0.8;

const localHour = (at: number, weekStart: number) =>
  Math.floor((((at - weekStart) % 86_400_000) + 86_400_000) / 3_600_000) % 24;

/** Work a customer brings to the counters, in seconds, whichever policy calls them. */
function workSec(c: SimCustomer): number {
  if (c.noShow) return 185;
  if (c.transferTo) return c.walkSec + c.handleSec / 2 + 10 + c.walkSec + c.transferTo.handleSec;
  return c.walkSec + c.handleSec + c.gapSec;
}

/** Counter-seconds open within local hour `hour` of one day, breaks taken out. */
function openSec(hall: SimHall, hour: number): number {
  const overlap = (a: number, b: number, c: number, d: number) =>
    Math.max(0, Math.min(b, d) - Math.max(a, c));
  const from = hour * 3600;
  const to = from + 3600;
  const open = overlap(from, to, hall.opensAtSec, hall.closesAtSec);
  return hall.counters.reduce(
    (sum, c) => sum + open - c.breaks.reduce((s, [bf, bt]) => s + overlap(from, to, bf, bt), 0),
    0,
  );
}

/** Utilisation per local hour of issue: offered work ÷ open counter time, over all the days. */
export function utilisationByHour(
  customers: readonly SimCustomer[],
  hall: SimHall,
  weekStart: number,
): Map<number, number> {
  const days = new Set(customers.map((c) => c.day)).size;
  const work = new Map<number, number>();
  for (const c of customers) {
    const h = localHour(c.issuedAt, weekStart);
    work.set(h, (work.get(h) ?? 0) + workSec(c));
  }
  const result = new Map<number, number>();
  for (const [h, w] of [...work].sort(([a], [b]) => a - b)) {
    const open = openSec(hall, h) * days;
    result.set(h, open > 0 ? w / open : Infinity);
  }
  return result;
}

export function busyHours(utilisation: ReadonlyMap<number, number>): number[] {
  return [...utilisation].filter(([, u]) => u >= BUSY_UTILISATION).map(([h]) => h);
}

export function waitFigures(outcomes: readonly CallOutcome[], hall: SimHall): WaitFigures {
  const waits = outcomes.map((o) => o.waitSec).sort((a, b) => a - b);
  const within = outcomes.filter(
    (o) => o.waitSec <= (hall.services.get(o.customer.serviceId)?.targetWaitSec ?? 600),
  ).length;
  return {
    customers: outcomes.length,
    withinTarget: outcomes.length ? within / outcomes.length : 0,
    meanWaitMin: waits.length ? waits.reduce((s, w) => s + w, 0) / waits.length / 60 : 0,
    p90WaitMin: percentile(waits, 90) / 60,
    maxWaitMin: (waits[waits.length - 1] ?? 0) / 60,
  };
}

function groupBy<K>(outcomes: readonly CallOutcome[], key: (o: CallOutcome) => K) {
  const groups = new Map<K, CallOutcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return groups;
}

export function policyFigures(
  policy: string,
  outcomes: readonly CallOutcome[],
  hall: SimHall,
  busy: readonly number[],
  weekStart: number,
): PolicyFigures {
  const hourOf = (o: CallOutcome) => localHour(o.customer.issuedAt, weekStart);
  const figures = (list: readonly CallOutcome[]) => waitFigures(list, hall);
  return {
    policy,
    overall: figures(outcomes),
    busy: figures(outcomes.filter((o) => busy.includes(hourOf(o)))),
    perService: Object.fromEntries(
      [...groupBy(outcomes, (o) => o.customer.serviceId)]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, figures(v)]),
    ),
    perHour: Object.fromEntries(
      [...groupBy(outcomes, hourOf)].sort(([a], [b]) => a - b).map(([k, v]) => [k, figures(v)]),
    ),
  };
}

export const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
