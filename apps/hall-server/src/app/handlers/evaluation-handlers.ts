import type { Evaluation, Ticket } from '@onestop/shared';
import {
  acknowledgeAlert,
  dissatisfiedConsequences,
  expireEvaluation,
  requestEvaluation,
  submitEvaluation,
} from '../../domain/evaluations';
import { accept, reject, type Result } from '../../domain/result';
import { mayAcknowledge } from '../../domain/vip-routing';
import { handler, type TxContext } from '../context';
import { notifyFollowUpOpened } from '../notification-hooks';

// The evaluation pad and the alerts it raises for the duty leader.

/**
 * After a service finished at a counter that has an evaluation pad: the pad's question, with
 * the hall's time-out. Without a pad nobody is asked, so nothing is recorded.
 */
export function requestEvaluationFor(tx: TxContext, ticket: Ticket): void {
  if (ticket.counterId === null || !tx.store.evaluations.counterHasPad(ticket.counterId)) return;
  const requested = requestEvaluation(
    ticket,
    {
      id: tx.newId(),
      timeoutSec: tx.hall.config.evaluationTimeoutSec,
      pendingAtCounter: tx.store.evaluations.pendingAtCounter(ticket.counterId),
    },
    tx.now,
  );
  if (!requested.ok) return;
  for (const e of requested.value.superseded) tx.write.evaluation(e);
  tx.write.evaluation(requested.value.evaluation);
}

/** Records "not rated" for every question past its deadline (the sweep). */
export function recordUnanswered(tx: TxContext): Result<Evaluation[]> {
  const expired = tx.store.evaluations
    .due(tx.now)
    .map((e) => expireEvaluation(e, tx.now))
    .filter((e) => e !== null);
  return accept(expired.map((e) => tx.write.evaluation(e)));
}

export const evaluationHandlers = {
  'evaluation:submit': handler<'evaluation:submit'>({
    run(tx, { ticketId, score, reasons }) {
      const evaluation = tx.store.evaluations.byTicket(ticketId);
      if (!evaluation) return reject('not_found', `No evaluation for ticket ${ticketId}.`);
      const rated = submitEvaluation(
        evaluation,
        { padCounterId: tx.actor.device?.counterId ?? null, score, reasons },
        tx.now,
      );
      if (!rated.ok) return rated;
      const saved = tx.write.evaluation(rated.value);
      const raised = dissatisfiedConsequences(
        saved,
        { alertId: tx.newId(), followUpId: tx.newId() },
        {
          phone: tx.store.tickets.byId(saved.ticketId)?.customer.phone ?? null,
          timeZone: tx.hall.config.timeZone,
        },
        tx.now,
      );
      if (raised) {
        tx.write.alert(raised.alert);
        notifyFollowUpOpened(tx, tx.write.followUp(raised.followUp));
      }
      return accept({ evaluation: saved });
    },
  }),

  'alert:acknowledge': handler<'alert:acknowledge'>({
    run(tx, { alertId, note }) {
      const alert = tx.store.alerts.byId(alertId);
      if (!alert) return reject('not_found', `Alert ${alertId}.`);
      const may = mayAcknowledge(alert, tx.actor.staff!.id, tx.actor.roles);
      if (!may.ok) return may;
      const done = acknowledgeAlert(alert, tx.actor.staff!.id, note || null, tx.now);
      return done.ok ? accept({ alert: tx.write.alert(done.value) }) : done;
    },
  }),
};
