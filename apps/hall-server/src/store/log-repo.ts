import type { Db } from './db';
import { appendOnlyTable } from './record-table';
import { auditLog, type AuditEntry } from './records';

// The command log: the first result of each acknowledged command of a device (idempotency,
// keyed by device and command id), and the append-only audit log of attributable commands.

export type { AuditEntry };

/** An audit entry as read back. */
export interface AuditRow {
  id: number;
  at: number;
  command: string;
  deviceId: string | null;
  staffId: string | null;
  payload: string;
  result: string;
  reason: string | null;
}

/** An audit log row as stored (columns by their names): what the tests and tools read back. */
export interface AuditLogRow {
  id: number;
  at: number;
  device_id: string | null;
  staff_id: string | null;
  command: string;
  command_id: string | null;
  payload: string;
  result: string;
  reason: string | null;
  seq: number | null;
}

export interface StoredResult {
  command: string;
  payloadHash: string | null;
  result: unknown;
}

export function createLogRepo(db: Db) {
  const findResult = db.prepare<
    [string, string],
    { command: string; payload_hash: string | null; result: string }
  >(
    'SELECT command, payload_hash, result FROM command_results WHERE device_id = ? AND command_id = ?',
  );
  const saveResult = db.prepare<
    [string, string, string, string, string, number]
  >(`INSERT INTO command_results
    (device_id, command_id, command, payload_hash, result, at) VALUES (?, ?, ?, ?, ?, ?)`);
  const prune = db.prepare<[number]>('DELETE FROM command_results WHERE at < ?');
  const audit = appendOnlyTable(db, auditLog);
  const recent = db.prepare<[number], AuditLogRow>(
    'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?',
  );
  const since = db.prepare<[number, number], AuditRow>(
    `SELECT id, at, command, device_id AS deviceId, staff_id AS staffId, payload, result, reason
     FROM audit_log WHERE at >= ? ORDER BY id LIMIT ?`,
  );
  // What the shift log may show (shift-log.ts words each line, SHIFT_COMMANDS there names the
  // same commands): selected here, not after a LIMIT over every command, or a busy day's calls
  // (or a hostile desk's refusals) would push the shift's overrides and reveals out of it.
  const shift = db.prepare<[number, number], AuditRow>(
    `SELECT id, at, command, device_id AS deviceId, staff_id AS staffId, payload, result, reason
     FROM audit_log WHERE at >= ? AND result = 'ok' AND (
       command GLOB 'override:*' OR command GLOB 'opinion:*' OR command GLOB 'alert:*'
       OR command GLOB 'follow-up:*' OR command GLOB 'handover:*' OR command GLOB 'admin:*'
       OR command GLOB 'device:*'
       OR command IN ('ticket:cancel', 'ticket:reinstate', 'ticket:reassign-owner',
         'hall:set-notice', 'customer:reveal-contact', 'remedy:decide')
       OR (command GLOB 'system:*'
         AND command NOT IN ('system:evaluation-timeout', 'system:alert-sweep')
         AND command NOT GLOB 'system:notification-*')
       OR (command = 'staff:sign-out' AND reason IS NOT NULL)
       OR (command IN ('staff:sign-in', 'staff:sign-out')
         AND device_id IN (SELECT id FROM devices WHERE counter_id IS NULL)))
     ORDER BY id DESC LIMIT ?`,
  );

  return {
    /** The first result of `commandId` from this device; `payloadHash` null for pre-005 rows. */
    findResult(deviceId: string, commandId: string): StoredResult | undefined {
      const r = findResult.get(deviceId, commandId);
      const result: unknown = r && JSON.parse(r.result);
      return r && { command: r.command, payloadHash: r.payload_hash, result };
    },
    saveResult(entry: {
      deviceId: string;
      commandId: string;
      command: string;
      payloadHash: string;
      result: unknown;
      at: number;
    }): void {
      saveResult.run(
        entry.deviceId,
        entry.commandId,
        entry.command,
        entry.payloadHash,
        JSON.stringify(entry.result),
        entry.at,
      );
    },
    pruneResults(before: number): number {
      return prune.run(before).changes;
    },
    audit(entry: AuditEntry): void {
      audit.add(entry);
    },
    recentAudit: (limit: number): AuditLogRow[] => recent.all(limit),
    /**
     * The shift log's candidates from `at` on, oldest first: the latest `limit` of them. Sign-ins
     * and sign-outs on desks bound to no counter are candidates (step-in, step-out).
     */
    shiftSince: (at: number, limit: number) => shift.all(at, limit).reverse(),
    /** Audit entries from `at` on, oldest first. */
    auditSince: (at: number, limit: number) => since.all(at, limit),
  };
}
export type LogRepo = ReturnType<typeof createLogRepo>;
