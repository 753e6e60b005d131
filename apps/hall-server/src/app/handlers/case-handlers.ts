import { DEFAULT_TASK_PROMISE, maskPhone, promiseDue, type Staff } from '@onestop/shared';
import { advanceCase, caseNumber, closeCase, openCase } from '../../domain/cases';
import { contactPhone, mayReveal, type ContactSubject } from '../../domain/contact';
import { canTake } from '../../domain/handovers';
import { accept, reject, type Result } from '../../domain/result';
import {
  acceptTask,
  assignFollowUp,
  cancelTask,
  closeFollowUp,
  completeTask,
  createFollowUp,
  createTask,
} from '../../domain/tasks';
import { handler, type TxContext } from '../context';
import { statusToken } from '../secrets';
import { throttlesOf } from '../throttles';
import { signedInStaff, ticketById } from './clerk';
import { notifyFollowUpOpened } from '../notification-hooks';

// First-handler responsibilities: cases, support tasks to the service post, follow-ups.

/** Someone who can be given a follow-up: active, a clerk or the duty leader. */
function followUpAssignee(tx: TxContext, staffId: string): Result<Staff> {
  const staff = tx.store.staff.byId(staffId);
  if (!staff || !staff.active) return reject('not_found', `Staff ${staffId}.`);
  if (!canTake(staff.roles, 'follow_up')) {
    return reject('receiver_unfit', `${staff.name} cannot take follow-ups.`);
  }
  return accept(staff);
}

function found<T>(record: T | undefined, what: string): Result<T> {
  return record === undefined ? reject('not_found', `${what}.`) : accept(record);
}

/** Whose record it is, and the whole number it holds (a follow-up's is its visit's). */
function contactHolder(
  tx: TxContext,
  subject: ContactSubject,
  id: string,
): Result<{ owners: (string | null)[]; phone: string | null }> {
  switch (subject) {
    case 'follow_up': {
      const f = found(tx.store.followUps.byId(id), `Follow-up ${id}`);
      if (!f.ok) return f;
      const ticket =
        f.value.ticketId === null ? undefined : tx.store.tickets.byId(f.value.ticketId);
      return accept({
        owners: [f.value.assigneeStaffId],
        phone: ticket?.customer.phone ?? null,
      });
    }
    case 'opinion': {
      const o = found(tx.store.opinions.byId(id), `Opinion ${id}`);
      if (!o.ok) return o;
      return accept({ owners: [o.value.handlerStaffId], phone: contactPhone(o.value.contact) });
    }
    case 'ticket': {
      const t = ticketById(tx, id);
      if (!t.ok) return t;
      return accept({
        owners: [t.value.ownerStaffId, t.value.servingStaffId],
        phone: t.value.customer.phone,
      });
    }
  }
}

