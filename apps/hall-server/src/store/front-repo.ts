import type { Appointment, CustomerRecord, Opinion } from '@onestop/shared';
import type { Db } from './db';
import { bool, int, num, numOrNull, str, strOrNull, type Row } from './rows';

// The hall-facing posts' records: the customer list, appointments, supervision-box opinions,
// and the key that signs ticket status tokens.

function toCustomer(r: Row): CustomerRecord {
  return {
    accountNo: str(r.account_no),
    name: str(r.name),
    phone: strOrNull(r.phone),
    vip: bool(r.is_vip),
    changeSeq: num(r.change_seq),
  };
}

function toAppointment(r: Row): Appointment {
  return {
    id: str(r.id),
    code: str(r.code),
    serviceId: str(r.service_id),
    customer: {
      phone: strOrNull(r.customer_phone),
      accountNo: strOrNull(r.customer_account_no),
      name: strOrNull(r.customer_name),
    },
    windowStart: num(r.window_start),
    windowEnd: num(r.window_end),
    state: str(r.state) as Appointment['state'],
    ticketId: strOrNull(r.ticket_id),
    createdAt: num(r.created_at),
    changeSeq: num(r.change_seq),
  };
}

function toOpinion(r: Row): Opinion {
  return {
    id: str(r.id),
    category: str(r.category) as Opinion['category'],
    text: str(r.text),
    contact: strOrNull(r.contact),
    ticketId: strOrNull(r.ticket_id),
    source: str(r.source) as Opinion['source'],
    staffId: strOrNull(r.staff_id),
    handlerStaffId: strOrNull(r.handler_staff_id),
    customerKey: strOrNull(r.customer_key),
    repeated: bool(r.is_repeated),
    state: str(r.state) as Opinion['state'],
    createdAt: num(r.created_at),
    closedAt: numOrNull(r.closed_at),
    resolution: strOrNull(r.resolution),
    changeSeq: num(r.change_seq),
  };
}

export function createCustomersRepo(db: Db) {
  const byAccount = db.prepare('SELECT * FROM customers WHERE account_no = ?');
  const upsert = db.prepare(`INSERT INTO customers (account_no, name, phone, is_vip, change_seq)
    VALUES (@accountNo, @name, @phone, @vip, @changeSeq)
    ON CONFLICT (account_no) DO UPDATE SET name = excluded.name, phone = excluded.phone,
      is_vip = excluded.is_vip, change_seq = excluded.change_seq`);
  const where = `WHERE (@search = '' OR account_no LIKE @like ESCAPE '\\' OR name LIKE @like
      ESCAPE '\\' OR phone LIKE @like ESCAPE '\\') AND (@vipOnly = 0 OR is_vip = 1)`;
  const search = db.prepare(`SELECT * FROM customers ${where} ORDER BY account_no LIMIT @limit`);
  const count = db.prepare(`SELECT count(*) AS n FROM customers ${where}`);
  return {
    /** Customers whose account number, name or phone contains `text`, by account number. */
    search(text: string, vipOnly: boolean, limit: number) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const args = { search: text, like, vipOnly: int(vipOnly), limit };
      return {
        customers: (search.all(args) as Row[]).map(toCustomer),
        total: (count.get(args) as { n: number }).n,
      };
    },
    byAccountNo(accountNo: string): CustomerRecord | undefined {
      const r = byAccount.get(accountNo) as Row | undefined;
      return r && toCustomer(r);
    },
    save(customer: CustomerRecord, changeSeq: number): CustomerRecord {
      const saved = { ...customer, changeSeq };
      upsert.run({ ...saved, vip: int(saved.vip) });
      return saved;
    },
  };
}

