import type { Db } from './db';

// The command log: the first result of each acknowledged command (idempotency), and the
// append-only audit log of every command, refused ones included.

export interface AuditEntry {
  at: number;
  deviceId: string | null;
  staffId: string | null;
  command: string;
  commandId: string | null;
  payload: string;
  result: string;
  reason: string | null;
  seq: number | null;
}

export function createLogRepo(db: Db) {
  const findResult = db.prepare('SELECT command, result FROM command_results WHERE command_id = ?');
  const saveResult = db.prepare(
    'INSERT INTO command_results (command_id, command, device_id, result, at) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = db.prepare('DELETE FROM command_results WHERE at < ?');
  const audit =
    db.prepare(`INSERT INTO audit_log (at, device_id, staff_id, command, command_id, payload, result,
    reason, seq) VALUES (@at, @deviceId, @staffId, @command, @commandId, @payload, @result, @reason, @seq)`);
  const recent = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  const since = db.prepare(
    `SELECT id, at, command, device_id AS deviceId, staff_id AS staffId, payload, result, reason
     FROM audit_log WHERE at >= ? ORDER BY id LIMIT ?`,
  );

  return {
    findResult(commandId: string): { command: string; result: unknown } | undefined {
      const r = findResult.get(commandId) as { command: string; result: string } | undefined;
      return r && { command: r.command, result: JSON.parse(r.result) as unknown };
    },
    saveResult(
      commandId: string,
      command: string,
      deviceId: string | null,
      result: unknown,
      at: number,
    ): void {
      saveResult.run(commandId, command, deviceId, JSON.stringify(result), at);
    },
    pruneResults(before: number): number {
      return prune.run(before).changes;
    },
    audit(entry: AuditEntry): void {
      audit.run(entry);
    },
    recentAudit: (limit: number) => recent.all(limit) as Record<string, unknown>[],
    /** Audit entries from `at` on, oldest first. */
    auditSince: (at: number, limit: number) =>
      since.all(at, limit) as {
        id: number;
        at: number;
        command: string;
        deviceId: string | null;
        staffId: string | null;
        payload: string;
        result: string;
        reason: string | null;
      }[],
  };
}
export type LogRepo = ReturnType<typeof createLogRepo>;
