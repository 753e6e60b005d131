import {
  addDays,
  hoursBetween,
  percentile,
  type CaseType,
  type HallReport,
  type OpinionCategory,
  type Service,
  type Staff,
} from '@onestop/shared';
import { startOfBusinessDay } from '../domain/business-day';
import type { Db } from '../store/db';
import { countersNeeded } from './erlang';

// The hall's statistics for a range of business days. Loading reads a few columns of the
// range's tickets in one indexed query; computing is a pure function over those facts, so the
// figures are tested against hand-computed fixture days.

/** What a report needs of one ticket. Times in epoch ms. */
export interface TicketFacts {
  businessDay: string;
  serviceId: string;
  state: string;
  issuedAt: number;
  /** Seconds into the business day (hall's local time) at issue. */
  issuedSecOfDay: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  servingStaffId: string | null;
  ownerStaffId: string | null;
  counterId: string | null;
  transferCount: number;
  stateReason: string | null;
  estimatedWaitSec: number | null;
  /** The upper end of the range told at issue, and the naive estimate kept beside it. */
  estimatedWaitHighSec?: number | null;
  naiveWaitSec?: number | null;
  /** Told at issue that no counter served the service (no wait given). */
  noCounterOpen?: boolean;
}

export interface OpinionFacts {
  category: OpinionCategory;
  source: string;
  state: string;
  createdAt: number;
  closedAt: number | null;
  ownerStaffId: string | null;
  /** The same customer raised another within 30 days (重复诉求). */
  repeated: boolean;
}

export interface EvaluationFacts {
  staffId: string | null;
  score: string | null;
  /** The rated visit's service. */
  serviceId?: string;
}

const isSatisfied = (e: EvaluationFacts) => e.score === 'very_satisfied' || e.score === 'satisfied';

export interface CaseFacts {
  ownerStaffId: string;
  caseTypeId: string;
  /** Opened within the range (cases from before it count only for the on-time rate). */
  openedInRange: boolean;
  /** Null while open at the range's end; true when closed (in the range) completed by its due date. */
  closedOnTime: boolean | null;
  /** Still open past its due date at the end of the range (or now, if sooner). */
  overdue: boolean;
}

/**
 * An opinion should be answered within this many hours (the hall's 72-hour reply rule for
 * 监督箱 opinions); one still open longer at the end of the range is past due.
 */
export const OPINION_DUE_HOURS = 72;

export interface ReportFacts {
  /** Read once, in order; from the database a stream, so a month's rows are never all held. */
  tickets: Iterable<TicketFacts>;
  opinions: OpinionFacts[];
  evaluations: EvaluationFacts[];
  cases: CaseFacts[];
}

export interface ReportInput {
  from: string;
  to: string;
  services: Service[];
  staff: Staff[];
  caseTypes?: CaseType[];
  serviceLevel: number;
  now: number;
  /** The instant open items are judged at: the end of the range, or now if sooner. */
  asOf?: number;
}

const ascending = (values: number[]) => values.sort((a, b) => a - b);

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));

const waitSec = (t: TicketFacts) => (t.firstCalledAt! - t.issuedAt) / 1000;
const handleSec = (t: TicketFacts) => (t.finishedAt! - t.startedAt!) / 1000;
const wasCalled = (t: TicketFacts) => t.firstCalledAt !== null;
const wasServed = (t: TicketFacts) =>
  t.state === 'done' && t.startedAt !== null && t.finishedAt !== null;

const weekdays = new Map<string, number>();
/** Mon=0 … Sun=6 for a YYYY-MM-DD business day. */
function weekdayOf(day: string): number {
  let weekday = weekdays.get(day);
  if (weekday === undefined) {
    weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    weekdays.set(day, weekday);
  }
  return weekday;
}

interface Bucket {
  tickets: number;
  called: number;
  waits: number[];
  handles: number[];
  noShows: number;
  transfers: number;
  cancellations: number;
  /** Called within their own service's target wait. */
  withinTarget: number;
  estimateErrors: EstimateError[];
}

/** One ticket's estimate against its wait: estimated minus actual (s), the naive one's error,
 *  and whether it was called after the upper end of its range (null: not kept). */
interface EstimateError {
  error: number;
  naiveError: number | null;
  overHigh: boolean | null;
}

