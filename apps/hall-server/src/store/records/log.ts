import { field } from '../fields';
import { appendOnly } from '../record-kind';

/** One attributable command, accepted or refused, as the audit log keeps it. */
export interface AuditEntry {
  at: number;
  deviceId: string | null;
  staffId: string | null;
  command: string;
  commandId: string | null;
  /** The command's payload as JSON, secrets left out. */
  payload: string;
  /** `ok` or the refusal's code. */
  result: string;
  reason: string | null;
  /** The change it made, or null. */
  seq: number | null;
}

/** The audit log: rows are only ever added (migration 001's triggers refuse the rest). */
export const auditLog = appendOnly<AuditEntry>({
  table: 'audit_log',
  fields: {
    at: field.int('at'),
    deviceId: field.textOrNull('device_id'),
    staffId: field.textOrNull('staff_id'),
    command: field.text('command'),
    commandId: field.textOrNull('command_id'),
    payload: field.text('payload'),
    result: field.text('result'),
    reason: field.textOrNull('reason'),
    seq: field.intOrNull('seq'),
  },
  sync: { day: { kind: 'time', column: 'at' } },
});
