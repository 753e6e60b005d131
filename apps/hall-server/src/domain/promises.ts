import type {
  Case,
  PromiseChange,
  PromiseOutcome,
  PromiseTold,
  SupportTask,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// 承诺 (issue 18 item 2): a promise's outcome and who may re-set it. The clock arithmetic
// (a rule's due time, business vs calendar, the warning share) is the shared contract's
// (`promise-time.ts`), so the owner's list and the alerts agree; docs/promises.md says it all
// for people.

export {
  addBusinessMs,
  businessMsBetween,
  promiseDue,
  promiseStage,
  promiseWarnAt,
} from '@onestop/shared';

/** The furthest a promise may be re-set ahead of now. */
export const MAX_PROMISE_AHEAD_MS = 365 * 86_400_000;

/** What a promise's outcome is judged on, for a case or a support task alike. */
export interface PromiseFacts {
  promisedAt: number;
  dueAt: number;
  promiseChanges: readonly PromiseChange[];
  /** When it was closed, or null while open. */
  closedAt: number | null;
  /** Closed without the work being done (a withdrawn case, a cancelled task). */
  voided: boolean;
}

export function caseFacts(c: Case): PromiseFacts {
  return {
    promisedAt: c.promisedAt,
    dueAt: c.dueAt,
    promiseChanges: c.promiseChanges,
    closedAt: c.closedAt,
    voided: c.outcome === 'withdrawn',
  };
}

export function taskFacts(t: SupportTask): PromiseFacts {
  return {
    promisedAt: t.promisedAt,
    dueAt: t.dueAt,
    promiseChanges: t.promiseChanges,
    closedAt: t.closedAt,
    voided: t.state === 'cancelled',
  };
}

/**
 * A promise's outcome as of `asOf`, in this order:
 * 1. closed after its current time, or open past it: `broken_untold` (the customer waited past
 *    the last time they were given, and nobody told them another);
 * 2. withdrawn or cancelled (within its time): `void`;
 * 3. any change made after the time it replaced had passed: `broken_told_late`;
 * 4. closed by the first promised time: `kept`;
 * 5. closed by the current time, every change told in time: `kept_after_change`;
 * 6. open within its current time: `pending`.
 */
export function promiseOutcome(p: PromiseFacts, asOf: number): PromiseOutcome {
  const end = p.closedAt ?? asOf;
  if (end > p.dueAt) return 'broken_untold';
  if (p.voided) return 'void';
  if (p.promiseChanges.some((c) => c.at > c.fromDueAt)) return 'broken_told_late';
  if (p.closedAt === null) return 'pending';
  return p.closedAt <= p.promisedAt ? 'kept' : 'kept_after_change';
}

/** What a re-set is about: its owner and whether it is still open. */
export interface PromiseSubject {
  ownerStaffId: string;
  open: boolean;
  dueAt: number;
  promiseChanges: readonly PromiseChange[];
}

export const caseSubject = (c: Case): PromiseSubject => ({
  ownerStaffId: c.ownerStaffId,
  open: c.state === 'open',
  dueAt: c.dueAt,
  promiseChanges: c.promiseChanges,
});

export const taskSubject = (t: SupportTask): PromiseSubject => ({
  ownerStaffId: t.ownerStaffId,
  open: t.state === 'open' || t.state === 'accepted',
  dueAt: t.dueAt,
  promiseChanges: t.promiseChanges,
});

export interface ResetRequest {
  actor: { staffId: string; isDutyLeader: boolean };
  newDueAt: number;
  /** Already checked by the contract (2–200 characters, no control characters). */
  reason: string;
}

/**
 * Whether `promise:reset` may go ahead, before anyone is notified: only the owner or the duty
 * leader, only an open item, a new time after now, after the current promise and at most a
 * year ahead.
 */
export function checkReset(s: PromiseSubject, r: ResetRequest, now: number): Result<void> {
  if (s.ownerStaffId !== r.actor.staffId && !r.actor.isDutyLeader) {
    return reject('not_yours', 'Only its owner or the duty leader re-sets a promise.');
  }
  if (!s.open) return reject('invalid_transition', 'It is closed: its promise is settled.');
  if (r.newDueAt <= now) return reject('invalid_payload', 'newDueAt: must be in the future');
  if (r.newDueAt <= s.dueAt) {
    return reject('invalid_payload', 'newDueAt: must be later than the current promise');
  }
  if (r.newDueAt > now + MAX_PROMISE_AHEAD_MS) {
    return reject('invalid_payload', 'newDueAt: at most 365 days ahead');
  }
  if (r.reason.trim().length < 2) return reject('invalid_payload', 'reason: required');
  return accept(undefined);
}

/** The re-set itself, once checked and the customer told: the new due time and its record. */
export function resetPromise(
  s: PromiseSubject,
  r: ResetRequest,
  told: { how: PromiseTold; notificationId: string | null },
  now: number,
): Result<{ dueAt: number; promiseChanges: PromiseChange[] }> {
  const ok = checkReset(s, r, now);
  if (!ok.ok) return ok;
  const change: PromiseChange = {
    at: now,
    by: r.actor.staffId,
    fromDueAt: s.dueAt,
    toDueAt: r.newDueAt,
    reason: r.reason,
    told: told.how,
    notificationId: told.notificationId,
  };
  return accept({ dueAt: r.newDueAt, promiseChanges: [...s.promiseChanges, change] });
}
