import { addDays, atLocalTime, dayOf, isOpenAt, type Service, type Ticket } from '@onestop/shared';
import { startOfBusinessDay } from '../domain/business-day';
import { estimateWait, naiveWaitSec, peopleAhead, type ArrivalRate } from '../domain/estimate';
import { calibrateRanges, type RangeCalibration } from '../domain/estimate-calibration';
import {
  handlingProfile,
  plainMeanSec,
  trimmed,
  type HandlingProfile,
  type HandlingSample,
  type HandlingTime,
} from '../domain/handling-times';
import type { HallState } from '../store/hall-repo';
import type { Store } from '../store/store';

// Where a waiting ticket stands, for the ticket, the kiosk's service list and the phone page:
// people ahead and the wait as a range, from the counters open now, what they hold, the
// handling times learned over the last business days, and the calling policy. The ends of the
// range are learned from the waits told on those days and how long customers really waited.

/** Business days of history the handling times, arrivals and ranges are learned from. */
export const HISTORY_DAYS = 14;

export interface QueuePosition {
  peopleAhead: number;
  /** The centre of the range. */
  estimatedWaitSec: number;
  estimatedWaitLowSec: number;
  estimatedWaitHighSec: number;
  /** No open counter serves the service now: nobody will call the ticket until one opens. */
  noCounterOpen: boolean;
  /** When the hall opens next, when it is outside its business hours now; else null. */
  hallOpensAt: number | null;
}

/** What the accuracy report keeps beside the estimate given: the naive one. */
export interface IssuePosition extends QueuePosition {
  naiveWaitSec: number;
}

interface History {
  businessDay: string;
  timeZone: string;
  /** The business day's first instant: the hour of day of a time today. */
  dayStart: number;
  samples: HandlingSample[];
  profile: HandlingProfile;
  /** "service hour" → customers per hour on an average recent day, and the priority share. */
  arrivals: Map<string, ArrivalRate>;
  /** The range around a centre, from the waits told and the real waits. */
  calibration: RangeCalibration;
}

const NO_ARRIVALS: ArrivalRate = { perHour: 0, priorityShare: 0 };

// The learned profile changes once a business day: kept per store, rebuilt on a new day.
const histories = new WeakMap<Store, History>();

function historyOf(store: Store, hall: HallState): History {
  const { timeZone } = hall.config;
  const known = histories.get(store);
  if (known?.businessDay === hall.businessDay && known.timeZone === timeZone) return known;
  const dayStarts = new Map<string, number>();
  const hourOf = (day: string, at: number) => {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = startOfBusinessDay(day, timeZone);
      dayStarts.set(day, start);
    }
    return Math.floor((at - start) / 3_600_000);
  };
  const samples = store.tickets
    .handlingHistory(hall.businessDay, HISTORY_DAYS)
    .map((v) => ({ serviceId: v.serviceId, hour: hourOf(v.businessDay, v.calledAt), sec: v.sec }));
  const history = {
    businessDay: hall.businessDay,
    timeZone,
    dayStart: startOfBusinessDay(hall.businessDay, timeZone),
    samples,
    profile: handlingProfile(samples),
    arrivals: arrivalRates(store, hall, hourOf),
    calibration: calibrateRanges(store.tickets.toldWaitHistory(hall.businessDay, HISTORY_DAYS)),
  };
  histories.set(store, history);
  return history;
}

function arrivalRates(
  store: Store,
  hall: HallState,
  hourOf: (day: string, at: number) => number,
): Map<string, ArrivalRate> {
  const { days, tickets } = store.tickets.arrivalHistory(hall.businessDay, HISTORY_DAYS);
  const counts = new Map<string, { n: number; high: number }>();
  for (const t of tickets) {
    const key = `${t.serviceId} ${hourOf(t.businessDay, t.issuedAt)}`;
    const c = counts.get(key) ?? counts.set(key, { n: 0, high: 0 }).get(key)!;
    c.n++;
    if (t.priority) c.high++;
  }
  return new Map(
    [...counts].map(([key, c]) => [key, { perHour: c.n / days, priorityShare: c.high / c.n }]),
  );
}

/** Next opening of the hall's business hours after `now`, when it is closed now. */
function hallOpensAt(hall: HallState, now: number): number | null {
  const hours = hall.config.businessHours;
  const { timeZone } = hall.config;
  if (!hours || isOpenAt(now, timeZone, hours)) return null;
  const [h = 0, m = 0] = hours.open.split(':').map(Number);
  const today = atLocalTime(hall.businessDay, h, m, timeZone);
  return today > now ? today : atLocalTime(addDays(dayOf(now, timeZone), 1), h, m, timeZone);
}

export function queuePosition(
  store: Store,
  hall: HallState,
  ticket: Ticket,
  service: Service,
  waiting: readonly Ticket[],
  now: number,
): IssuePosition {
  const history = historyOf(store, hall);
  const services = new Map(store.services.all().map((s) => [s.id, s]));
  const { dayStart } = history;
  const today = new Map<string, HandlingTime>();
  const handling = (serviceId: string, at: number): HandlingTime => {
    const target = services.get(serviceId)?.targetHandleSec ?? 300;
    const hour = Math.floor((at - dayStart) / 3_600_000);
    const learned = history.profile.at(serviceId, hour, target);
    if (learned.n > 0) return learned;
    // No history yet (a new hall): today's finished visits, once there are a few.
    let recent = today.get(serviceId);
    if (!recent) {
      recent = trimmed(store.tickets.recentHandleSec(hall.businessDay, serviceId));
      today.set(serviceId, recent);
    }
    return recent.n >= 5 ? recent : learned;
  };
  const counters = store.counters.all();
  const ahead = peopleAhead(ticket, waiting, service, hall.config.callWeights, now);
  const range = estimateWait({
    ticket,
    waiting,
    counters,
    held: store.tickets.heldAtCounters(),
    services,
    handling,
    arrivals: (serviceId, at) =>
      history.arrivals.get(`${serviceId} ${Math.floor((at - dayStart) / 3_600_000)}`) ??
      NO_ARRIVALS,
    weights: hall.config.callWeights,
    now,
  });
  // A new hall has no record yet: the estimate's own (wide) range stands.
  const learned = range.noCounterOpen
    ? null
    : history.calibration.range(service.id, range.estimatedWaitSec);
  const open = counters.filter((c) => c.state === 'open' && c.serviceIds.includes(service.id));
  return {
    peopleAhead: ahead,
    estimatedWaitSec: range.estimatedWaitSec,
    estimatedWaitLowSec: learned?.lowSec ?? range.lowSec,
    estimatedWaitHighSec: learned?.highSec ?? range.highSec,
    noCounterOpen: range.noCounterOpen,
    hallOpensAt: hallOpensAt(hall, now),
    naiveWaitSec: naiveWaitSec(
      ahead,
      plainMeanSec(history.samples, service.id, service.targetHandleSec),
      open.length,
    ),
  };
}

/** The position as devices see it (the naive figure stays in the hall's reports). */
export function publicPosition({ naiveWaitSec: _, ...position }: IssuePosition): QueuePosition {
  return position;
}
