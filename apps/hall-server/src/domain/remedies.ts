import {
  type GrantingRole,
  MAX_REMEDY_AMOUNT,
  type ComplaintClass,
  type ExceededLimit,
  type RemedyGrant,
  type RemedyKind,
  type RemedyLimits,
  type Role,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Remedy authority (授权): who may grant, within which limits at once, and the duty leader's
// decision on a grant above a limit. Pure: the handler reads the sums and the owners.

/** The most senior role first: a staff member with several is held to the widest limits. */
const SENIORITY: readonly GrantingRole[] = ['duty_leader', 'backoffice', 'clerk', 'guide'];

/** The role whose limits apply to this staff member for this kind, or null: none may grant it. */
export function grantingRole(
  roles: readonly Role[],
  kind: Pick<RemedyKind, 'limits'>,
): { role: GrantingRole; limits: RemedyLimits } | null {
  for (const role of SENIORITY) {
    const limits = kind.limits[role];
    if (roles.includes(role) && limits) return { role, limits };
  }
  return null;
}

/** A valid amount: a whole, positive number of fen or acts, bounded. */
export function validAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_REMEDY_AMOUNT;
}

/** What has been granted (or asked for) before this grant, in the kind's unit. */
export interface GrantedSoFar {
  /** To the same customer, of this kind, today (granted, approved, pending). */
  customerToday: number;
  /** By the same staff member, of this kind, this calendar month (granted, approved, pending). */
  staffThisMonth: number;
}

/** The first limit `amount` goes past, with the limit's value, or null: within every one. */
export function exceededLimit(
  amount: number,
  limits: RemedyLimits,
  soFar: GrantedSoFar,
): { exceeded: ExceededLimit; limit: number } | null {
  if (amount > limits.perGrant) return { exceeded: 'per_grant', limit: limits.perGrant };
  if (soFar.customerToday + amount > limits.perCustomerPerDay) {
    return { exceeded: 'per_customer_per_day', limit: limits.perCustomerPerDay };
  }
  if (soFar.staffThisMonth + amount > limits.perStaffPerMonth) {
    return { exceeded: 'per_staff_per_month', limit: limits.perStaffPerMonth };
  }
  return null;
}

/**
 * Every identifier a grant's customer is known by, whichever are known on its visit and case:
 * the visit, the case, the case's visit, each phone and each account number. The per-customer
 * limit counts a grant against all of them (whole numbers: kept in the hall, never sent).
 */
export function customerKeys(on: {
  ticketIds: readonly (string | null)[];
  caseIds: readonly (string | null)[];
  phones: readonly (string | null)[];
  accountNos: readonly (string | null)[];
}): string[] {
  const keys = [
    ...on.accountNos.map((a) => (a ? `account:${a}` : null)),
    ...on.phones.map((p) => (p ? `phone:${p}` : null)),
    ...on.ticketIds.map((t) => (t ? `ticket:${t}` : null)),
    ...on.caseIds.map((c) => (c ? `case:${c}` : null)),
  ];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

/** One of today's grants of a kind counted against the limits, with its customer's identifiers. */
export interface KeyedAmount {
  keys: readonly string[];
  amount: number;
}

/**
 * What one customer (known by `keys`) was granted today: the sum over every grant linked to
 * them through ANY identifier, and through those grants' identifiers in turn (a phone on one
 * visit, that phone with an account number on the next, that account number on a third: one
 * customer, one day's limit).
 */
export function customerDayTotal(keys: readonly string[], today: readonly KeyedAmount[]): number {
  const known = new Set(keys);
  const counted = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    today.forEach((g, i) => {
      if (counted.has(i) || !g.keys.some((k) => known.has(k))) return;
      counted.add(i);
      for (const k of g.keys) known.add(k);
      grew = true;
    });
  }
  let total = 0;
  for (const i of counted) total += today[i]!.amount;
  return total;
}

export interface GrantRequest {
  id: string;
  kind: RemedyKind;
  amount: number;
  reason: string;
  ticketId: string | null;
  caseId: string | null;
  customerMasked: string | null;
  complaintClass: ComplaintClass | undefined;
  staff: { id: string; roles: readonly Role[] };
  /** The owner of each record it is given on: the visit's first handler, the case's owner. */
  owners: readonly (string | null)[];
  soFar: GrantedSoFar;
  businessDay: string;
}

