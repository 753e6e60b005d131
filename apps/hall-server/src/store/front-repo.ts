import type { Appointment } from '@onestop/shared';
import type { Db } from './db';
import { recordTable } from './record-table';
import { appointments, customers, opinions } from './records';

// The hall-facing posts' records: the customer list, appointments, supervision-box opinions,
// and the key that signs ticket status tokens.

export function createCustomersRepo(db: Db) {
  const table = recordTable(db, customers);
  const where = `WHERE (@search = '' OR account_no LIKE @like ESCAPE '\\' OR name LIKE @like
      ESCAPE '\\' OR phone LIKE @like ESCAPE '\\') AND (@vipOnly = 0 OR is_vip = 1)`;
  type Search = { search: string; like: string; vipOnly: number };
  const search = table.select<[Search & { limit: number }]>(
    `${where} ORDER BY account_no LIMIT @limit`,
  );
  const count = db
    .prepare<[Search], number>(`SELECT count(*) AS n FROM customers ${where}`)
    .pluck();
  const perManager = db.prepare<[], { staffId: string; vips: number }>(
    `SELECT account_manager_staff_id AS staffId, count(*) AS vips FROM customers
      WHERE account_manager_staff_id IS NOT NULL AND is_vip = 1
      GROUP BY account_manager_staff_id ORDER BY account_manager_staff_id`,
  );
  const ofManager = table.select<[string]>(
    'WHERE account_manager_staff_id = ? AND is_vip = 1 ORDER BY account_no LIMIT 500',
  );
  return {
    /** Customers whose account number, name or phone contains `text`, by account number. */
    search(text: string, vipOnly: boolean, limit: number) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const args = { search: text, like, vipOnly: vipOnly ? 1 : 0 };
      return { customers: search({ ...args, limit }), total: count.get(args) ?? 0 };
    },
    byAccountNo: table.byKey,
    save: table.save,
    /** How many VIPs each account manager has. */
    managerCounts: () => perManager.all(),
    /** The VIPs an account manager looks after (at most 500), by account number. */
    ofManager,
  };
}

export function createAppointmentsRepo(db: Db) {
  const table = recordTable(db, appointments);
  const codeTaken = db
    .prepare<[string], 1>("SELECT 1 FROM appointments WHERE code = ? AND state = 'booked'")
    .pluck();
  return {
    byId: table.byKey,
    bookedByCode: table.first<[string]>("WHERE code = ? AND state = 'booked'"),
    bookedByPhone: table.select<[string, string]>(
      "WHERE customer_phone = ? AND state = 'booked' AND business_day = ? ORDER BY window_start",
    ),
    ofDay: table.select<[string]>('WHERE business_day = ? ORDER BY window_start'),
    changedSince: table.changedSince,
    staleBooked: table.select<[string]>("WHERE state = 'booked' AND business_day < ?"),
    isCodeTaken: (code: string) => codeTaken.get(code) !== undefined,
    /** Once booked, only its state and ticket change; `businessDay` is kept from the booking. */
    save(appointment: Appointment, businessDay: string, changeSeq: number): Appointment {
      return table.save(appointment, changeSeq, { business_day: businessDay });
    },
  };
}

export function createOpinionsRepo(db: Db) {
  const table = recordTable(db, opinions);
  const earlierOf = db
    .prepare<[string, number, number], 1>(
      'SELECT 1 FROM opinions WHERE customer_key = ? AND created_at >= ? AND created_at < ? LIMIT 1',
    )
    .pluck();
  return {
    byId: table.byKey,
    /** Open ones, and any created since `from` (today's, closed or not). */
    current: table.select<[number]>(
      "WHERE state != 'closed' OR created_at >= ? ORDER BY created_at",
    ),
    ofTicket: table.select<[string]>('WHERE ticket_id = ? ORDER BY created_at'),
    /** A customer's latest opinions (at most 20) by account number or phone, newest first. */
    ofCustomer: table.select<[{ accountNo: string | null; phone: string | null }]>(
      'WHERE customer_key IN (@accountNo, @phone) ORDER BY created_at DESC LIMIT 20',
    ),
    changedSince: table.changedSince,
    /** Whether the customer left another opinion between `from` and `until`. */
    hasEarlier: (customerKey: string, from: number, until: number) =>
      earlierOf.get(customerKey, from, until) !== undefined,
    /** What the customer said stays as said: only its handling changes. */
    save: table.save,
  };
}

export function createHallKeysRepo(db: Db) {
  const get = db.prepare<[], Buffer>('SELECT status_key FROM hall_keys WHERE id = 1').pluck();
  let cached: Buffer | undefined;
  return {
    statusKey(): Buffer {
      cached ??= get.get();
      if (!cached) throw new Error('the hall has no status key (migration 002 makes one)');
      return cached;
    },
  };
}
