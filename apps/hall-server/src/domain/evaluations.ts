import {
  maskPhone,
  type Alert,
  type Evaluation,
  type EvaluationReason,
  type EvaluationScore,
  type FollowUp,
  type Ticket,
} from '@onestop/shared';
import { newAlert } from './alerts';
import { endOfDayAfter } from './due';
import { accept, reject, type Result } from './result';
import { openFollowUp } from './tasks';

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

/** The rating's reasons as the follow-up records them (screens translate them by key). */
const reasonZh: Record<EvaluationReason, string> = {
  attitude: '服务态度',
  waiting: '等候时间',
  efficiency: '办事效率',
  professionalism: '专业水平',
  other: '其他',
};

export function dissatisfiedNote(reasons: readonly EvaluationReason[]): string {
  return reasons.length > 0
    ? `不满意评价:${reasons.map((r) => reasonZh[r]).join('、')}`
    : '不满意评价:未选择原因';
}

/**
 * What a 不满意 rating sets off: an alert on the duty leader's console and a follow-up, with
 * the duty leader until assigned, due by the end of the next business day, carrying the
 * visit's callback phone masked (`callbackPhone`) when the customer left one.
 */
export function dissatisfiedConsequences(
  evaluation: Evaluation,
  ids: { alertId: string; followUpId: string },
  visit: { phone: string | null; timeZone: string },
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
  const followUp = openFollowUp(
    {
      id: ids.followUpId,
      source: 'dissatisfied',
      ticketId: evaluation.ticketId,
      alertId: alert.id,
      assigneeStaffId: null,
      createdBy: null,
      note: dissatisfiedNote(evaluation.reasons),
      callbackPhone: visit.phone === null ? null : maskPhone(visit.phone),
      dueAt: endOfDayAfter(now, 1, visit.timeZone),
    },
    now,
  );
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