/**
 * A new grant: `granted` within the granter's limits, else `pending` for the duty leader with
 * the limit it went past and when it expires. Only the owner of the visit or case grants on
 * it, or the duty leader.
 */
export function grantRemedy(req: GrantRequest, now: number): Result<RemedyGrant> {
  const { kind, staff } = req;
  if (!kind.active) return reject('remedy_inactive', `Remedy ${kind.code}.`);
  if (req.ticketId === null && req.caseId === null) {
    return reject('invalid_payload', 'ticketId or caseId: the visit or case it answers');
  }
  if (!validAmount(req.amount)) {
    return reject('invalid_payload', `amount: a whole number from 1 to ${MAX_REMEDY_AMOUNT}`);
  }
  const applied = grantingRole(staff.roles, kind);
  if (!applied) return reject('remedy_not_allowed', `Remedy ${kind.code}.`);
  const leader = applied.role === 'duty_leader';
  if (!leader && !req.owners.every((owner) => owner === staff.id)) return reject('not_yours');
  const over = exceededLimit(req.amount, applied.limits, req.soFar);
  return accept({
    id: req.id,
    remedyKindId: kind.id,
    amount: req.amount,
    reason: req.reason,
    ticketId: req.ticketId,
    caseId: req.caseId,
    customerMasked: req.customerMasked,
    complaintClass: req.complaintClass ?? kind.complaintClass,
    grantedByStaffId: staff.id,
    grantingRole: applied.role,
    state: over ? 'pending' : 'granted',
    exceeded: over?.exceeded ?? null,
    exceededLimit: over?.limit ?? null,
    requestedAt: now,
    approvalDueAt: over ? now + kind.approvalTimeoutMin * 60_000 : null,
    remindedAt: null,
    decidedByStaffId: null,
    decidedAt: null,
    decisionNote: null,
    businessDay: req.businessDay,
    changeSeq: 0,
  });
}

/** Whether a pending grant's wait is over (whether or not the sweep has marked it yet). */
function isPastDue(grant: RemedyGrant, now: number): boolean {
  return grant.approvalDueAt !== null && now >= grant.approvalDueAt;
}

/** The duty leader approves or rejects a pending grant, never their own, before it expires. */
export function decideGrant(
  grant: RemedyGrant,
  leaderId: string,
  decision: 'approve' | 'reject',
  note: string | null,
  now: number,
): Result<RemedyGrant> {
  if (grant.state === 'expired') return reject('grant_expired');
  if (grant.state !== 'pending') return reject('grant_not_pending', `It is ${grant.state}.`);
  if (isPastDue(grant, now)) return reject('grant_expired');
  if (grant.grantedByStaffId === leaderId) return reject('own_grant');
  if (decision === 'reject' && !note) return reject('reason_required');
  return accept({
    ...grant,
    state: decision === 'approve' ? 'approved' : 'rejected',
    decidedByStaffId: leaderId,
    decidedAt: now,
    decisionNote: note,
  });
}

/** The granter withdraws a grant still waiting for the duty leader. */
export function cancelGrant(grant: RemedyGrant, staffId: string, now: number): Result<RemedyGrant> {
  if (grant.grantedByStaffId !== staffId) return reject('not_yours');
  if (grant.state !== 'pending') return reject('grant_not_pending', `It is ${grant.state}.`);
  return accept({ ...grant, state: 'cancelled', decidedByStaffId: staffId, decidedAt: now });
}

/**
 * What the approval sweep does with the pending grants at `now`: remind the duty leader once at
 * half the timeout, and expire those past it (told nothing more: the granter sees `expired`).
 */
export function sweepGrants(
  pending: readonly RemedyGrant[],
  now: number,
): { remind: RemedyGrant[]; expire: RemedyGrant[] } {
  const remind: RemedyGrant[] = [];
  const expire: RemedyGrant[] = [];
  for (const g of pending) {
    if (g.state !== 'pending' || g.approvalDueAt === null) continue;
    if (isPastDue(g, now)) {
      expire.push({ ...g, state: 'expired', decidedAt: now });
    } else if (
      g.remindedAt === null &&
      now >= g.requestedAt + (g.approvalDueAt - g.requestedAt) / 2
    ) {
      remind.push({ ...g, remindedAt: now });
    }
  }
  return { remind, expire };
}

/** `YYYY-MM` of a business day: the month the per-staff limit counts in. */
export function monthOf(businessDay: string): string {
  return businessDay.slice(0, 7);
}
