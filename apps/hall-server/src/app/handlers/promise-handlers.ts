import {
  dayOf,
  timeOfDay,
  type Case,
  type Customer,
  type PromiseChange,
  type SupportTask,
} from '@onestop/shared';
import {
  caseSubject,
  checkReset,
  resetPromise,
  taskSubject,
  type PromiseSubject,
  type ResetRequest,
} from '../../domain/promises';
import { accept, reject, type Result } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { notifyCustomer } from '../notify';
import { statusToken } from '../secrets';
import { signedInStaff } from './clerk';

// 承诺 (issue 18 item 2): the owner re-sets a promise that will be missed (改约), with a reason,
// and the customer is told: a notification through the one door (app/notify.ts), or, where the
// customer cannot be notified, a call the owner makes and records.

interface Held {
  subject: PromiseSubject;
  customer: Customer;
  /** The case number the customer knows (a task's linked case's), if any. */
  caseNumber: string | null;
  save(dueAt: number, promiseChanges: PromiseChange[]): { case: Case } | { task: SupportTask };
}

const NO_CUSTOMER: Customer = { phone: null, accountNo: null, name: null };

function held(tx: TxContext, kind: 'case' | 'task', id: string): Result<Held> {
  if (kind === 'case') {
    const c = tx.store.cases.byId(id);
    if (!c) return reject('not_found', `Case ${id}.`);
    return accept({
      subject: caseSubject(c),
      customer: c.customer,
      caseNumber: c.number,
      save: (dueAt, promiseChanges) => ({
        case: tx.write.case({ ...c, dueAt, promiseChanges, updatedAt: tx.now }),
      }),
    });
  }
  const t = tx.store.tasks.byId(id);
  if (!t) return reject('not_found', `Task ${id}.`);
  const linked = t.caseId === null ? undefined : tx.store.cases.byId(t.caseId);
  const ticket = t.ticketId === null ? undefined : tx.store.tickets.byId(t.ticketId);
  return accept({
    subject: taskSubject(t),
    customer: linked?.customer ?? ticket?.customer ?? NO_CUSTOMER,
    caseNumber: linked?.number ?? null,
    save: (dueAt, promiseChanges) => ({
      task: tx.write.task({ ...t, dueAt, promiseChanges, updatedAt: tx.now }),
    }),
  });
}

export const promiseHandlers = {
  'case:receipt': handler<'case:receipt'>({
    run(tx, { caseId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const c = tx.store.cases.byId(caseId);
      if (!c) return reject('not_found', `Case ${caseId}.`);
      // The token opens the visit's status page: only the case's owner or the duty leader.
      if (c.ownerStaffId !== staff.value.id && !tx.actor.roles.includes('duty_leader')) {
        return reject('forbidden', 'Only the case owner or the duty leader.');
      }
      const token = c.ticketId ? statusToken(tx.store.keys.statusKey(), c.ticketId) : null;
      return accept({ statusToken: token });
    },
  }),
  'promise:reset': handler<'promise:reset'>({
    run(tx, { subject, newDueAt, reason, told }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const item = held(tx, subject.kind, subject.id);
      if (!item.ok) return item;
      const request: ResetRequest = {
        actor: { staffId: staff.value.id, isDutyLeader: tx.actor.roles.includes('duty_leader') },
        newDueAt,
        reason,
      };
      // Every rule first: nobody is notified of a re-set that is then refused.
      const allowed = checkReset(item.value.subject, request, tx.now);
      if (!allowed.ok) return allowed;
      let notificationId: string | null = null;
      if (told === 'notify') {
        const tz = tx.hall.config.timeZone;
        const outcome = notifyCustomer(tx, {
          purpose: 'promise_changed',
          customer: item.value.customer,
          vars: {
            caseNumber: item.value.caseNumber ?? '',
            newTime: `${dayOf(newDueAt, tz)} ${timeOfDay(newDueAt, tz)}`,
            reason,
          },
          subject: { kind: subject.kind, id: subject.id },
          staffId: staff.value.id,
        });
        if (!outcome.queued) {
          return reject(
            'promise_not_told',
            `The customer cannot be notified (${outcome.why}): call them and record call_logged.`,
          );
        }
        notificationId = outcome.notificationId;
      }
      const reset = resetPromise(
        item.value.subject,
        request,
        { how: told === 'notify' ? 'notified' : 'call_logged', notificationId },
        tx.now,
      );
      if (!reset.ok) return reset;
      const saved = item.value.save(reset.value.dueAt, reset.value.promiseChanges);
      return accept({ ...saved, change: reset.value.promiseChanges.at(-1)! });
    },
  }),
};