const bucket = (): Bucket => ({
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

/** Of rated evaluations: how many, and the share 非常满意 or 满意 (null when none). */
function satisfactionOf(rated: EvaluationFacts[]) {
  return {
    rated: rated.length,
    satisfactionRate:
      rated.length === 0 ? null : share(rated.filter(isSatisfied).length, rated.length),
  };
}

function accuracyOf(key: string, errors: EstimateError[]) {
  const naive = errors.flatMap((e) => (e.naiveError === null ? [] : [Math.abs(e.naiveError)]));
  const ranged = errors.filter((e) => e.overHigh !== null);
  return {
    key,
    n: errors.length,
    maeSec: round(mean(errors.map((e) => Math.abs(e.error)))),
    biasSec: round(mean(errors.map((e) => e.error))),
    // The naive figure over the same tickets only when every one kept it.
    naiveMaeSec: naive.length === 0 || naive.length < errors.length ? null : round(mean(naive)),
    overHighShare:
      ranged.length === 0 ? null : share(ranged.filter((e) => e.overHigh).length, ranged.length),
  };
}

/** Per hour of the day: tickets by their hour of issue, counters by the hour they started. */
interface HourBuckets {
  byHour: Map<number, Bucket>;
  /** hour → "day counter" of the counters that started serving someone in that hour. */
  serving: Map<number, Set<string>>;
}

const hourBuckets = (): HourBuckets => ({ byHour: new Map(), serving: new Map() });

function inHourOf(h: HourBuckets, hour: number): Bucket {
  return h.byHour.get(hour) ?? h.byHour.set(hour, bucket()).get(hour)!;
}

function servingIn(h: HourBuckets, hour: number): Set<string> {
  return h.serving.get(hour) ?? h.serving.set(hour, new Set()).get(hour)!;
}

/** Load, handling, waits, counters that served, and what Erlang C recommends, per hour. */
function hourRows(
  h: HourBuckets,
  dayCount: number,
  targetWaitSec: number,
  level: number,
): HallReport['hours'] {
  const hourKeys = [...new Set([...h.byHour.keys(), ...h.serving.keys()])].sort((a, b) => a - b);
  return hourKeys.map((hour) => {
    const b = h.byHour.get(hour) ?? bucket();
    const arrivalsPerHour = b.tickets / dayCount;
    const handleMeanSec = mean(b.handles);
    return {
      hour,
      arrivalsPerHour: round(arrivalsPerHour, 2),
      handleMeanSec: round(handleMeanSec),
      waitP50Sec: round(percentile(b.waits, 50)),
      waitP90Sec: round(percentile(b.waits, 90)),
      withinTargetShare: share(b.withinTarget, b.waits.length),
      countersServing: round((h.serving.get(hour)?.size ?? 0) / dayCount, 2),
      countersRecommended:
        b.tickets === 0 || handleMeanSec === 0 || !Number.isFinite(targetWaitSec)
          ? 0
          : countersNeeded({ arrivalsPerHour, meanHandleSec: handleMeanSec }, targetWaitSec, level),
    };
  });
}

export function computeReport(
  facts: ReportFacts,
  input: ReportInput,
): Omit<HallReport, 'elapsedMs'> {
  // One pass over the tickets into buckets per service, per hour, per clerk.
  const byService = new Map<string, Bucket>(input.services.map((s) => [s.id, bucket()]));
  const hall = hourBuckets();
  const hoursByService = new Map<string, HourBuckets>(
    input.services.map((s) => [s.id, hourBuckets()]),
  );
  const servedBy = new Map<string, number[]>();
  const ownedBy = new Map<string, number>();
  const arrivalsByWeekdayHour = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const days = new Set<string>();
  let ticketCount = 0;
  const allEstimates: EstimateError[] = [];
  let toldNoCounter = 0;
  const targetOf = new Map(input.services.map((s) => [s.id, s.targetWaitSec]));

  for (const t of facts.tickets) {
    ticketCount++;
    days.add(t.businessDay);
    const hour = Math.min(23, Math.floor(t.issuedSecOfDay / 3600));
    arrivalsByWeekdayHour[weekdayOf(t.businessDay)]![hour]!++;
    const service =
      byService.get(t.serviceId) ?? byService.set(t.serviceId, bucket()).get(t.serviceId)!;
    const serviceHours =
      hoursByService.get(t.serviceId) ??
      hoursByService.set(t.serviceId, hourBuckets()).get(t.serviceId)!;
    const inHour = inHourOf(hall, hour);
    const serviceInHour = inHourOf(serviceHours, hour);
    service.tickets++;
    inHour.tickets++;
    serviceInHour.tickets++;
    service.transfers += t.transferCount;
    if (t.state === 'cancelled' && t.stateReason !== 'business_day_ended') service.cancellations++;
    if (wasCalled(t)) {
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
      if (t.estimatedWaitSec !== null && !t.noCounterOpen) {
        const error: EstimateError = {
          error: t.estimatedWaitSec - wait,
          naiveError: t.naiveWaitSec == null ? null : t.naiveWaitSec - wait,
          overHigh: t.estimatedWaitHighSec == null ? null : wait > t.estimatedWaitHighSec,
        };
        service.estimateErrors.push(error);
        inHour.estimateErrors.push(error);
        allEstimates.push(error);
      }
    }
    if (t.noCounterOpen) toldNoCounter++;
    if (wasServed(t)) {
      const handle = handleSec(t);
      service.handles.push(handle);
      inHour.handles.push(handle);
      serviceInHour.handles.push(handle);
      if (t.servingStaffId) {
        const list =
          servedBy.get(t.servingStaffId) ??
          servedBy.set(t.servingStaffId, []).get(t.servingStaffId)!;
        list.push(handle);
      }
    }
    if (t.ownerStaffId) ownedBy.set(t.ownerStaffId, (ownedBy.get(t.ownerStaffId) ?? 0) + 1);
    if (t.startedAt !== null && t.counterId !== null) {
      const startHour = Math.floor((t.issuedSecOfDay + (t.startedAt - t.issuedAt) / 1000) / 3600);
      const dayCounter = `${t.businessDay} ${t.counterId}`;
      servingIn(hall, startHour).add(dayCounter);
      servingIn(serviceHours, startHour).add(dayCounter);
    }
  }

  for (const b of [
    ...byService.values(),
    ...hall.byHour.values(),
    ...[...hoursByService.values()].flatMap((h) => [...h.byHour.values()]),
  ]) {
    ascending(b.waits);
    ascending(b.handles);
  }
  const services = input.services.map((service) => {
    const b = byService.get(service.id)!;
    return {
      serviceId: service.id,
      tickets: b.tickets,
      called: b.called,
      waitP50Sec: round(percentile(b.waits, 50)),
      waitP90Sec: round(percentile(b.waits, 90)),
      withinTargetShare: share(
        b.waits.filter((w) => w <= service.targetWaitSec).length,
        b.waits.length,
      ),
      handleMeanSec: round(mean(b.handles)),
      handleP90Sec: round(percentile(b.handles, 90)),
      noShowRate: share(b.noShows, b.called),
      transfers: b.transfers,
      cancellations: b.cancellations,
      ...satisfactionOf(
        facts.evaluations.filter((e) => e.serviceId === service.id && e.score !== null),
      ),
    };
  });

  const clerks = input.staff
    .filter((s) => s.roles.includes('clerk'))
    .map((staff) => {
      const handles = servedBy.get(staff.id) ?? []; // only their mean is needed
      const ratings = facts.evaluations.filter((e) => e.staffId === staff.id);
      const rated = ratings.filter((e) => e.score !== null);
      const satisfied = rated.filter(
        (e) => e.score === 'very_satisfied' || e.score === 'satisfied',
      );
      const cases = facts.cases.filter((c) => c.ownerStaffId === staff.id && c.openedInRange);
      return {
        staffId: staff.id,
        name: staff.name,
        staffNo: staff.staffNo,
        served: handles.length,
        handleMeanSec: round(mean(handles)),
        owned: ownedBy.get(staff.id) ?? 0,
        rated: rated.length,
        ratingCoverage: share(rated.length, handles.length),
        satisfactionRate: rated.length === 0 ? null : share(satisfied.length, rated.length),
        dissatisfied: rated.filter((e) => e.score === 'dissatisfied').length,
        opinions: facts.opinions.filter((o) => o.ownerStaffId === staff.id).length,
        casesOwned: cases.length,
        casesOnTime: cases.filter((c) => c.closedOnTime === true).length,
        overdue: cases.filter((c) => c.overdue).length,
      };
    })
    .filter((c) => c.served + c.owned + c.rated + c.casesOwned + c.opinions > 0);

  // Per hour: load, handling, waits, counters that served, and what Erlang C recommends for
  // the hall's tightest target wait.
  const dayCount = Math.max(1, days.size);
  const targetWaitSec = Math.min(
    ...input.services.filter((s) => s.active).map((s) => s.targetWaitSec),
    Infinity,
  );
  const hours = hourRows(hall, dayCount, targetWaitSec, input.serviceLevel);
  // The same per service, each against its own target wait.
  const staffingByService = input.services
    .filter((service) => byService.get(service.id)!.tickets > 0)
    .map((service) => ({
      serviceId: service.id,
      targetWaitSec: service.targetWaitSec,
      hours: hourRows(
        hoursByService.get(service.id)!,
        dayCount,
        service.targetWaitSec,
        input.serviceLevel,
      ),
    }));

  const byCategory = { complaint: 0, suggestion: 0, praise: 0, correction: 0 };
  const bySource: Record<string, number> = {};
  for (const o of facts.opinions) {
    byCategory[o.category]++;
    bySource[o.source] = (bySource[o.source] ?? 0) + 1;
  }
  const closed = facts.opinions.filter((o) => o.closedAt !== null);
  const hoursToClose = ascending(closed.map((o) => hoursBetween(o.createdAt, o.closedAt!)));
  const asOf = input.asOf ?? input.now;
  const opinionPastDue = (o: OpinionFacts) =>
    o.closedAt === null && asOf - o.createdAt > OPINION_DUE_HOURS * 3_600_000;

  return {
    from: input.from,
    to: input.to,
    days: days.size,
    tickets: ticketCount,
    services,
    clerks,
    hours,
    arrivalsByWeekdayHour,
    opinions: {
      total: facts.opinions.length,
      byCategory,
      bySource,
      closed: closed.length,
      meanHoursToClose: closed.length === 0 ? null : round(mean(hoursToClose), 2),
      p90HoursToClose: closed.length === 0 ? null : round(percentile(hoursToClose, 90), 2),
      open: facts.opinions.length - closed.length,
      openPastDue: facts.opinions.filter(opinionPastDue).length,
      dueHours: OPINION_DUE_HOURS,
      repeated: facts.opinions.filter((o) => o.repeated).length,
    },
    cases: casesReport(facts.cases, input.caseTypes ?? []),
    staffing: {
      serviceLevel: input.serviceLevel,
      targetWaitSec: Number.isFinite(targetWaitSec) ? targetWaitSec : 0,
    },
    staffingByService,
    estimates: {
      overall: accuracyOf('all', allEstimates),
      toldNoCounter,
      byService: input.services.map((s) => accuracyOf(s.id, byService.get(s.id)!.estimateErrors)),
      byHour: [...hall.byHour.keys()]
        .sort((a, b) => a - b)
        .filter((h) => hall.byHour.get(h)!.estimateErrors.length > 0)
        .map((h) =>
          accuracyOf(`${String(h).padStart(2, '0')}:00`, hall.byHour.get(h)!.estimateErrors),
        ),
    },
    generatedAt: input.now,
  };
}

interface CaseCounts {
  opened: number;
  closed: number;
  onTime: number;
  open: number;
  overdue: number;
}

const caseCounts = (): CaseCounts => ({ opened: 0, closed: 0, onTime: 0, open: 0, overdue: 0 });
/**
 * 工单按期率: of the cases whose limit was put to the test in the range (closed in it, or still
 * open past their due date at its end), the share closed completed by their due date. Null
 * only when there is no such case.
 */
const withRate = (c: CaseCounts) => ({
  ...c,
  onTimeRate: c.closed + c.overdue === 0 ? null : share(c.onTime, c.closed + c.overdue),
});

/**
 * Cases in all and by type: opened in the range; closed in it (on time or late); open at its
 * end, and of those overdue. A case opened earlier counts for the closed, open and overdue.
 */
function casesReport(cases: CaseFacts[], caseTypes: CaseType[]): HallReport['cases'] {
  const total = caseCounts();
  const byType = new Map<string, CaseCounts>();
  for (const c of cases) {
    const type =
      byType.get(c.caseTypeId) ?? byType.set(c.caseTypeId, caseCounts()).get(c.caseTypeId)!;
    for (const counts of [total, type]) {
      if (c.openedInRange) counts.opened++;
      if (c.closedOnTime === null) counts.open++;
      else counts.closed++;
      if (c.closedOnTime === true) counts.onTime++;
      if (c.overdue) counts.overdue++;
    }
  }
  const known = new Map(caseTypes.map((t) => [t.id, t]));
  const order = [
    ...caseTypes.map((t) => t.id).filter((id) => byType.has(id)),
    ...[...byType.keys()].filter((id) => !known.has(id)).sort(),
  ];
  return {
    ...withRate(total),
    byType: order.map((id) => ({
      caseTypeId: id,
      nameZh: known.get(id)?.nameZh ?? id,
      nameEn: known.get(id)?.nameEn ?? id,
      ...withRate(byType.get(id)!),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Loading the facts.

function tableExists(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** The first instant after the range: the start of the business day after `to`. */
export function rangeEndMs(to: string, timeZone: string): number {
  return startOfBusinessDay(addDays(to, 1), timeZone);
}

export function loadReportFacts(
  db: Db,
  from: string,
  to: string,
  timeZone: string,
  now: number,
): ReportFacts {
  // The tickets stream row by row into the computation: objects that die young cost the
  // garbage collector little, where a month held in memory (60,000 rows) is copied by every
  // young-generation collection. The other queries run first, while the connection is free.
  const statement = db
    .prepare(
      `SELECT business_day, service_id, state, issued_at, started_at, finished_at,
        serving_staff_id, owner_staff_id, counter_id, transfer_count, state_reason,
        estimated_wait_sec, first_called_at, estimated_wait_high_sec, naive_wait_sec, no_counter_open
       FROM tickets WHERE business_day BETWEEN ? AND ?`,
    )
    .raw();
  const dayStarts = new Map<string, number>();
  const dayStart = (day: string) => {
    let start = dayStarts.get(day);
    if (start === undefined) dayStarts.set(day, (start = startOfBusinessDay(day, timeZone)));
    return start;
  };
  function* tickets(): Generator<TicketFacts> {
    for (const r of statement.iterate(from, to) as IterableIterator<unknown[]>) {
      const issuedAt = r[3] as number;
      const day = r[0] as string;
      yield {
        businessDay: day,
        serviceId: r[1] as string,
        state: r[2] as string,
        issuedAt,
        issuedSecOfDay: Math.max(0, (issuedAt - dayStart(day)) / 1000),
        startedAt: r[4] as number | null,
        finishedAt: r[5] as number | null,
        servingStaffId: r[6] as string | null,
        ownerStaffId: r[7] as string | null,
        counterId: r[8] as string | null,
        transferCount: r[9] as number,
        stateReason: r[10] as string | null,
        estimatedWaitSec: r[11] as number | null,
        firstCalledAt: r[12] as number | null,
        estimatedWaitHighSec: r[13] as number | null,
        naiveWaitSec: r[14] as number | null,
        noCounterOpen: r[15] === 1,
      };
    }
  }

  const fromMs = startOfBusinessDay(from, timeZone);
  const toMs = rangeEndMs(to, timeZone);
  const opinions = (
    db
      .prepare(
        `SELECT o.category, o.source, o.state, o.created_at, o.closed_at,
           COALESCE(o.staff_id, t.owner_staff_id), o.is_repeated
         FROM opinions o LEFT JOIN tickets t ON t.id = o.ticket_id
         WHERE o.created_at >= ? AND o.created_at < ?`,
      )
      .raw()
      .all(fromMs, toMs) as unknown[][]
  ).map((r) => ({
    category: r[0] as OpinionCategory,
    source: r[1] as string,
    state: r[2] as string,
    createdAt: r[3] as number,
    closedAt: r[4] as number | null,
    ownerStaffId: r[5] as string | null,
    repeated: r[6] === 1,
  }));

  // Evaluations and cases belong to the work post; read them when their tables exist.
  const evaluations: EvaluationFacts[] = tableExists(db, 'evaluations')
    ? (
        db
          .prepare(
            `SELECT e.staff_id, e.score, t.service_id FROM evaluations e
             JOIN tickets t ON t.id = e.ticket_id WHERE t.business_day BETWEEN ? AND ?`,
          )
          .raw()
          .all(from, to) as unknown[][]
      ).map((r) => ({
        staffId: r[0] as string | null,
        score: r[1] as string | null,
        serviceId: r[2] as string,
      }))
    : [];
  // Cases opened before the range's end and not closed before it began: on time when closed
  // in the range completed by their due date; overdue when still open past it at the end of the
  // range (or now, if sooner).
  const cases: CaseFacts[] = tableExists(db, 'cases')
    ? (
        db
          .prepare(
            `SELECT owner_staff_id, opened_at, due_at, closed_at, outcome, case_type_id FROM cases
             WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)`,
          )
          .raw()
          .all(toMs, fromMs) as unknown[][]
      ).map((r) => {
        const dueAt = r[2] as number;
        const end = Math.min(toMs, now);
        const closedAt =
          (r[3] as number | null) !== null && (r[3] as number) < toMs ? (r[3] as number) : null;
        return {
          ownerStaffId: r[0] as string,
          caseTypeId: r[5] as string,
          openedInRange: (r[1] as number) >= fromMs,
          closedOnTime: closedAt === null ? null : r[4] === 'completed' && closedAt <= dueAt,
          overdue: closedAt === null && end > dueAt,
        };
      })
    : [];
  return { tickets: tickets(), opinions, evaluations, cases };
}
