import { z } from 'zod';
import { Reason, command, def, query } from './command-kit';
import { Case, EpochMs, Id, PromiseChange, SupportTask } from './model';

// 承诺 (issue 18 item 2): the owner re-sets a promise that will be missed, with a reason, and
// the customer is told. The rules are in apps/hall-server/src/domain/promises.ts; the promise
// rule of a case type rides on `admin:save-case-type`, the support task promise and the warning
// share on `admin:configure` (HallConfig `taskPromise`, `promiseWarnPercent`).

/** How the customer hears of the new time: a notification now, or a call the owner made. */
export const PromiseToldInput = z.enum(['notify', 'call_logged']);
export type PromiseToldInput = z.infer<typeof PromiseToldInput>;

export const PromiseSubjectRef = z.strictObject({ kind: z.enum(['case', 'task']), id: Id });
export type PromiseSubjectRef = z.infer<typeof PromiseSubjectRef>;

export const promiseCommands = {
  'promise:reset': def({
    kind: 'command',
    input: command({
      subject: PromiseSubjectRef,
      /** The new promised time: after now and after the current one. */
      newDueAt: EpochMs,
      reason: Reason,
      told: PromiseToldInput,
    }),
    output: z.object({
      case: Case.optional(),
      task: SupportTask.optional(),
      /** The change as recorded (its `notificationId` when a notification was queued). */
      change: PromiseChange,
    }),
    roles: ['clerk', 'duty_leader'],
    summary:
      '改约: the owner (or the duty leader) records a new promised time for an open case or support task, with a reason, and tells the customer: `notify` queues a notification (refused with promise_not_told when the customer cannot be reached: call them and send `call_logged`).',
  }),
  'case:receipt': def({
    kind: 'query',
    input: query({ caseId: Id }),
    output: z.object({
      /** The token of the case's visit's phone status page (the slip's QR code); null: no visit. */
      statusToken: z.string().nullable(),
    }),
    roles: ['clerk', 'duty_leader'],
    summary:
      "受理回执 again: the phone status page's token of a case's visit, for its owner (or the duty leader) to print the slip later.",
  }),
} as const;

const Count = z.number().int().nonnegative();

/** How the promises settled in a report's range stood (domain/promises.ts `promiseOutcome`). */
export const PromiseCounts = {
  /** Closed by the first promised time. */
  kept: Count,
  /** Closed by a new time the customer was told of before the old one passed. */
  keptAfterChange: Count,
  /** Re-set only after the old time had passed. */
  brokenToldLate: Count,
  /** Closed after, or still open past, the current time: nobody told the customer. */
  brokenUntold: Count,
};

/** 承诺 in the report: the promises settled in the range, overall, per case type and for tasks. */
export const PromiseReport = z.object({
  ...PromiseCounts,
  /** (kept + keptAfterChange) / settled; null when none settled. */
  keptRate: z.number().min(0).max(1).nullable(),
  byType: z.array(
    z.object({ caseTypeId: Id, nameZh: z.string(), nameEn: z.string(), ...PromiseCounts }),
  ),
  /** Support tasks' promises. */
  tasks: z.object(PromiseCounts),
});
export type PromiseReport = z.infer<typeof PromiseReport>;

/** 承诺 in a clerk's appraisal: the promises they owned, settled in the range. */
export const ClerkPromises = {
  promisesKept: Count.optional(),
  promisesKeptAfterChange: Count.optional(),
  promisesBrokenToldLate: Count.optional(),
  promisesBrokenUntold: Count.optional(),
};
