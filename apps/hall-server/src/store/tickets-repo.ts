import type { Ticket, TicketState, TicketTransition } from '@onestop/shared';
import type { NewTransition } from '../domain/tickets';
import type { Db } from './db';
import { bool, int, json, num, numOrNull, str, strOrNull, type Row } from './rows';

function toTicket(r: Row): Ticket {
  return {
    id: str(r.id),
    businessDay: str(r.business_day),
    serviceId: str(r.service_id),
    number: str(r.number),
    dailySeq: num(r.daily_seq),
    state: str(r.state) as TicketState,
    priority: str(r.priority) as Ticket['priority'],
    returning: bool(r.is_returning),
    source: str(r.source) as Ticket['source'],
    customer: {
      phone: strOrNull(r.customer_phone),
      accountNo: strOrNull(r.customer_account_no),
      name: strOrNull(r.customer_name),
    },
    note: strOrNull(r.note),
    issuedAt: num(r.issued_at),
    queuedAt: num(r.queued_at),
    targetCounterId: strOrNull(r.target_counter_id),
    counterId: strOrNull(r.counter_id),
    servingStaffId: strOrNull(r.serving_staff_id),
    ownerStaffId: strOrNull(r.owner_staff_id),
    calledAt: numOrNull(r.called_at),
    firstCalledAt: numOrNull(r.first_called_at),
    recallCount: num(r.recall_count),
    startedAt: numOrNull(r.started_at),
    finishedAt: numOrNull(r.finished_at),
    outcome: strOrNull(r.outcome) as Ticket['outcome'],
    items: json<string[]>(r.items),
    stateReason: strOrNull(r.state_reason),
    transferCount: num(r.transfer_count),
    estimatedWaitSec: numOrNull(r.estimated_wait_sec),
    updatedAt: num(r.updated_at),
    changeSeq: num(r.change_seq),
  };
}

function toRow(t: Ticket) {
  return {
    id: t.id,
    businessDay: t.businessDay,
    serviceId: t.serviceId,
    number: t.number,
    dailySeq: t.dailySeq,
    state: t.state,
    priority: t.priority,
    returning: int(t.returning),
    source: t.source,
    customerPhone: t.customer.phone,
    customerAccountNo: t.customer.accountNo,
    customerName: t.customer.name,
    note: t.note,
    issuedAt: t.issuedAt,
    queuedAt: t.queuedAt,
    targetCounterId: t.targetCounterId,
    counterId: t.counterId,
    servingStaffId: t.servingStaffId,
    ownerStaffId: t.ownerStaffId,
    calledAt: t.calledAt,
    firstCalledAt: t.firstCalledAt,
    recallCount: t.recallCount,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    outcome: t.outcome,
    items: JSON.stringify(t.items),
    stateReason: t.stateReason,
    transferCount: t.transferCount,
    estimatedWaitSec: t.estimatedWaitSec,
    updatedAt: t.updatedAt,
    changeSeq: t.changeSeq,
  };
}

const COLUMNS = `id, business_day, service_id, number, daily_seq, state, priority, is_returning, source,
  customer_phone, customer_account_no, customer_name, note, issued_at, queued_at, target_counter_id,
  counter_id, serving_staff_id, owner_staff_id, called_at, first_called_at, recall_count, started_at, finished_at,
  outcome, items, state_reason, transfer_count, estimated_wait_sec, updated_at, change_seq`;
const PARAMS = `@id, @businessDay, @serviceId, @number, @dailySeq, @state, @priority, @returning, @source,
  @customerPhone, @customerAccountNo, @customerName, @note, @issuedAt, @queuedAt, @targetCounterId,
  @counterId, @servingStaffId, @ownerStaffId, @calledAt, @firstCalledAt, @recallCount, @startedAt, @finishedAt,
  @outcome, @items, @stateReason, @transferCount, @estimatedWaitSec, @updatedAt, @changeSeq`;

