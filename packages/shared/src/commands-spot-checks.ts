import { z } from 'zod';
import { Reason, command, def, query } from './command-kit';
import {
  BusinessDay,
  EpochMs,
  Id,
  MAX_SPOT_CHECK_ITEMS,
  SpotCheck,
  SpotCheckItem,
  SpotChecklist,
} from './model';

// Spot checks and the appraisal's trends (抽查、考核趋势, issue 19 item 1): the admin's
// checklist per service, the duty leader's check of a served visit or a case, the clerk's own
// list, and a clerk's monthly series. The rules: apps/hall-server/src/domain/spot-checks.ts.

const ADMIN = ['admin'] as const;
const LEADER = ['duty_leader'] as const;
const REVIEWERS = ['duty_leader', 'admin'] as const;
/** Everyone who may see spot checks: the leader and admin all, a clerk their own. */
const READERS = ['clerk', 'backoffice', 'duty_leader', 'admin'] as const;

/** How far back a visit or case may be picked (recent work, still remembered). */
export const SPOT_CHECK_RECENT_DAYS = 31;
export const MAX_TREND_MONTHS = 24;

const Count = z.number().int().nonnegative();
const Share = z.number().min(0).max(1);
const Pct = z.number().min(0).max(100);

/** A finished visit or a case the duty leader may pick, with the clerk it would check. */
export const SpotCheckCandidate = z.object({
  subject: z.enum(['ticket', 'case']),
  /** The ticket's or the case's id. */
  id: Id,
  label: z.string(),
  serviceId: Id.nullable(),
  staffId: Id,
  staffName: z.string(),
  /** Finished at (a visit) or opened at (a case). */
  at: EpochMs,
  /** Already spot-checked (a second check of the same work is refused). */
  checked: z.boolean(),
});
export type SpotCheckCandidate = z.infer<typeof SpotCheckCandidate>;

/** One month of a clerk's appraisal. Shares and averages are null when there was nothing. */
export const ClerkTrendMonth = z.object({
  /** `YYYY-MM`, in the hall's zone. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  served: Count,
  /** Of the visits served, the share handled within their service's target handling time. */
  handledWithinTarget: Share.nullable(),
  rated: Count,
  satisfactionRate: Share.nullable(),
  quizAttempts: Count,
  quizAvgPct: Pct.nullable(),
  spotChecks: Count,
  spotCheckAvgPct: Pct.nullable(),
});
export type ClerkTrendMonth = z.infer<typeof ClerkTrendMonth>;

export const ClerkTrend = z.object({
  staffId: Id,
  name: z.string(),
  staffNo: z.string(),
  /** Oldest first, ending with the current month. */
  months: z.array(ClerkTrendMonth),
});
export type ClerkTrend = z.infer<typeof ClerkTrend>;

export const spotCheckCommands = {
  'admin:save-spot-checklist': def({
    kind: 'command',
    input: command({
      serviceId: Id,
      /** Empty: back to the hall's default checklist. */
      items: z.array(SpotCheckItem).max(MAX_SPOT_CHECK_ITEMS),
    }),
    output: z.object({ checklist: SpotChecklist }),
    roles: ADMIN,
    summary:
      "Set a service's spot-check checklist: items (unique ids) with the points each is worth; an empty list returns the service to the hall's default (礼貌用语, 业务准确, 一次告知, 首办负责, 办理时限). Checks already saved keep the items they were scored on.",
  }),

  'spot-check:checklists': def({
    kind: 'query',
    input: query({}),
    output: z.object({ checklists: z.array(SpotChecklist) }),
    roles: REVIEWERS,
    summary: "Every service's spot-check checklist (its own, or the hall's default).",
  }),

  'spot-check:candidates': def({
    kind: 'query',
    input: query({
      /** A business day of the last 31; default today. */
      day: BusinessDay.optional(),
    }),
    output: z.object({ day: BusinessDay, candidates: z.array(SpotCheckCandidate) }),
    roles: LEADER,
    summary:
      'The visits finished on a business day (of the last 31) with the clerk who served them, and the cases opened that day with their owner: what the duty leader may spot-check (not their own work).',
  }),

  'spot-check:save': def({
    kind: 'command',
    input: command({
      /** Exactly one of the two: the visit or the case checked. */
      ticketId: Id.optional(),
      caseId: Id.optional(),
      scores: z
        .array(z.strictObject({ itemId: z.string().max(30), score: z.number().int() }))
        .min(1)
        .max(MAX_SPOT_CHECK_ITEMS),
      /** What was seen: told to the clerk with the scores. */
      comment: Reason,
    }),
    output: z.object({ spotCheck: SpotCheck }),
    roles: LEADER,
    summary:
      "The duty leader scores a finished visit or a case of a clerk (not their own) against its service's checklist: every item once, from 0 to its points. Saved once: a second check of the same work, or an edit, is refused.",
  }),

  'spot-check:list': def({
    kind: 'query',
    input: query({
      /** Whose; a clerk or back office always gets their own. */
      staffId: Id.optional(),
      /** A range of business days of the checks (at most 366); default: the last 31 days. */
      from: BusinessDay.optional(),
      to: BusinessDay.optional(),
    }),
    output: z.object({ spotChecks: z.array(SpotCheck) }),
    roles: READERS,
    summary:
      "Spot checks of a range of business days, newest first (at most 500): the duty leader and the admin see anyone's, a clerk only their own (read-only).",
  }),

  'report:clerk-trend': def({
    kind: 'query',
    input: query({
      staffId: Id,
      months: z.coerce.number().int().min(1).max(MAX_TREND_MONTHS),
    }),
    output: ClerkTrend,
    roles: REVIEWERS,
    summary:
      "A clerk's appraisal month by month (the last 1–24 months, the current one included): visits served, the share handled within target, satisfaction, quiz average and spot-check average.",
  }),
} as const;

// The reports' figures: ClerkReport (commands-reports.ts) spreads these.

/** Spot checks of one clerk made in a report's range. */
export const ClerkSpotChecks = {
  spotChecks: Count.optional(),
  /** The mean of their total percentages; absent when none. */
  spotCheckAvgPct: Pct.optional(),
};