export function createAppointmentsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM appointments WHERE id = ?');
  const bookedByCode = db.prepare("SELECT * FROM appointments WHERE code = ? AND state = 'booked'");
  const bookedByPhone = db.prepare(
    "SELECT * FROM appointments WHERE customer_phone = ? AND state = 'booked' AND business_day = ? ORDER BY window_start",
  );
  const ofDay = db.prepare(
    'SELECT * FROM appointments WHERE business_day = ? ORDER BY window_start',
  );
  const since = db.prepare('SELECT * FROM appointments WHERE change_seq > ?');
  const staleBooked = db.prepare(
    "SELECT * FROM appointments WHERE state = 'booked' AND business_day < ?",
  );
  const codeTaken = db.prepare("SELECT 1 FROM appointments WHERE code = ? AND state = 'booked'");
  const upsert = db.prepare(`INSERT INTO appointments (id, code, service_id, customer_phone,
      customer_account_no, customer_name, window_start, window_end, business_day, state, ticket_id,
      created_at, change_seq)
    VALUES (@id, @code, @serviceId, @phone, @accountNo, @name, @windowStart, @windowEnd, @businessDay,
      @state, @ticketId, @createdAt, @changeSeq)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, ticket_id = excluded.ticket_id,
      change_seq = excluded.change_seq`);
  const one = (r: unknown) => (r ? toAppointment(r as Row) : undefined);
  return {
    byId: (id: string) => one(byId.get(id)),
    bookedByCode: (code: string) => one(bookedByCode.get(code)),
    bookedByPhone: (phone: string, businessDay: string) =>
      (bookedByPhone.all(phone, businessDay) as Row[]).map(toAppointment),
    ofDay: (businessDay: string) => (ofDay.all(businessDay) as Row[]).map(toAppointment),
    changedSince: (seq: number) => (since.all(seq) as Row[]).map(toAppointment),
    staleBooked: (businessDay: string) =>
      (staleBooked.all(businessDay) as Row[]).map(toAppointment),
    isCodeTaken: (code: string) => codeTaken.get(code) !== undefined,
    save(appointment: Appointment, businessDay: string, changeSeq: number): Appointment {
      const saved = { ...appointment, changeSeq };
      upsert.run({ ...saved, ...saved.customer, businessDay });
      return saved;
    },
  };
}

export function createOpinionsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM opinions WHERE id = ?');
  const current = db.prepare(
    "SELECT * FROM opinions WHERE state != 'closed' OR created_at >= ? ORDER BY created_at",
  );
  const since = db.prepare('SELECT * FROM opinions WHERE change_seq > ?');
  const ofTicket = db.prepare('SELECT * FROM opinions WHERE ticket_id = ? ORDER BY created_at');
  const ofCustomer = db.prepare(
    'SELECT * FROM opinions WHERE customer_key IN (@accountNo, @phone) ORDER BY created_at DESC LIMIT 20',
  );
  const upsert = db.prepare(`INSERT INTO opinions (id, category, text, contact, ticket_id, source,
      staff_id, handler_staff_id, customer_key, is_repeated, state, created_at, closed_at,
      resolution, change_seq)
    VALUES (@id, @category, @text, @contact, @ticketId, @source, @staffId, @handlerStaffId,
      @customerKey, @repeated, @state, @createdAt, @closedAt, @resolution, @changeSeq)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, closed_at = excluded.closed_at,
      resolution = excluded.resolution, handler_staff_id = excluded.handler_staff_id,
      change_seq = excluded.change_seq`);
  const earlierOf = db.prepare(
    'SELECT 1 FROM opinions WHERE customer_key = ? AND created_at >= ? AND created_at < ? LIMIT 1',
  );
  const one = (r: unknown) => (r ? toOpinion(r as Row) : undefined);
  return {
    byId: (id: string) => one(byId.get(id)),
    /** Open ones, and any created since `from` (today's, closed or not). */
    current: (from: number) => (current.all(from) as Row[]).map(toOpinion),
    ofTicket: (ticketId: string) => (ofTicket.all(ticketId) as Row[]).map(toOpinion),
    /** A customer's latest opinions (at most 20) by account number or phone, newest first. */
    ofCustomer: (key: { accountNo: string | null; phone: string | null }) =>
      (ofCustomer.all(key) as Row[]).map(toOpinion),
    changedSince: (seq: number) => (since.all(seq) as Row[]).map(toOpinion),
    /** Whether the customer left another opinion between `from` and `until`. */
    hasEarlier: (customerKey: string, from: number, until: number) =>
      earlierOf.get(customerKey, from, until) !== undefined,
    save(opinion: Opinion, changeSeq: number): Opinion {
      const saved = { ...opinion, changeSeq };
      upsert.run({ ...saved, repeated: int(saved.repeated) });
      return saved;
    },
  };
}

export function createHallKeysRepo(db: Db) {
  const get = db.prepare('SELECT status_key FROM hall_keys WHERE id = 1').pluck();
  let cached: Buffer | undefined;
  return {
    statusKey(): Buffer {
      cached ??= get.get() as Buffer;
      return cached;
    },
  };
}
