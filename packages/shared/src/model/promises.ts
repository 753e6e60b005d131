import { z } from 'zod';
import { EpochMs, Id } from './common';

// 承诺 (issue 18 item 2): the time promised to the customer for a case, a repair or a support
// task, and every time it was re-set with the customer told. The rules (due time from a rule,
// the warning, a promise's outcome, who may re-set it) are in
// apps/hall-server/src/domain/promises.ts; docs/promises.md says them for people.

/** Whether a promise counts the hall's opening hours only, or every hour of the clock. */
export const PromiseClock = z.enum(['business', 'calendar']);
export type PromiseClock = z.infer<typeof PromiseClock>;
export const PromiseUnit = z.enum(['hours', 'days']);
export type PromiseUnit = z.infer<typeof PromiseUnit>;

/**
 * A promised duration, in the hall's time zone. `days` + `calendar`: until the end of the local
 * day `amount` days after the start (限时办结's old meaning); `days` + `business`: until closing
 * time of the `amount`-th opening day after the start; `hours` + `calendar`: exactly that long;
 * `hours` + `business`: that many hours of opening time (nights skipped).
 */
export const PromiseRule = z.strictObject({
  amount: z.number().int().min(1).max(720),
  unit: PromiseUnit,
  clock: PromiseClock,
});
export type PromiseRule = z.infer<typeof PromiseRule>;

/** A case type is a case (事项) or a repair (抢修/报修: e.g. "send a crew: 4 business hours"). */
export const CaseKind = z.enum(['case', 'repair']);
export type CaseKind = z.infer<typeof CaseKind>;

/** How the customer was told of a new time: a notification queued, or a call the owner made. */
export const PromiseTold = z.enum(['notified', 'call_logged']);
export type PromiseTold = z.infer<typeof PromiseTold>;

/** One re-set of a promise (改约): the old and the new time, why, and how the customer knew. */
export const PromiseChange = z.object({
  at: EpochMs,
  by: Id,
  fromDueAt: EpochMs,
  toDueAt: EpochMs,
  reason: z.string(),
  told: PromiseTold,
  /** The notification queued for it (`told: 'notified'`), else null. */
  notificationId: Id.nullable(),
});
export type PromiseChange = z.infer<typeof PromiseChange>;

/**
 * How a promise stands: `pending` (open, within its current time, never re-set late);
 * `kept` (closed by the first promised time); `kept_after_change` (closed by the current time,
 * every change made and told before the time it replaced); `broken_told_late` (a change made
 * only after the time it replaced had passed); `broken_untold` (closed after, or still open
 * past, the current time: nobody told the customer of a new one); `void` (withdrawn or
 * cancelled within its time: no promise to keep).
 */
export const PromiseOutcome = z.enum([
  'pending',
  'kept',
  'kept_after_change',
  'broken_told_late',
  'broken_untold',
  'void',
]);
export type PromiseOutcome = z.infer<typeof PromiseOutcome>;

/** The support task promise a hall starts with: 1 business day. */
export const DEFAULT_TASK_PROMISE: PromiseRule = { amount: 1, unit: 'days', clock: 'business' };
/** The share of a promise's time after which its owner is warned, when the hall says nothing. */
export const DEFAULT_PROMISE_WARN_PERCENT = 75;

/** 限时办结's old meaning of a case type's limit in days: calendar days to the end of the day. */
export const promiseOfLimitDays = (limitDays: number): PromiseRule => ({
  amount: limitDays,
  unit: 'days',
  clock: 'calendar',
});
