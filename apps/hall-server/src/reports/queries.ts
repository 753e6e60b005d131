import { addDays } from '@onestop/shared';
import { startOfBusinessDay } from '../domain/business-day';
import type { Db } from '../store/db';
import type { CaseFacts, EvaluationFacts, OpinionFacts, ReportFacts, TicketFacts } from './facts';
import { changesOf, type PromiseRowFacts } from './promises';
import { readHardware } from './hardware';
import type { RemedyFacts } from './remedies';
import { quizFactsSql, type QuizFacts } from './quizzes';
import { spotCheckFactsSql, type SpotCheckFacts } from './spot-checks';
import type { VipServiceFacts } from './vip-managers';

// Reading a report's facts: one indexed query per kind, each row's shape declared once beside
// its SQL (the tables are STRICT, so a column holds the type declared for it), and the small
// pure steps from a row to the facts the computation takes.

/** A ticket as the report reads it; no_counter_open is 0/1, NULL before it was kept. */
export type TicketRow = Omit<TicketFacts, 'issuedSecOfDay' | 'noCounterOpen'> & {
  noCounterOpen: number | null;
};

const ticketsSql = `SELECT business_day AS businessDay, service_id AS serviceId, state,
    issued_at AS issuedAt, started_at AS startedAt, finished_at AS finishedAt,
    serving_staff_id AS servingStaffId, owner_staff_id AS ownerStaffId, counter_id AS counterId,
    transfer_count AS transferCount, state_reason AS stateReason,
    estimated_wait_sec AS estimatedWaitSec, first_called_at AS firstCalledAt,
    estimated_wait_high_sec AS estimatedWaitHighSec, naive_wait_sec AS naiveWaitSec,
    no_counter_open AS noCounterOpen
  FROM tickets WHERE business_day BETWEEN ? AND ?`;

/** Opinions with the clerk they concern: named on it, or the owner of its ticket. */
export type OpinionRow = Omit<OpinionFacts, 'repeated'> & { isRepeated: 0 | 1 };

const opinionsSql = `SELECT o.category, o.source, o.state, o.created_at AS createdAt,
    o.closed_at AS closedAt, COALESCE(o.staff_id, t.owner_staff_id) AS ownerStaffId,
    o.is_repeated AS isRepeated
  FROM opinions o LEFT JOIN tickets t ON t.id = o.ticket_id
  WHERE o.created_at >= ? AND o.created_at < ?`;

export type EvaluationRow = Required<EvaluationFacts>;

const evaluationsSql = `SELECT e.staff_id AS staffId, e.score, t.service_id AS serviceId
  FROM evaluations e JOIN tickets t ON t.id = e.ticket_id
  WHERE t.business_day BETWEEN ? AND ?`;

export interface CaseRow {
  ownerStaffId: string;
  caseTypeId: string;
  openedAt: number;
  dueAt: number;
  closedAt: number | null;
  outcome: 'completed' | 'withdrawn' | null;
}

/** Opened before the range's end and not closed before it began. */
const casesSql = `SELECT owner_staff_id AS ownerStaffId, case_type_id AS caseTypeId,
    opened_at AS openedAt, due_at AS dueAt, closed_at AS closedAt, outcome
  FROM cases WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)`;

/** 承诺: a case's or a task's promise, as stored (migration 014). */
interface PromiseRow {
  ownerStaffId: string;
  caseTypeId: string | null;
  promisedAt: number;
  dueAt: number;
  closedAt: number | null;
  voided: 0 | 1;
  promiseChanges: string;
}

/** Closed in the range, or open and past their time or re-set: the few that may have settled. */
const promiseCasesSql = `SELECT owner_staff_id AS ownerStaffId, case_type_id AS caseTypeId,
    promised_at AS promisedAt, due_at AS dueAt, closed_at AS closedAt,
    (outcome = 'withdrawn') AS voided, promise_changes AS promiseChanges
  FROM cases WHERE (closed_at >= ? AND closed_at < ?)
    OR (state = 'open' AND (due_at < ? OR promise_changes <> '[]'))`;
const promiseTasksSql = `SELECT owner_staff_id AS ownerStaffId, NULL AS caseTypeId,
    promised_at AS promisedAt, due_at AS dueAt, closed_at AS closedAt,
    (state = 'cancelled') AS voided, promise_changes AS promiseChanges
  FROM tasks WHERE (closed_at >= ? AND closed_at < ?)
    OR (state IN ('open', 'accepted') AND (due_at < ? OR promise_changes <> '[]'))`;

function promiseFactsOf(kind: 'case' | 'task', row: PromiseRow): PromiseRowFacts {
  return {
    kind,
    ownerStaffId: row.ownerStaffId,
    caseTypeId: row.caseTypeId,
    promisedAt: row.promisedAt,
    dueAt: row.dueAt,
    closedAt: row.closedAt,
    voided: Boolean(row.voided),
    promiseChanges: changesOf(row.promiseChanges),
  };
}

