import { z } from 'zod';
import { Reason, command, def } from './command-kit';
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
} as const;
