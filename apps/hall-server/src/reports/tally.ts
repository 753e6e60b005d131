import type { Service } from '@onestop/shared';
import type { TicketFacts } from './facts';
import { ascending } from './figures';

// One pass over the range's tickets into buckets per service, per hour (the hall's and each
// service's), per clerk and per weekday × hour; every section of the report reads the buckets.

/** One ticket's estimate against its wait: estimated minus actual (s), the naive one's error,
 *  and whether it was called after the upper end of its range (null: not kept). */
export interface EstimateError {
  error: number;
  naiveError: number | null;
  overHigh: boolean | null;
}

export interface Bucket {
  tickets: number;
  called: number;
  /** Sorted once the pass is over. */
  waits: number[];
  handles: number[];
  noShows: number;
  transfers: number;
  cancellations: number;
  /** Called within their own service's target wait. */
  withinTarget: number;
  estimateErrors: EstimateError[];
}

export const bucket = (): Bucket => ({
  tickets: 0,
  called: 0,
  waits: [],
  handles: [],
  noShows: 0,
  transfers: 0,
  cancellations: 0,
  withinTarget: 0,
  estimateErrors: [],
});

/** Per hour of the day: tickets by their hour of issue, counters by the hour they started. */
export interface HourBuckets {
  byHour: Map<number, Bucket>;
  /** hour → "day counter" of the counters that started serving someone in that hour. */
  serving: Map<number, Set<string>>;
}

const hourBuckets = (): HourBuckets => ({ byHour: new Map(), serving: new Map() });

export interface TicketTally {
  tickets: number;
  /** The business days that had a ticket. */
  days: Set<string>;
  byService: Map<string, Bucket>;
  hall: HourBuckets;
  hoursByService: Map<string, HourBuckets>;
  /** Clerk → the handling times (s) of the visits they served. */
  servedBy: Map<string, number[]>;
  /** Clerk → how many tickets they own (首问负责). */
  ownedBy: Map<string, number>;
  /** [weekday 0=Mon..6=Sun][hour 0..23]. */
  arrivalsByWeekdayHour: number[][];
  allEstimates: EstimateError[];
  toldNoCounter: number;
}

/** The value at `key`, made by `make` the first time it is asked for. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const weekdays = new Map<string, number>();
/** Mon=0 … Sun=6 for a YYYY-MM-DD business day. */
const weekdayOf = (day: string): number =>
  entry(weekdays, day, () => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7);

const waitSec = (t: TicketFacts) => (t.firstCalledAt! - t.issuedAt) / 1000;
const handleSec = (t: TicketFacts) => (t.finishedAt! - t.startedAt!) / 1000;
const wasServed = (t: TicketFacts) =>
  t.state === 'done' && t.startedAt !== null && t.finishedAt !== null;

/** The wait told at issue against the wait it had; null when none was told. */
function estimateErrorOf(t: TicketFacts, wait: number): EstimateError | null {
  if (t.estimatedWaitSec === null || t.noCounterOpen) return null;
  return {
    error: t.estimatedWaitSec - wait,
    naiveError: t.naiveWaitSec == null ? null : t.naiveWaitSec - wait,
    overHigh: t.estimatedWaitHighSec == null ? null : wait > t.estimatedWaitHighSec,
  };
}

export function tallyTickets(tickets: Iterable<TicketFacts>, services: Service[]): TicketTally {
  const tally: TicketTally = {
    tickets: 0,
    days: new Set(),
    byService: new Map(services.map((s) => [s.id, bucket()])),
    hall: hourBuckets(),
    hoursByService: new Map(services.map((s) => [s.id, hourBuckets()])),
    servedBy: new Map(),
    ownedBy: new Map(),
    arrivalsByWeekdayHour: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
    allEstimates: [],
    toldNoCounter: 0,
  };
  const targetOf = new Map(services.map((s) => [s.id, s.targetWaitSec]));
  for (const t of tickets) {
    tally.tickets++;
    tally.days.add(t.businessDay);
    const hour = Math.min(23, Math.floor(t.issuedSecOfDay / 3600));
    tally.arrivalsByWeekdayHour[weekdayOf(t.businessDay)]![hour]!++;
    const service = entry(tally.byService, t.serviceId, bucket);
    const serviceHours = entry(tally.hoursByService, t.serviceId, hourBuckets);
    const inHour = entry(tally.hall.byHour, hour, bucket);
    const serviceInHour = entry(serviceHours.byHour, hour, bucket);
    service.tickets++;
    inHour.tickets++;
    serviceInHour.tickets++;
    service.transfers += t.transferCount;
    if (t.state === 'cancelled' && t.stateReason !== 'business_day_ended') service.cancellations++;
    if (t.firstCalledAt !== null) {
      const wait = waitSec(t);
      service.called++;
      service.waits.push(wait);
      inHour.waits.push(wait);
      serviceInHour.waits.push(wait);
      if (wait <= (targetOf.get(t.serviceId) ?? Infinity)) {
        inHour.withinTarget++;
        serviceInHour.withinTarget++;
      }
      if (t.state === 'no_show') service.noShows++;
      const error = estimateErrorOf(t, wait);
      if (error) {
        service.estimateErrors.push(error);
        inHour.estimateErrors.push(error);
        tally.allEstimates.push(error);
      }
    }
    if (t.noCounterOpen) tally.toldNoCounter++;
    if (wasServed(t)) {
      const handle = handleSec(t);
      service.handles.push(handle);
      inHour.handles.push(handle);
      serviceInHour.handles.push(handle);
      if (t.servingStaffId) entry(tally.servedBy, t.servingStaffId, () => []).push(handle);
    }
    if (t.ownerStaffId)
      tally.ownedBy.set(t.ownerStaffId, (tally.ownedBy.get(t.ownerStaffId) ?? 0) + 1);
    if (t.startedAt !== null && t.counterId !== null) {
      const startHour = Math.floor((t.issuedSecOfDay + (t.startedAt - t.issuedAt) / 1000) / 3600);
      const dayCounter = `${t.businessDay} ${t.counterId}`;
      entry(tally.hall.serving, startHour, () => new Set<string>()).add(dayCounter);
      entry(serviceHours.serving, startHour, () => new Set<string>()).add(dayCounter);
    }
  }
  for (const b of [
    ...tally.byService.values(),
    ...tally.hall.byHour.values(),
    ...[...tally.hoursByService.values()].flatMap((h) => [...h.byHour.values()]),
  ]) {
    ascending(b.waits);
    ascending(b.handles);
  }
  return tally;
}
