import type {
  GrantingRole,
  RemedyGrant,
  RemedyKind,
  RemedyLimits,
  RemedyUnit,
  Snapshot,
  StaffRole,
} from '@onestop/shared';

// What the grant dialog, the console's approvals and the admin's catalogue show of remedies:
// display only (the hall decides and refuses with a code).

const SENIORITY: readonly GrantingRole[] = ['duty_leader', 'backoffice', 'clerk', 'guide'];

/** The limits the hall will apply to this person for this kind (as domain/remedies.ts), or null. */
export function myLimits(kind: RemedyKind, roles: readonly StaffRole[]): RemedyLimits | null {
  for (const role of SENIORITY) {
    const limits = kind.limits[role];
    if (roles.includes(role) && limits) return limits;
  }
  return null;
}

/** The catalogue's active entries this person may grant, in the admin's order. */
export function grantableKinds(hall: Snapshot, roles: readonly StaffRole[]): RemedyKind[] {
  return (hall.remedyKinds ?? [])
    .filter((k) => k.active && myLimits(k, roles) !== null)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

/** An amount as people read it: fen as yuan with two decimals, a count as it is. */
export function amountText(amount: number, unit: RemedyUnit): string {
  return unit === 'yuan' ? (amount / 100).toFixed(2) : String(amount);
}

/** What was typed, in the kind's unit (fen for yuan), or null when it is not a valid amount. */
export function parseAmount(text: string, unit: RemedyUnit): number | null {
  const t = text.trim();
  if (unit === 'count') return /^\d{1,6}$/.test(t) && Number(t) > 0 ? Number(t) : null;
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null;
  const fen = Math.round(Number(t) * 100);
  return fen > 0 ? fen : null;
}

/** Pending grants, the one due first on top. */
export function pendingGrants(hall: Snapshot): RemedyGrant[] {
  return (hall.remedyGrants ?? [])
    .filter((g) => g.state === 'pending')
    .sort((a, b) => (a.approvalDueAt ?? 0) - (b.approvalDueAt ?? 0));
}

/** Grants made on the hall's business day, newest first (the daily review). */
export function grantsOfToday(hall: Snapshot): RemedyGrant[] {
  return (hall.remedyGrants ?? [])
    .filter((g) => g.businessDay === hall.businessDay)
    .sort((a, b) => b.requestedAt - a.requestedAt);
}

export function kindOf(hall: Snapshot, id: string): RemedyKind | undefined {
  return (hall.remedyKinds ?? []).find((k) => k.id === id);
}
