import { maskCustomer } from '@onestop/shared';
import type { Store } from '../store/store';
import type { Actor } from './context';
import { isRecord } from './is-record';

// The audit log: one row per command that a device can be held to, with what it asked for
// (secrets out, customer data masked) and what came of it.

const SECRET_KEYS = new Set([
  'pin',
  'pairingCode',
  'deviceToken',
  'sessionToken',
  // Customer identification (docs/customer-identification.md): an ID number is never kept,
  // nor the token that stands for an account.
  'idNumber',
  'identityToken',
]);

/** The most of a command's `reason` one audit row keeps. */
export const AUDIT_REASON_MAX = 500;

/** What the audit log keeps of a payload: secrets out, customer data masked, bounded size. */
export function auditSummary(payload: unknown): string {
  const text = JSON.stringify(payload, (key, value: unknown) => {
    if (SECRET_KEYS.has(key)) return '***';
    // `customer:identify`'s scanned code or read ID number: whatever its source claims to be.
    if (isRecord(value) && 'source' in value && 'value' in value) return { ...value, value: '***' };
    if (key === 'customer' && isRecord(value)) {
      const strings = (v: unknown) => (typeof v === 'string' ? v : null);
      return maskCustomer({
        phone: strings(value.phone),
        accountNo: strings(value.accountNo),
        name: strings(value.name),
      });
    }
    return value;
  });
  return (text ?? 'null').slice(0, 2000);
}

export interface AuditEntry {
  name: string;
  actor: Actor | null;
  commandId: string | null;
  payload: unknown;
  /** The validated arguments, when the payload got that far: `reason` is read from these. */
  args?: unknown;
  result: string;
  seq?: number | null;
  now: number;
}

export function writeAudit(store: Store, entry: AuditEntry): void {
  // Never from the raw payload (a refused one may carry 60 KB); capped all the same.
  const reason = isRecord(entry.args) ? entry.args.reason : undefined;
  store.log.audit({
    at: entry.now,
    deviceId: entry.actor?.device?.id ?? null,
    staffId: entry.actor?.staff?.id ?? null,
    command: entry.name,
    commandId: entry.commandId,
    payload: auditSummary(entry.payload),
    result: entry.result,
    reason: typeof reason === 'string' ? reason.slice(0, AUDIT_REASON_MAX) : null,
    seq: entry.seq ?? null,
  });
}
