import { z } from 'zod';
import { Note, Reason, Text, command, def, query } from './command-kit';
import {
  BusinessDay,
  ComplaintClass,
  GrantState,
  GrantingRole,
  Id,
  MAX_REMEDY_AMOUNT,
  RemedyGrant,
  RemedyKind,
  RemedyRoleLimits,
  RemedyUnit,
} from './model';

// Remedy authority (授权, issue 18 item 1): the admin's catalogue, the first handler's grant, the
// duty leader's decision on a grant above a limit, and the daily review's list. The rules are in
// apps/hall-server/src/domain/remedies.ts; docs/remedies.md tells the hall how they work.

const ADMIN = ['admin'] as const;
const LEADER = ['duty_leader'] as const;
const GRANTERS = GrantingRole.options;
const STAFF = ['guide', 'clerk', 'backoffice', 'duty_leader', 'admin'] as const;

const RemedyKindInput = z.strictObject({
  id: Id.regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and -'),
  code: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -, at most 40'),
  nameZh: Text({ min: 1, max: 40 }),
  nameEn: Text({ min: 1, max: 60 }),
  unit: RemedyUnit,
  complaintClass: ComplaintClass,
  limits: RemedyRoleLimits,
  approvalTimeoutMin: z.number().int().min(5).max(1440).default(30),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(999).default(0),
});

export const GrantResult = z.object({ grant: RemedyGrant });

export const remedyCommands = {
  'admin:save-remedy-kind': def({
    kind: 'command',
    input: command({ remedyKind: RemedyKindInput }),
    output: z.object({ remedyKind: RemedyKind }),
    roles: ADMIN,
    summary:
      'Create or change a remedy in the catalogue: names, unit (yuan in fen, or a count), the complaint class it answers, and per granting role its limits per grant, per customer per day and per staff member per month (null: the role may not grant it).',
  }),

  'remedy:grant': def({
    kind: 'command',
    input: command({
      remedyKindId: Id,
      /** In the kind's unit: fen for yuan, a count for acts. */
      amount: z.number().int().positive().max(MAX_REMEDY_AMOUNT),
      reason: Reason,
      /** The visit or the case it answers (at least one, owned by the granter). */
      ticketId: Id.optional(),
      caseId: Id.optional(),
      /** Default: the kind's complaint class. */
      complaintClass: ComplaintClass.optional(),
    }),
    output: GrantResult,
    roles: GRANTERS,
    summary:
      "Grant a remedy on a visit or case one owns (the duty leader on any): within one's role's limits it is granted at once; above one it waits for the duty leader (`pending`, with the limit named), and expires after the kind's timeout.",
  }),

  'remedy:decide': def({
    kind: 'command',
    input: command({
      grantId: Id,
      decision: z.enum(['approve', 'reject']),
      /** Required to reject. */
      note: Note.optional(),
    }),
    output: GrantResult,
    roles: LEADER,
    summary:
      'The duty leader approves or rejects a pending grant (never their own), before it expires.',
  }),

  'remedy:cancel': def({
    kind: 'command',
    input: command({ grantId: Id }),
    output: GrantResult,
    roles: GRANTERS,
    summary: 'The granter withdraws a grant still waiting for the duty leader.',
  }),

  'remedy:list': def({
    kind: 'query',
    input: query({
      /** A range of business days (at most 31); default: today. */
      from: BusinessDay.optional(),
      to: BusinessDay.optional(),
      /** `pending`: every grant waiting for the duty leader, whatever its day. */
      state: z.literal('pending').optional(),
    }),
    output: z.object({ grants: z.array(RemedyGrant) }),
    roles: STAFF,
    summary:
      "Remedy grants of a range of business days (at most 500, newest first), or those pending: the duty leader's and admin's daily review sees all, others their own.",
  }),
} as const;

// The reports' figures (commands-reports.ts holds them in HallReport and ClerkReport).

const Count = z.number().int().nonnegative();

/** What one clerk granted in a report's range (the appraisal): given = granted + approved. */
export const ClerkRemedies = {
  remedyGrants: Count.optional(),
  /** Money given, in fen. */
  remedyYuanFen: Count.optional(),
  /** Acts given (crews sent, appointments moved, apologies written). */
  remedyActs: Count.optional(),
  /** Still waiting for the duty leader at the report's time. */
  remedyPending: Count.optional(),
};

/** Remedies granted in a report's range: what they cost, and which problems cost most. */
export const RemedyReport = z.object({
  /** Grants made in the range, by state. */
  byState: z.record(GrantState, Count),
  /** Given (granted at once or approved): money in fen, and acts. */
  given: Count,
  yuanFen: Count,
  acts: Count,
  /** Per complaint class, the costliest first (money, then acts, then grants). */
  byClass: z.array(
    z.object({ complaintClass: ComplaintClass, grants: Count, yuanFen: Count, acts: Count }),
  ),
  /** Per remedy of the catalogue, given only. */
  byKind: z.array(
    z.object({
      remedyKindId: Id,
      nameZh: z.string(),
      nameEn: z.string(),
      unit: RemedyUnit,
      grants: Count,
      amount: Count,
    }),
  ),
});
export type RemedyReport = z.infer<typeof RemedyReport>;
