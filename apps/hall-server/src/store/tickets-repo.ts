import type { Ticket, TicketTransition } from '@onestop/shared';
import type { NewTransition } from '../domain/tickets';
import type { Db } from './db';
import { field, type SqlRow } from './fields';
import { appendOnlyTable, recordTable } from './record-table';
import { ticketTransitions, tickets } from './records';

const OPEN = "('waiting', 'called', 'serving', 'parked')";
const rowId = field.rowId('id');

/** A transition as stored (columns by their names): what the tests and tools read back. */
export interface TransitionRow {
  id: number;
  ticket_id: string;
  from_state: string | null;
  to_state: string;
  at: number;
  service_id: string;
  counter_id: string | null;
  staff_id: string | null;
  reason: string | null;
}

export function createTicketsRepo(db: Db) {
  const table = recordTable(db, tickets);
  const transitions = appendOnlyTable(db, ticketTransitions);
  const busyCounters = db
    .prepare<[], string>(
      "SELECT DISTINCT counter_id FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL",
    )
    .pluck();
  const recentHandling = db
    .prepare<[string, string], number>(
      `SELECT finished_at - started_at AS ms FROM tickets
    WHERE business_day = ? AND service_id = ? AND state = 'done' AND started_at IS NOT NULL
    ORDER BY finished_at DESC LIMIT 20`,
    )
    .pluck();
  const heldAtCounters = db.prepare<
    [],
    { counter_id: string; service_id: string; since: number }
  >(`SELECT counter_id, service_id, COALESCE(called_at, started_at) AS since
    FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL`);
  const handlingDays = db
    .prepare<[string, number], string>(
      `SELECT DISTINCT business_day FROM tickets
    WHERE business_day < ? AND state = 'done' ORDER BY business_day DESC LIMIT ?`,
    )
    .pluck();
  const handlingSince = db.prepare<
    [string, string],
    { service_id: string; business_day: string; called_at: number; ms: number }
  >(`SELECT service_id, business_day, called_at,
    finished_at - called_at AS ms FROM tickets
    WHERE business_day >= ? AND business_day < ? AND state = 'done'
      AND called_at IS NOT NULL AND finished_at IS NOT NULL`);
  const arrivalsSince = db.prepare<
    [string, string],
    { service_id: string; business_day: string; issued_at: number; high: number }
  >(`SELECT service_id, business_day, issued_at,
    priority != 'normal' AS high FROM tickets
    WHERE business_day >= ? AND business_day < ? AND source != 'walk_in' AND transfer_count = 0`);
  const toldSince = db.prepare<
    [string, string],
    { service_id: string; centre: number; wait: number }
  >(`SELECT service_id, estimated_wait_sec AS centre,
    (first_called_at - issued_at) / 1000.0 AS wait FROM tickets
    WHERE business_day >= ? AND business_day < ? AND first_called_at IS NOT NULL
      AND estimated_wait_sec IS NOT NULL AND no_counter_open = 0`);
  const recordRange = db.prepare<
    [{ id: string; lowSec: number; highSec: number; naiveSec: number; noCounterOpen: number }]
  >(`UPDATE tickets SET estimated_wait_low_sec = @lowSec,
    estimated_wait_high_sec = @highSec, naive_wait_sec = @naiveSec, no_counter_open = @noCounterOpen
    WHERE id = @id`);
  const nextSeq = db
    .prepare<[string, string], number>(
      `INSERT INTO ticket_numbers (business_day, service_id, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (business_day, service_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    )
    .pluck();
  const lastSeq = db
    .prepare<[string, string], number>(
      'SELECT last_seq FROM ticket_numbers WHERE business_day = ? AND service_id = ?',
    )
    .pluck();
  const transitionRows = db.prepare<[string], TransitionRow>(
    'SELECT * FROM ticket_transitions WHERE ticket_id = ? ORDER BY id',
  );
  const transitionsOf = db.prepare<[string], SqlRow>(
    'SELECT * FROM ticket_transitions WHERE ticket_id = ? ORDER BY id',
  );
  const ofCustomer = table.select<
    [{ accountNo: string | null; phone: string | null; exceptId: string }]
  >(
    `WHERE (customer_account_no = @accountNo OR customer_phone = @phone) AND id != @exceptId
    ORDER BY issued_at DESC LIMIT 20`,
  );
  /** Up to `days` business days before `businessDay` with finished visits, oldest last. */
  const recentDays = (businessDay: string, days: number) => handlingDays.all(businessDay, days);

  return {
    byId: table.byKey,
    byNumber: table.first<[string, string]>('WHERE business_day = ? AND number = ?'),
    waiting: table.select("WHERE state = 'waiting'"),
    /** Called or serving tickets a clerk holds (parked ones aside). */
    activeOfStaff: table.select<[string]>(
      "WHERE serving_staff_id = ? AND state IN ('called', 'serving')",
    ),
    activeAtCounter: table.select<[string]>(
      "WHERE counter_id = ? AND state IN ('called', 'serving')",
    ),
    /** Called, serving or parked: what a staff member must finish or hand over before leaving. */
    heldByStaff: table.select<[string]>(
      "WHERE serving_staff_id = ? AND state IN ('called', 'serving', 'parked')",
    ),
    /** The business day's tickets plus any still open from earlier days. */
    visible: table.select<[string]>(
      `WHERE business_day = ? OR state IN ${OPEN} ORDER BY issued_at`,
    ),
    openBefore: table.select<[string]>("WHERE business_day < ? AND state IN ('waiting', 'called')"),
    /** An account's open tickets of a business day (one VIP ticket per account: vip-arrival.ts). */
    openOfAccount: table.select<[string, string]>(
      `WHERE customer_account_no = ? AND business_day = ? AND state IN ${OPEN}`,
    ),
    changedSince: table.changedSince,
    busyCounterIds: () => new Set(busyCounters.all()),
    recentHandleSec(businessDay: string, serviceId: string): number[] {
      return recentHandling
        .all(businessDay, serviceId)
        .map((ms) => ms / 1000)
        .reverse();
    },
    /** Counter id → the service of the ticket called or served there, and since when. */
    heldAtCounters(): Map<string, { serviceId: string; sinceMs: number }> {
      return new Map(
        heldAtCounters
          .all()
          .map((r) => [r.counter_id, { serviceId: r.service_id, sinceMs: r.since }]),
      );
    },
    /** Finished visits (call to finish) of the last `days` business days with any before `businessDay`. */
    handlingHistory(businessDay: string, days: number) {
      const oldest = recentDays(businessDay, days).at(-1);
      if (oldest === undefined) return [];
      return handlingSince.all(oldest, businessDay).map((r) => ({
        serviceId: r.service_id,
        businessDay: r.business_day,
        calledAt: r.called_at,
        sec: r.ms / 1000,
      }));
    },
    /** Tickets issued over the last `days` business days with any before `businessDay`, and
     *  how many such days there were: the arrival rates the estimate expects. */
    arrivalHistory(businessDay: string, days: number) {
      const recent = recentDays(businessDay, days);
      const oldest = recent.at(-1);
      if (oldest === undefined) return { days: 0, tickets: [] };
      return {
        days: recent.length,
        tickets: arrivalsSince.all(oldest, businessDay).map((r) => ({
          serviceId: r.service_id,
          businessDay: r.business_day,
          issuedAt: r.issued_at,
          priority: r.high === 1,
        })),
      };
    },
    /** Customers of the last `days` business days before `businessDay` told a wait at issue
     *  and called since: the centre told and the real wait, that the range is learned from. */
    toldWaitHistory(businessDay: string, days: number) {
      const oldest = recentDays(businessDay, days).at(-1);
      if (oldest === undefined) return [];
      return toldSince
        .all(oldest, businessDay)
        .map((r) => ({ serviceId: r.service_id, centreSec: r.centre, waitSec: r.wait }));
    },
    /** The range told at issue and the naive estimate beside it, for the accuracy report. */
    recordWaitRange(
      id: string,
      range: { lowSec: number; highSec: number; naiveSec: number; noCounterOpen: boolean },
    ): void {
      recordRange.run({ id, ...range, noCounterOpen: range.noCounterOpen ? 1 : 0 });
    },
    lastDailySeq(businessDay: string, serviceId: string): number {
      return lastSeq.get(businessDay, serviceId) ?? 0;
    },
    /** Takes the next number; inside the issuing transaction, so a rollback gives it back. */
    takeDailySeq(businessDay: string, serviceId: string): number {
      const seq = nextSeq.get(businessDay, serviceId);
      if (seq === undefined) throw new Error('ticket_numbers returned no number');
      return seq;
    },
    insert(ticket: Ticket, changeSeq: number): Ticket {
      const saved = { ...ticket, changeSeq };
      table.insert(saved);
      return saved;
    },
    /** Rewrites a ticket; what is fixed at issue (number, day, customer, source) stays. */
    save: table.update,
    addTransition(t: NewTransition): void {
      transitions.add(t);
    },
    transitions: (ticketId: string): TransitionRow[] => transitionRows.all(ticketId),
    /** A visit's path: every transition in order, typed. */
    path: (ticketId: string): TicketTransition[] =>
      transitionsOf
        .all(ticketId)
        .map((r) => ({ id: rowId.read(r), ...ticketTransitions.codec.read(r) })),
    /** A customer's latest visits (at most 20) by account number or phone, newest first. */
    ofCustomer: (key: { accountNo: string | null; phone: string | null }, exceptId: string) =>
      ofCustomer({ ...key, exceptId }),
  };
}
export type TicketsRepo = ReturnType<typeof createTicketsRepo>;