export const caseHandlers = {
  'case:open': handler<'case:open'>({
    run(tx, args) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const type = found(tx.store.caseTypes.byId(args.caseTypeId), `Case type ${args.caseTypeId}`);
      if (!type.ok) return type;
      const ticket = ticketById(tx, args.ticketId);
      if (!ticket.ok) return ticket;
      const day = tx.hall.businessDay;
      const opened = openCase(
        {
          id: tx.newId(),
          number: caseNumber(day, tx.store.cases.countOfDay(day.replaceAll('-', '')) + 1),
          type: type.value,
          ticket: ticket.value,
          staffId: staff.value.id,
          summary: args.summary,
          customer: args.customer,
          timeZone: tx.hall.config.timeZone,
          businessHours: tx.hall.config.businessHours,
        },
        tx.now,
      );
      if (!opened.ok) return opened;
      const token = statusToken(tx.store.keys.statusKey(), ticket.value.id);
      return accept({ case: tx.write.case(opened.value), statusToken: token });
    },
  }),

  'case:advance': handler<'case:advance'>({
    run(tx, { caseId, note }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const c = found(tx.store.cases.byId(caseId), `Case ${caseId}`);
      if (!c.ok) return c;
      const next = advanceCase(c.value, staff.value.id, note || null, tx.now);
      return next.ok ? accept({ case: tx.write.case(next.value) }) : next;
    },
  }),

  'case:close': handler<'case:close'>({
    run(tx, { caseId, outcome, result }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const c = found(tx.store.cases.byId(caseId), `Case ${caseId}`);
      if (!c.ok) return c;
      const closed = closeCase(c.value, staff.value.id, outcome, result, tx.now);
      return closed.ok ? accept({ case: tx.write.case(closed.value) }) : closed;
    },
  }),

  'task:create': handler<'task:create'>({
    run(tx, args) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      let linkedCase = null;
      if (args.caseId !== undefined) {
        const c = found(tx.store.cases.byId(args.caseId), `Case ${args.caseId}`);
        if (!c.ok) return c;
        linkedCase = c.value;
      }
      if (args.ticketId !== undefined) {
        const ticket = ticketById(tx, args.ticketId);
        if (!ticket.ok) return ticket;
      }
      const task = createTask(
        {
          id: tx.newId(),
          ownerStaffId: staff.value.id,
          text: args.text,
          // 承诺: the hall's support task promise unless the asker names a time.
          dueAt:
            args.dueAt ??
            promiseDue(tx.hall.config.taskPromise ?? DEFAULT_TASK_PROMISE, tx.now, tx.hall.config),
          linkedCase,
          ticketId: args.ticketId ?? null,
        },
        tx.now,
      );
      return task.ok ? accept({ task: tx.write.task(task.value) }) : task;
    },
  }),

  'task:accept': handler<'task:accept'>({
    run(tx, { taskId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const task = found(tx.store.tasks.byId(taskId), `Task ${taskId}`);
      if (!task.ok) return task;
      const taken = acceptTask(task.value, staff.value.id, tx.now);
      return taken.ok ? accept({ task: tx.write.task(taken.value) }) : taken;
    },
  }),

  'task:complete': handler<'task:complete'>({
    run(tx, { taskId, result }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const task = found(tx.store.tasks.byId(taskId), `Task ${taskId}`);
      if (!task.ok) return task;
      const done = completeTask(task.value, staff.value.id, result, tx.now);
      return done.ok ? accept({ task: tx.write.task(done.value) }) : done;
    },
  }),

  'task:cancel': handler<'task:cancel'>({
    run(tx, { taskId, reason }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const task = found(tx.store.tasks.byId(taskId), `Task ${taskId}`);
      if (!task.ok) return task;
      const cancelled = cancelTask(task.value, staff.value.id, reason, tx.now);
      return cancelled.ok ? accept({ task: tx.write.task(cancelled.value) }) : cancelled;
    },
  }),

  'follow-up:create': handler<'follow-up:create'>({
    run(tx, args) {
      const leader = signedInStaff(tx);
      if (!leader.ok) return leader;
      const assignee = followUpAssignee(tx, args.assigneeStaffId);
      if (!assignee.ok) return assignee;
      let alert = null;
      if (args.alertId !== undefined) {
        const a = found(tx.store.alerts.byId(args.alertId), `Alert ${args.alertId}`);
        if (!a.ok) return a;
        alert = a.value;
      }
      const ticketId = args.ticketId ?? alert?.ticketId ?? null;
      let phone: string | null = null;
      if (ticketId !== null) {
        const ticket = ticketById(tx, ticketId);
        if (!ticket.ok) return ticket;
        phone = ticket.value.customer.phone;
      }
      const followUp = createFollowUp(
        {
          id: tx.newId(),
          assigneeStaffId: assignee.value.id,
          createdBy: leader.value.id,
          note: args.note,
          ticketId,
          alertId: alert?.id ?? null,
          callbackPhone: phone === null ? null : maskPhone(phone),
          dueAt: args.dueAt,
          timeZone: tx.hall.config.timeZone,
        },
        tx.now,
      );
      if (!followUp.ok) return followUp;
      // Giving the alert a follow-up is acknowledging it.
      if (alert && alert.acknowledgedAt === null) {
        tx.write.alert({
          ...alert,
          acknowledgedAt: tx.now,
          acknowledgedBy: leader.value.id,
          note: `follow-up: ${args.note}`.slice(0, 200),
        });
      }
      const saved = tx.write.followUp(followUp.value);
      notifyFollowUpOpened(tx, saved); // the customer is told someone will be in touch
      return accept({ followUp: saved });
    },
  }),

  'follow-up:assign': handler<'follow-up:assign'>({
    run(tx, { followUpId, assigneeStaffId }) {
      const f = found(tx.store.followUps.byId(followUpId), `Follow-up ${followUpId}`);
      if (!f.ok) return f;
      const assignee = followUpAssignee(tx, assigneeStaffId);
      if (!assignee.ok) return assignee;
      const assigned = assignFollowUp(f.value, assignee.value.id, tx.now);
      return assigned.ok ? accept({ followUp: tx.write.followUp(assigned.value) }) : assigned;
    },
  }),

  'follow-up:close': handler<'follow-up:close'>({
    run(tx, { followUpId, result }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const f = found(tx.store.followUps.byId(followUpId), `Follow-up ${followUpId}`);
      if (!f.ok) return f;
      const closed = closeFollowUp(
        f.value,
        { staffId: staff.value.id, isDutyLeader: tx.actor.roles.includes('duty_leader') },
        result,
        tx.now,
      );
      return closed.ok ? accept({ followUp: tx.write.followUp(closed.value) }) : closed;
    },
  }),

  'customer:reveal-contact': handler<'customer:reveal-contact'>({
    run(tx, { subject, id }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const holder = contactHolder(tx, subject, id);
      if (!holder.ok) return holder;
      const allowed = mayReveal(holder.value.owners, {
        staffId: staff.value.id,
        isDutyLeader: tx.actor.roles.includes('duty_leader'),
      });
      if (!allowed.ok) return allowed;
      const budget = throttlesOf(tx.store).revealPerStaff.take(staff.value.id, tx.now);
      if (!budget.ok) {
        const s = Math.max(1, Math.ceil(budget.retryAfterMs / 1000));
        return reject(
          'rate_limited',
          `Whole numbers revealed this hour: the most; retry after ${s} s`,
        );
      }
      // The reason and the outcome are in the audit log with every command.
      return accept({ phone: holder.value.phone });
    },
  }),
};
