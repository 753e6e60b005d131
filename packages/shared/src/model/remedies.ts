import { z } from 'zod';
import { BusinessDay, EpochMs, Id } from './common';

// Remedy authority (授权, issue 18 item 1): the first handler grants a remedy from the hall's
// catalogue within their role's limits at once; above a limit the grant waits for the duty
// leader. The rules are in apps/hall-server/src/domain/remedies.ts.

/** What a customer's problem was about (DESIGN.md §4 "Opinions"): the class a remedy answers. */
export const ComplaintClass = z.enum([
  'service_attitude',
  'waiting',
  'billing',
  'outage',
  'voltage_quality',
  'meter',
  'other',
]);
export type ComplaintClass = z.infer<typeof ComplaintClass>;

/**
 * `yuan`: money, every amount and limit in fen (1/100 yuan, an integer); `count`: an act
 * counted (a repair crew today, an appointment moved ahead, a written apology).
 */
export const RemedyUnit = z.enum(['yuan', 'count']);
export type RemedyUnit = z.infer<typeof RemedyUnit>;

/** The roles that may grant a remedy, each with its own limits. */
export const GrantingRole = z.enum(['clerk', 'backoffice', 'guide', 'duty_leader']);
export type GrantingRole = z.infer<typeof GrantingRole>;

/** The most any one amount or limit can be: 1,000,000 yuan in fen, or a million acts. */
export const MAX_REMEDY_AMOUNT = 100_000_000;
const Amount = z.number().int().positive().max(MAX_REMEDY_AMOUNT);

/** One role's limits for a kind, in the kind's unit; a grant above any of them waits. */
export const RemedyLimits = z.strictObject({
  perGrant: Amount,
  perCustomerPerDay: Amount,
  perStaffPerMonth: Amount,
});
export type RemedyLimits = z.infer<typeof RemedyLimits>;

/** Per granting role: its limits, or null: that role may not grant this kind. */
export const RemedyRoleLimits = z.strictObject({
  clerk: RemedyLimits.nullable(),
  backoffice: RemedyLimits.nullable(),
  guide: RemedyLimits.nullable(),
  duty_leader: RemedyLimits.nullable(),
});
export type RemedyRoleLimits = z.infer<typeof RemedyRoleLimits>;

/** A catalogue entry (hall configuration, kept by the admin). */
export const RemedyKind = z.object({
  id: Id,
  /** Short code for reports and the audit (e.g. `waive-penalty`). */
  code: z.string().min(1).max(40),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  unit: RemedyUnit,
  /** The complaint class it usually answers (the grant dialog's default). */
  complaintClass: ComplaintClass,
  limits: RemedyRoleLimits,
  /** How long a grant above a limit waits for the duty leader before it expires. */
  approvalTimeoutMin: z.number().int().min(5).max(1440),
  active: z.boolean(),
  sortOrder: z.number().int(),
  changeSeq: z.number().int().nonnegative(),
});
export type RemedyKind = z.infer<typeof RemedyKind>;

export const GrantState = z.enum([
  'granted',
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
]);
export type GrantState = z.infer<typeof GrantState>;
/** States that count against the limits: given, or on its way to being given. */
export const COUNTED_GRANT_STATES: readonly GrantState[] = ['granted', 'approved', 'pending'];

/** Which limit a grant went past, for the duty leader to see. */
export const ExceededLimit = z.enum(['per_grant', 'per_customer_per_day', 'per_staff_per_month']);
export type ExceededLimit = z.infer<typeof ExceededLimit>;

/** One remedy given (or asked for) on a ticket or a case. */
export const RemedyGrant = z.object({
  id: Id,
  remedyKindId: Id,
  /** In the kind's unit: fen for `yuan`, a count for `count`. */
  amount: z.number().int().positive(),
  reason: z.string(),
  ticketId: Id.nullable(),
  caseId: Id.nullable(),
  /** The customer it was given to, masked (138****0001, ****5678); null when unknown. */
  customerMasked: z.string().nullable(),
  complaintClass: ComplaintClass,
  grantedByStaffId: Id,
  /** The role whose limits applied. */
  grantingRole: GrantingRole,
  state: GrantState,
  /** Pending only: the limit it went past (and what the limit was). */
  exceeded: ExceededLimit.nullable(),
  exceededLimit: z.number().int().nullable(),
  requestedAt: EpochMs,
  /** Pending: when it expires unless the duty leader decides. */
  approvalDueAt: EpochMs.nullable(),
  /** When the duty leader was reminded (half the timeout). */
  remindedAt: EpochMs.nullable(),
  decidedByStaffId: Id.nullable(),
  decidedAt: EpochMs.nullable(),
  decisionNote: z.string().nullable(),
  businessDay: BusinessDay,
  changeSeq: z.number().int().nonnegative(),
});
export type RemedyGrant = z.infer<typeof RemedyGrant>;
