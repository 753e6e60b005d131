import { z } from 'zod';
import { HardwareReport } from './commands-devices';
import { def, query } from './command-kit';
import { BusinessDay, Id, OpinionCategory } from './model';
import { ClerkRemedies, RemedyReport } from './commands-remedies';
import { ClerkPromises, PromiseReport } from './commands-promises';
import { ClerkVips } from './commands-vip';
import { ClerkQuizzes } from './commands-knowledge';
import { ClerkSpotChecks } from './commands-spot-checks';

// Reports: the hall's data turned into decisions — daily statistics, weekly bulletin, monthly
// supervision (日统计、周通报、月督导), staff appraisal, staffing by time of day, and how
// good the wait estimate is. Read-only queries over any range of business days.

const Sec = z.number().nonnegative();
const Share = z.number().min(0).max(1);

export const ServiceReport = z.object({
  serviceId: Id,
  tickets: z.number().int().nonnegative(),
  called: z.number().int().nonnegative(),
  /** From issue to first call. */
  waitP50Sec: Sec,
  waitP90Sec: Sec,
  /** Called within the service's target wait, of those called. */
  withinTargetShare: Share,
  handleMeanSec: Sec,
  handleP90Sec: Sec,
  noShowRate: Share,
  transfers: z.number().int().nonnegative(),
  cancellations: z.number().int().nonnegative(),
  /** Visits of this service the customer rated. */
  rated: z.number().int().nonnegative(),
  /** (非常满意 + 满意) / rated; null when nothing was rated. */
  satisfactionRate: Share.nullable(),
});

export const ClerkReport = z.object({
  staffId: Id,
  name: z.string(),
  staffNo: z.string(),
  served: z.number().int().nonnegative(),
  handleMeanSec: Sec,
  /** Visits this clerk was first handler of. */
  owned: z.number().int().nonnegative(),
  rated: z.number().int().nonnegative(),
  /** rated / finished. */
  ratingCoverage: Share,
  /** (非常满意 + 满意) / rated; null when nothing was rated. */
  satisfactionRate: Share.nullable(),
  dissatisfied: z.number().int().nonnegative(),
  opinions: z.number().int().nonnegative(),
  casesOwned: z.number().int().nonnegative(),
  casesOnTime: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  /** Remedies granted (授权, issue 18): the appraisal's count and cost. */
  ...ClerkRemedies,
  /** Promises kept and broken (承诺, issue 18): the appraisal's figures. */
  ...ClerkPromises,
  /** A VIP account manager's visits served themself or by others (issue 18). */
  ...ClerkVips,
  /** Quizzes finished in the range (业务知识考核, issue 19): attempts, mean score, passes. */
  ...ClerkQuizzes,
  /** Spot checks made in the range (抽查, issue 19): how many, and their mean percentage. */
  ...ClerkSpotChecks,
});

export const HourReport = z.object({
  hour: z.number().int().min(0).max(23),
  /** Arrivals per hour, averaged over the days in the range that had any. */
  arrivalsPerHour: z.number().nonnegative(),
  handleMeanSec: Sec,
  waitP50Sec: Sec,
  waitP90Sec: Sec,
  /** Called within their own service's target wait, of those called in that hour. */
  withinTargetShare: Share,
  /** Counters that served customers in that hour, averaged over the days. */
  countersServing: z.number().nonnegative(),
  /** Erlang C: fewest counters for the service level within the hall's target wait. */
  countersRecommended: z.number().int().nonnegative(),
});

export const EstimateAccuracy = z.object({
  key: z.string(),
  n: z.number().int().nonnegative(),
  /** Mean |estimated − actual| wait. */
  maeSec: Sec,
  /** Mean (estimated − actual): positive means the estimate was too long. */
  biasSec: z.number(),
  /** MAE of the naive estimate (people ahead × mean handling ÷ open counters) on the same
   *  tickets; null when none was kept (tickets issued before issue 15). */
  naiveMaeSec: Sec.nullable(),
  /** Share called later than the upper end of the range they were told; null as above. */
  overHighShare: Share.nullable(),
});

const Count = z.number().int().nonnegative();

/** Cases opened in the range: closed on time (completed by the due date) and still open. */
const CaseCounts = {
  opened: Count,
  closed: Count,
  onTime: Count,
  /** onTime / closed; null when none was closed. */
  onTimeRate: Share.nullable(),
  open: Count,
  /** Open past the due date at the end of the range (or now, if sooner). */
  overdue: Count,
};

export const CaseTypeReport = z.object({
  caseTypeId: Id,
  nameZh: z.string(),
  nameEn: z.string(),
  ...CaseCounts,
});

export const HallReport = z.object({
  from: BusinessDay,
  to: BusinessDay,
  days: z.number().int().nonnegative(),
  tickets: z.number().int().nonnegative(),
  services: z.array(ServiceReport),
  clerks: z.array(ClerkReport),
  hours: z.array(HourReport),
  /** arrivals[weekday 0=Mon..6=Sun][hour 0..23], totals over the range. */
  arrivalsByWeekdayHour: z.array(z.array(z.number().int().nonnegative())),
  opinions: z.object({
    total: z.number().int().nonnegative(),
    byCategory: z.record(OpinionCategory, z.number().int().nonnegative()),
    bySource: z.record(z.string(), z.number().int().nonnegative()),
    closed: z.number().int().nonnegative(),
    meanHoursToClose: z.number().nonnegative().nullable(),
    p90HoursToClose: z.number().nonnegative().nullable(),
    open: z.number().int().nonnegative(),
    /** Still open more than `dueHours` after they were raised, at the end of the range. */
    openPastDue: Count,
    dueHours: z.number().positive(),
    /** Raised again by the same customer within 30 days (重复诉求). */
    repeated: Count,
  }),
  cases: z.object({ ...CaseCounts, byType: z.array(CaseTypeReport) }),
  staffing: z.object({ serviceLevel: Share, targetWaitSec: Sec }),
  /** The hours again for each service that had tickets, against its own target wait. */
  staffingByService: z.array(
    z.object({ serviceId: Id, targetWaitSec: Sec, hours: z.array(HourReport) }),
  ),
  estimates: z.object({
    /** All tickets told a wait at issue, key 'all'. */
    overall: EstimateAccuracy,
    /** Tickets told no counter served their service (no wait given). */
    toldNoCounter: Count,
    byService: z.array(EstimateAccuracy),
    byHour: z.array(EstimateAccuracy),
  }),
  /** Remedies granted in the range (issue 18): which problems cost most. */
  remedies: RemedyReport.optional(),
  /** Promises settled in the range (承诺, issue 18): kept, kept after a told change, broken. */
  promises: PromiseReport.optional(),
  /** Device faults in the range (issue 19): failure counts, time to repair, who fails most. */
  hardware: HardwareReport.optional(),
  generatedAt: z.number().int(),
  elapsedMs: z.number().nonnegative(),
});
export type HallReport = z.infer<typeof HallReport>;

const ReportRange = query({
  from: BusinessDay,
  to: BusinessDay,
  /** Staffing: the share to call within the target wait (default 0.8). */
  serviceLevel: z.coerce.number().min(0.5).max(0.99).optional(),
}).refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });

export const reportCommands = {
  'report:get': def({
    kind: 'query',
    input: ReportRange,
    output: HallReport,
    roles: ['duty_leader', 'admin'],
    summary:
      'Statistics for a range of business days: per service, per clerk (appraisal), per hour with Erlang C staffing, opinions, cases, and wait-estimate accuracy.',
  }),
} as const;
