import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * Writes closed business days straight into a hall database (from 2025-11-24, `days` of them):
 * tickets with 4 transitions and 4 audit entries each, as a year of history would leave.
 */
export function writeHistory(file: string, tickets: number, days = 365): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const perDay = Math.ceil(tickets / days);
  const insertTicket = db.prepare(`INSERT INTO tickets (id, business_day, service_id, number,
    daily_seq, state, priority, is_returning, source, customer_phone, customer_account_no,
    customer_name, note, issued_at, queued_at, target_counter_id, counter_id, serving_staff_id,
    owner_staff_id, called_at, first_called_at, recall_count, started_at, finished_at, outcome, items, state_reason,
    transfer_count, estimated_wait_sec, updated_at, change_seq)
    VALUES (?, ?, 'svc-billing', ?, ?, 'done', 'normal', 0, 'kiosk', NULL, NULL, NULL, NULL, ?, ?,
      NULL, 'ctr-1', 'stf-clerk-1', 'stf-clerk-1', ?, ?, 0, ?, ?, 'completed', '[]', NULL, 0, 300, ?, 0)`);
  const insertTransition = db.prepare(`INSERT INTO ticket_transitions (ticket_id, from_state,
    to_state, at, service_id, counter_id, staff_id, reason) VALUES (?, ?, ?, ?, 'svc-billing',
    'ctr-1', 'stf-clerk-1', NULL)`);
  const insertAudit = db.prepare(`INSERT INTO audit_log (at, device_id, staff_id, command,
    command_id, payload, result, reason, seq) VALUES (?, 'dev-desk-1', 'stf-clerk-1', ?, ?, '{}',
    'ok', NULL, NULL)`);
  const start = Date.UTC(2025, 10, 24, 1);
  let written = 0;
  for (let d = 0; d < days && written < tickets; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    db.transaction(() => {
      for (let i = 1; i <= perDay && written < tickets; i++, written++) {
        const id = randomUUID();
        const t = start + d * 86_400_000 + i * 20_000;
        insertTicket.run(
          id,
          day,
          `A${String(i).padStart(4, '0')}`,
          i,
          t,
          t,
          t + 60_000,
          t + 60_000,
          t + 90_000,
          t + 300_000,
          t + 300_000,
        );
        insertTransition.run(id, null, 'waiting', t);
        insertTransition.run(id, 'waiting', 'called', t + 60_000);
        insertTransition.run(id, 'called', 'serving', t + 90_000);
        insertTransition.run(id, 'serving', 'done', t + 300_000);
        for (const name of ['ticket:issue', 'ticket:call-next', 'ticket:start', 'ticket:finish']) {
          insertAudit.run(t, name, randomUUID());
        }
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
