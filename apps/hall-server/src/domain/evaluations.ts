import type {
  Alert,
  Evaluation,
  EvaluationReason,
  EvaluationScore,
  FollowUp,
  Ticket,
} from '@onestop/shared';
import { newAlert } from './alerts';
import { endOfDayAfter } from './due';
import { accept, reject, type Result } from './result';

// The evaluation pad (评价器): after each finished service the pad of that counter asks for a
// rating. Only that pad answers, once, before the deadline; past it the server records
// "not rated", never a default score. 不满意 raises an alert and opens a follow-up.

/** A new question for the pad; earlier ones still pending at that counter end unanswered. */
export function requestEvaluation(
  ticket: Ticket,
  input: { id: string; timeoutSec: number; pendingAtCounter: readonly Evaluation[] },
  now: number,
): Result<{ evaluation: Evaluation; superseded: Evaluation[] }> {
  if (ticket.state !== 'done' || ticket.counterId === null) {
    return reject('invalid_transition', `${ticket.number} was not finished at a counter.`);
  }
  const evaluation: Evaluation = {
    id: input.id,
    ticketId: ticket.id,
    counterId: ticket.counterId,
    staffId: ticket.servingStaffId,
    state: 'pending',
    score: null,
    reasons: [],
    createdAt: now,
    deadlineAt: now + input.timeoutSec * 1000,
    answeredAt: null,
    changeSeq: 0,
  };
  // The pad shows one question at a time: the newest service's.
  const superseded = input.pendingAtCounter
    .filter((e) => e.state === 'pending' && e.counterId === ticket.counterId)
    .map((e) => notRated(e, now));
  return accept({ evaluation, superseded });
}

function notRated(evaluation: Evaluation, now: number): Evaluation {
  return { ...evaluation, state: 'not_rated', answeredAt: now };
}

/** The pad's answer. `padCounterId`: the counter the submitting pad is bound to. */
export function submitEvaluation(
  evaluation: Evaluation,
  answer: { padCounterId: string | null; score: EvaluationScore; reasons: EvaluationReason[] },
  now: number,
): Result<Evaluation> {
  if (answer.padCounterId !== evaluation.counterId) {
    return reject('wrong_device', 'Only the pad of the counter that served the customer.');
  }
  if (evaluation.state !== 'pending' || now > evaluation.deadlineAt) {
    return reject('evaluation_closed');
  }
  if (answer.score !== 'dissatisfied' && answer.reasons.length > 0) {
    return reject('invalid_payload', 'reasons: only with a dissatisfied rating');
  }
  return accept({
    ...evaluation,
    state: 'rated',
    score: answer.score,
    reasons: [...new Set(answer.reasons)],
    answeredAt: now,
  });
}

/** Past its deadline without an answer: not rated. Null while it may still be answered. */
export function expireEvaluation(evaluation: Evaluation, now: number): Evaluation | null {
  return evaluation.state === 'pending' && now > evaluation.deadlineAt
    ? notRated(evaluation, now)
    : null;
}

/**
 * What a 不满意 rating sets off: an alert on the duty leader's console and a follow-up, with
 * the duty leader until assigned, due by the end of the next business day.
 */
export function dissatisfiedConsequences(
  evaluation: Evaluation,
  ids: { alertId: string; followUpId: string },
  timeZone: string,
  now: number,
): { alert: Alert; followUp: FollowUp } | null {
  if (evaluation.score !== 'dissatisfied') return null;
  const alert = newAlert(ids.alertId, now, {
    kind: 'dissatisfied',
    subjectId: evaluation.id,
    ticketId: evaluation.ticketId,
    counterId: evaluation.counterId,
    staffId: evaluation.staffId,
  });
  const followUp: FollowUp = {
    id: ids.followUpId,
    source: 'dissatisfied',
    ticketId: evaluation.ticketId,
    alertId: alert.id,
    assigneeStaffId: null,
    createdBy: null,
    note: `dissatisfied: ${evaluation.reasons.join(', ') || 'no reason given'}`,
    state: 'open',
    dueAt: endOfDayAfter(now, 1, timeZone),
    createdAt: now,
    closedAt: null,
    closedBy: null,
    result: null,
    updatedAt: now,
    changeSeq: 0,
  };
  return { alert, followUp };
}

export function acknowledgeAlert(
  alert: Alert,
  by: string,
  note: string | null,
  now: number,
): Result<Alert> {
  if (alert.acknowledgedAt !== null) {
    return reject('invalid_transition', 'The alert is acknowledged already.');
  }
  return accept({ ...alert, acknowledgedAt: now, acknowledgedBy: by, note });
}