function readPromises(db: Db, range: RangeMs): PromiseRowFacts[] {
  const read = (sql: string, kind: 'case' | 'task') =>
    db
      .prepare<[number, number, number], PromiseRow>(sql)
      .all(range.fromMs, range.toMs, range.asOf)
      .map((row) => promiseFactsOf(kind, row));
  return [...read(promiseCasesSql, 'case'), ...read(promiseTasksSql, 'task')];
}

/** The range as instants: its first, and the first after it; `asOf` is the sooner of that and now. */
/** Remedy grants made on the range's business days, with their kind's names and unit. */
/** Finished VIP visits with the customer's account manager now (issue 18, item 4). */
const vipsSql = `SELECT c.account_manager_staff_id AS managerStaffId,
    t.serving_staff_id AS servedByStaffId
  FROM tickets t JOIN customers c ON c.account_no = t.customer_account_no
  WHERE t.business_day BETWEEN ? AND ? AND t.priority = 'vip' AND t.state = 'done'
    AND c.account_manager_staff_id IS NOT NULL`;

const remediesSql = `SELECT g.granted_by_staff_id AS grantedByStaffId,
  g.remedy_kind_id AS remedyKindId, k.name_zh AS nameZh, k.name_en AS nameEn, k.unit,
  g.amount, g.state, g.complaint_class AS complaintClass
  FROM remedy_grants g JOIN remedy_kinds k ON k.id = g.remedy_kind_id
  WHERE g.business_day >= ? AND g.business_day <= ?`;

export interface RangeMs {
  fromMs: number;
  toMs: number;
  asOf: number;
}

export const ticketFactsOf = (row: TicketRow, dayStartMs: number): TicketFacts => ({
  ...row,
  issuedSecOfDay: Math.max(0, (row.issuedAt - dayStartMs) / 1000),
  noCounterOpen: row.noCounterOpen === 1,
});

export const opinionFactsOf = ({ isRepeated, ...row }: OpinionRow): OpinionFacts => ({
  ...row,
  repeated: isRepeated === 1,
});

/**
 * On time when closed in the range completed by its due date; overdue when still open past it
 * at the end of the range (or now, if sooner). A close after the range is still open in it.
 */
export function caseFactsOf(row: CaseRow, range: RangeMs): CaseFacts {
  const closedAt = row.closedAt !== null && row.closedAt < range.toMs ? row.closedAt : null;
  return {
    ownerStaffId: row.ownerStaffId,
    caseTypeId: row.caseTypeId,
    openedInRange: row.openedAt >= range.fromMs,
    closedOnTime: closedAt === null ? null : row.outcome === 'completed' && closedAt <= row.dueAt,
    overdue: closedAt === null && range.asOf > row.dueAt,
  };
}

function tableExists(db: Db, name: string): boolean {
  return (
    db
      .prepare<[string], 1>("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .pluck()
      .get(name) !== undefined
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
  const tickets = db.prepare<[string, string], TicketRow>(ticketsSql);
  const dayStarts = new Map<string, number>();
  const dayStart = (day: string) => {
    let start = dayStarts.get(day);
    if (start === undefined) dayStarts.set(day, (start = startOfBusinessDay(day, timeZone)));
    return start;
  };
  function* ticketFacts(): Generator<TicketFacts> {
    for (const row of tickets.iterate(from, to))
      yield ticketFactsOf(row, dayStart(row.businessDay));
  }

  const toMs = rangeEndMs(to, timeZone);
  const range: RangeMs = {
    fromMs: startOfBusinessDay(from, timeZone),
    toMs,
    asOf: Math.min(toMs, now),
  };
  const opinions = db
    .prepare<[number, number], OpinionRow>(opinionsSql)
    .all(range.fromMs, range.toMs)
    .map(opinionFactsOf);
  // Evaluations and cases belong to the work post; read them when their tables exist.
  const evaluations = tableExists(db, 'evaluations')
    ? db.prepare<[string, string], EvaluationRow>(evaluationsSql).all(from, to)
    : [];
  const cases = tableExists(db, 'cases')
    ? db
        .prepare<[number, number], CaseRow>(casesSql)
        .all(range.toMs, range.fromMs)
        .map((row) => caseFactsOf(row, range))
    : [];
  const remedies = tableExists(db, 'remedy_grants')
    ? db.prepare<[string, string], RemedyFacts>(remediesSql).all(from, to)
    : undefined;
  const vips = db.prepare<[string, string], VipServiceFacts>(vipsSql).all(from, to);
  const quizzes = tableExists(db, 'quiz_attempts')
    ? db.prepare<[number, number], QuizFacts>(quizFactsSql).all(range.fromMs, range.toMs)
    : [];
  const spotChecks = tableExists(db, 'spot_checks')
    ? db.prepare<[string, string], SpotCheckFacts>(spotCheckFactsSql).all(from, to)
    : [];
  const hardware = tableExists(db, 'device_faults')
    ? readHardware(db, { from, to, fromMs: range.fromMs, toMs: range.asOf })
    : undefined;
  return {
    tickets: ticketFacts(),
    opinions,
    evaluations,
    cases,
    vips,
    quizzes,
    spotChecks,
    ...(remedies ? { remedies } : {}),
    ...(hardware ? { hardware } : {}),
    promises: { rows: readPromises(db, range), fromMs: range.fromMs, toMs: range.toMs },
  };
}