export function createTicketsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM tickets WHERE id = ?');
  const byNumber = db.prepare('SELECT * FROM tickets WHERE business_day = ? AND number = ?');
  const waiting = db.prepare("SELECT * FROM tickets WHERE state = 'waiting'");
  const active = db.prepare(
    "SELECT * FROM tickets WHERE serving_staff_id = ? AND state IN ('called', 'serving')",
  );
  const atCounter = db.prepare(
    "SELECT * FROM tickets WHERE counter_id = ? AND state IN ('called', 'serving')",
  );
  const heldBy = db.prepare(
    "SELECT * FROM tickets WHERE serving_staff_id = ? AND state IN ('called', 'serving', 'parked')",
  );
  const visible = db.prepare(
    "SELECT * FROM tickets WHERE business_day = ? OR state IN ('waiting', 'called', 'serving', 'parked') ORDER BY issued_at",
  );
  const openBefore = db.prepare(
    "SELECT * FROM tickets WHERE business_day < ? AND state IN ('waiting', 'called')",
  );
  const since = db.prepare('SELECT * FROM tickets WHERE change_seq > ?');
  const busyCounters = db.prepare(
    "SELECT DISTINCT counter_id FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL",
  );
  const recentHandling = db.prepare(`SELECT finished_at - started_at AS ms FROM tickets
    WHERE business_day = ? AND service_id = ? AND state = 'done' AND started_at IS NOT NULL
    ORDER BY finished_at DESC LIMIT 20`);
  const heldAtCounters =
    db.prepare(`SELECT counter_id, service_id, COALESCE(called_at, started_at) AS since
    FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL`);
  const handlingDays = db.prepare(`SELECT DISTINCT business_day FROM tickets
    WHERE business_day < ? AND state = 'done' ORDER BY business_day DESC LIMIT ?`);
  const handlingSince = db.prepare(`SELECT service_id, business_day, called_at,
    finished_at - called_at AS ms FROM tickets
    WHERE business_day >= ? AND business_day < ? AND state = 'done'
      AND called_at IS NOT NULL AND finished_at IS NOT NULL`);
  const arrivalsSince = db.prepare(`SELECT service_id, business_day, issued_at,
    priority != 'normal' AS high FROM tickets
    WHERE business_day >= ? AND business_day < ? AND source != 'walk_in' AND transfer_count = 0`);
  const toldSince = db.prepare(`SELECT service_id, estimated_wait_sec AS centre,
    (first_called_at - issued_at) / 1000.0 AS wait FROM tickets
    WHERE business_day >= ? AND business_day < ? AND first_called_at IS NOT NULL
      AND estimated_wait_sec IS NOT NULL AND no_counter_open = 0`);
  const recordRange = db.prepare(`UPDATE tickets SET estimated_wait_low_sec = @lowSec,
    estimated_wait_high_sec = @highSec, naive_wait_sec = @naiveSec, no_counter_open = @noCounterOpen
    WHERE id = @id`);
  const insert = db.prepare(`INSERT INTO tickets (${COLUMNS}) VALUES (${PARAMS})`);
  const update =
    db.prepare(`UPDATE tickets SET service_id = @serviceId, state = @state, priority = @priority,
    is_returning = @returning, note = @note, queued_at = @queuedAt, target_counter_id = @targetCounterId,
    counter_id = @counterId, serving_staff_id = @servingStaffId, owner_staff_id = @ownerStaffId,
    called_at = @calledAt, first_called_at = @firstCalledAt, recall_count = @recallCount, started_at = @startedAt, finished_at = @finishedAt,
    outcome = @outcome, items = @items, state_reason = @stateReason, transfer_count = @transferCount,
    estimated_wait_sec = @estimatedWaitSec, updated_at = @updatedAt, change_seq = @changeSeq WHERE id = @id`);
  const nextSeq =
    db.prepare(`INSERT INTO ticket_numbers (business_day, service_id, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (business_day, service_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`);
  const lastSeq = db.prepare(
    'SELECT last_seq FROM ticket_numbers WHERE business_day = ? AND service_id = ?',
  );
  const insertTransition =
    db.prepare(`INSERT INTO ticket_transitions (ticket_id, from_state, to_state, at,
    service_id, counter_id, staff_id, reason) VALUES (@ticketId, @fromState, @toState, @at, @serviceId,
    @counterId, @staffId, @reason)`);
  const transitionsOf = db.prepare(
    'SELECT * FROM ticket_transitions WHERE ticket_id = ? ORDER BY id',
  );
  const ofCustomer = db.prepare(`SELECT * FROM tickets
    WHERE (customer_account_no = @accountNo OR customer_phone = @phone) AND id != @exceptId
    ORDER BY issued_at DESC LIMIT 20`);

  const one = (r: unknown) => (r ? toTicket(r as Row) : undefined);
  const many = (rows: unknown[]) => (rows as Row[]).map(toTicket);

  return {
    byId: (id: string) => one(byId.get(id)),
    byNumber: (businessDay: string, number: string) => one(byNumber.get(businessDay, number)),
    waiting: () => many(waiting.all()),
    /** Called or serving tickets a clerk holds (parked ones aside). */
    activeOfStaff: (staffId: string) => many(active.all(staffId)),
    activeAtCounter: (counterId: string) => many(atCounter.all(counterId)),
    /** Called, serving or parked: what a staff member must finish or hand over before leaving. */
    heldByStaff: (staffId: string) => many(heldBy.all(staffId)),
    /** The business day's tickets plus any still open from earlier days. */
    visible: (businessDay: string) => many(visible.all(businessDay)),
    openBefore: (businessDay: string) => many(openBefore.all(businessDay)),
    changedSince: (seq: number) => many(since.all(seq)),
    busyCounterIds: () =>
      new Set((busyCounters.all() as { counter_id: string }[]).map((r) => r.counter_id)),
    recentHandleSec(businessDay: string, serviceId: string): number[] {
      return (recentHandling.all(businessDay, serviceId) as { ms: number }[])
        .map((r) => r.ms / 1000)
        .reverse();
    },
    /** Counter id → the service of the ticket called or served there, and since when. */
    heldAtCounters(): Map<string, { serviceId: string; sinceMs: number }> {
      const rows = heldAtCounters.all() as {
        counter_id: string;
        service_id: string;
        since: number;
      }[];
      return new Map(
        rows.map((r) => [r.counter_id, { serviceId: r.service_id, sinceMs: r.since }]),
      );
    },
    /** Finished visits (call to finish) of the last `days` business days with any before `businessDay`. */
    handlingHistory(businessDay: string, days: number) {
      const recent = handlingDays.pluck().all(businessDay, days) as string[];
      if (recent.length === 0) return [];
      const rows = handlingSince.all(recent.at(-1), businessDay) as {
        service_id: string;
        business_day: string;
        called_at: number;
        ms: number;
      }[];
      return rows.map((r) => ({
        serviceId: r.service_id,
        businessDay: r.business_day,
        calledAt: r.called_at,
        sec: r.ms / 1000,
      }));
    },
    /** Tickets issued over the last `days` business days with any before `businessDay`, and
     *  how many such days there were: the arrival rates the estimate expects. */
    arrivalHistory(businessDay: string, days: number) {
      const recent = handlingDays.pluck().all(businessDay, days) as string[];
      if (recent.length === 0) return { days: 0, tickets: [] };
      const rows = arrivalsSince.all(recent.at(-1), businessDay) as {
        service_id: string;
        business_day: string;
        issued_at: number;
        high: number;
      }[];
      return {
        days: recent.length,
        tickets: rows.map((r) => ({
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
      const recent = handlingDays.pluck().all(businessDay, days) as string[];
      if (recent.length === 0) return [];
      const rows = toldSince.all(recent.at(-1), businessDay) as {
        service_id: string;
        centre: number;
        wait: number;
      }[];
      return rows.map((r) => ({ serviceId: r.service_id, centreSec: r.centre, waitSec: r.wait }));
    },
    /** The range told at issue and the naive estimate beside it, for the accuracy report. */
    recordWaitRange(
      id: string,
      range: { lowSec: number; highSec: number; naiveSec: number; noCounterOpen: boolean },
    ): void {
      recordRange.run({ id, ...range, noCounterOpen: int(range.noCounterOpen) });
    },
    lastDailySeq(businessDay: string, serviceId: string): number {
      const r = lastSeq.get(businessDay, serviceId) as { last_seq: number } | undefined;
      return r?.last_seq ?? 0;
    },
    /** Takes the next number; inside the issuing transaction, so a rollback gives it back. */
    takeDailySeq(businessDay: string, serviceId: string): number {
      return (nextSeq.get(businessDay, serviceId) as { last_seq: number }).last_seq;
    },
    insert(ticket: Ticket, changeSeq: number): Ticket {
      const saved = { ...ticket, changeSeq };
      insert.run(toRow(saved));
      return saved;
    },
    save(ticket: Ticket, changeSeq: number): Ticket {
      const saved = { ...ticket, changeSeq };
      update.run(toRow(saved));
      return saved;
    },
    addTransition(t: NewTransition): void {
      insertTransition.run(t);
    },
    transitions: (ticketId: string) => transitionsOf.all(ticketId) as Row[],
    /** A visit's path: every transition in order, typed. */
    path: (ticketId: string): TicketTransition[] =>
      (transitionsOf.all(ticketId) as Row[]).map((r) => ({
        id: String(r.id),
        ticketId: str(r.ticket_id),
        fromState: strOrNull(r.from_state) as TicketState | null,
        toState: str(r.to_state) as TicketState,
        at: num(r.at),
        serviceId: str(r.service_id),
        counterId: strOrNull(r.counter_id),
        staffId: strOrNull(r.staff_id),
        reason: strOrNull(r.reason),
      })),
    /** A customer's latest visits (at most 20) by account number or phone, newest first. */
    ofCustomer: (key: { accountNo: string | null; phone: string | null }, exceptId: string) =>
      many(ofCustomer.all({ ...key, exceptId })),
  };
}
export type TicketsRepo = ReturnType<typeof createTicketsRepo>;
