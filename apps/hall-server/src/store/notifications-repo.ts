import type { Consent, ConsentSource, NotifyLang } from '@onestop/shared';
import type { Db } from './db';
import { recordTable } from './record-table';
import { notifications } from './records';

// The notification outbox (issue 18 item 3) and the consents beside it (hall-local, no record
// kind: read here only).

interface ConsentRow {
  phone: string;
  account_no: string | null;
  given: number;
  source: ConsentSource;
  ticket_id: string | null;
  at: number;
  by_staff_id: string | null;
  by_device_id: string | null;
  lang: NotifyLang | null;
}

const consentOf = (r: ConsentRow): Consent => ({
  phone: r.phone,
  accountNo: r.account_no,
  given: r.given === 1,
  source: r.source,
  ticketId: r.ticket_id,
  at: r.at,
  byStaffId: r.by_staff_id,
  byDeviceId: r.by_device_id,
  ...(r.lang ? { lang: r.lang } : {}),
});

/** States that count as a text to the customer (the per-customer limit). */
const COUNTED = "('queued', 'sending', 'sent', 'held')";

export function createNotificationsRepo(db: Db) {
  const table = recordTable(db, notifications);
  const textsSince = db
    .prepare<[string, number], number>(
      `SELECT count(*) FROM notifications WHERE phone = ? AND created_at >= ? AND state IN ${COUNTED}`,
    )
    .pluck();
  // Waiting tickets whose phone has a consent covering them and that were never told their turn
  // is near: asked after every queue change, so one indexed query, not one per ticket.
  const untold = db
    .prepare<[], string>(
      `SELECT t.id FROM tickets t
       JOIN notification_consents c ON c.phone = t.customer_phone AND c.given = 1
       WHERE t.state = 'waiting' AND (c.ticket_id IS NULL OR c.ticket_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.subject_kind = 'ticket'
         AND n.subject_id = t.id AND n.purpose = 'turn_near')`,
    )
    .pluck();
  const consentsFor = db.prepare<[{ phone: string; accountNo: string | null }], ConsentRow>(
    `SELECT * FROM notification_consents
     WHERE phone = @phone OR (@accountNo IS NOT NULL AND account_no = @accountNo)`,
  );
  const consentByPhone = db.prepare<[string], ConsentRow>(
    'SELECT * FROM notification_consents WHERE phone = ?',
  );
  const consentByAccount = db.prepare<[string], ConsentRow>(
    'SELECT * FROM notification_consents WHERE account_no = ? ORDER BY at DESC LIMIT 1',
  );
  const saveConsent = db.prepare<[ConsentRow]>(
    `INSERT INTO notification_consents
       (phone, account_no, given, source, ticket_id, at, by_staff_id, by_device_id, lang)
     VALUES (@phone, @account_no, @given, @source, @ticket_id, @at, @by_staff_id, @by_device_id,
       @lang)
     ON CONFLICT (phone) DO UPDATE SET account_no = coalesce(excluded.account_no, account_no),
       given = excluded.given, source = excluded.source, ticket_id = excluded.ticket_id,
       at = excluded.at,
       by_staff_id = excluded.by_staff_id, by_device_id = excluded.by_device_id,
       lang = coalesce(excluded.lang, lang)`,
  );
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    insert: table.insert,
    save: table.save,
    /** Texts queued, held, sending or sent to `phone` since `since` (the per-customer limit). */
    textsSince: (phone: string, since: number): number => textsSince.get(phone, since) ?? 0,
    /** Waiting tickets with a consent covering them, not yet told their turn is near. */
    untoldWaiting: (): string[] => untold.all(),
    /** Queued or held rows due by `now`, oldest first, at most `limit`. */
    due: table.select<[number, number]>(
      `WHERE state IN ('queued', 'held') AND next_attempt_at <= ?
       ORDER BY next_attempt_at LIMIT ?`,
    ),
    /** Rows a stopped worker left with the gateway: sent again (at-least-once). */
    sending: table.select("WHERE state = 'sending'"),
    ofPhone: table.select<[string]>('WHERE phone = ? ORDER BY created_at DESC LIMIT 100'),
    ofAccount: table.select<[string]>('WHERE account_no = ? ORDER BY created_at DESC LIMIT 100'),
    ofSubject: table.select<[string, string]>(
      'WHERE subject_kind = ? AND subject_id = ? ORDER BY created_at DESC LIMIT 100',
    ),
    /** Today's (since `dayStart`) and any not yet settled, for the staff snapshot. */
    current: table.select<[number]>(
      `WHERE created_at >= ? OR state IN ('queued', 'sending', 'held', 'failed')
       ORDER BY created_at DESC LIMIT 1000`,
    ),
    /** The consents that decide for this phone and account (opt-out on either wins). */
    consentsFor: (phone: string, accountNo: string | null): Consent[] =>
      consentsFor.all({ phone, accountNo }).map(consentOf),
    consentOfPhone: (phone: string): Consent | null => {
      const row = consentByPhone.get(phone);
      return row ? consentOf(row) : null;
    },
    consentOfAccount: (accountNo: string): Consent | null => {
      const row = consentByAccount.get(accountNo);
      return row ? consentOf(row) : null;
    },
    saveConsent: (c: Consent): void => {
      saveConsent.run({
        phone: c.phone,
        account_no: c.accountNo,
        given: c.given ? 1 : 0,
        source: c.source,
        ticket_id: c.ticketId,
        at: c.at,
        by_staff_id: c.byStaffId,
        by_device_id: c.byDeviceId,
        lang: c.lang ?? null,
      });
    },
  };
}
