import type { Handover, HandoverItem, Staff } from '@onestop/shared';
import { startOfBusinessDay } from '../../domain/business-day';
import { addDays } from '../../domain/due';
import {
  acknowledgeHandover,
  cancelHandover,
  createHandover,
  signOffCheck,
  takeOverCase,
  takeOverDeskFollowUp,
  takeOverFollowUp,
  takeOverTask,
  takeOverTicket,
  type DutyDesk,
  type Holdings,
} from '../../domain/handovers';
import { accept, reject, type Result } from '../../domain/result';
import type { Store } from '../../store/store';
import { handler, type TxContext } from '../context';
import { signedInStaff } from './clerk';

// Shift handover: open items pass to a named colleague or the duty leader when they
// acknowledge; signing off is refused while anything would be left without a holder.

export function holdingsOf(store: Store, staffId: string): Holdings {
  return {
    tickets: store.tickets.heldByStaff(staffId),
    cases: store.cases.openOwnedBy(staffId),
    requestedTasks: store.tasks.openOwnedBy(staffId),
    acceptedTasks: store.tasks.acceptedBy(staffId),
    followUps: store.followUps.openAssignedTo(staffId),
  };
}

/** The duty leader's desk: follow-ups nobody is assigned and alerts nobody acknowledged. */
export function dutyDeskOf(store: Store): DutyDesk {
  const all = Number.MAX_SAFE_INTEGER; // `current` lists open items plus those since this
  return {
    followUps: store.followUps
      .current(all)
      .filter((f) => f.state === 'open' && f.assigneeStaffId === null),
    alerts: store.alerts.current(all).filter((a) => a.acknowledgedAt === null),
  };
}

const isDutyLeader = (staff: Staff | undefined) => staff?.roles.includes('duty_leader') ?? false;

/**
 * Whether a staff member may sign off (leave the counter or the desk) now, and the cases they
 * keep while off. `keepCases: false` (being deactivated): nothing may stay with them, and the
 * desk is not theirs to answer for. A duty leader answers for the desk too, unless they leave
 * its follow-ups there with `keepNote`.
 */
export function mayLeave(
  tx: TxContext,
  staffId: string,
  { keepCases = true, keepNote = null }: { keepCases?: boolean; keepNote?: string | null } = {},
): Result<{ kept: HandoverItem[] }> {
  const duty =
    keepCases && isDutyLeader(tx.store.staff.byId(staffId))
      ? { desk: dutyDeskOf(tx.store), keepNote }
      : null;
  return signOffCheck(
    holdingsOf(tx.store, staffId),
    tx.store.handovers.pendingFrom(staffId),
    keepCases ? { now: tx.now, timeZone: tx.hall.config.timeZone } : null,
    duty,
  );
}

function handoverById(tx: TxContext, id: string): Result<Handover> {
  const h = tx.store.handovers.byId(id);
  return h ? accept(h) : reject('not_found', `Handover ${id}.`);
}

/** Moves each listed item the giver still holds to the receiver. */
function moveItems(tx: TxContext, h: Handover): void {
  const { fromStaffId: from, toStaffId: to } = h;
  for (const item of h.items) {
    switch (item.kind) {
      case 'ticket': {
        const t = tx.store.tickets.byId(item.id);
        const moved = t && takeOverTicket(t, from, to, h.note, tx.now);
        if (moved) tx.write.ticket(moved);
        break;
      }
      case 'case': {
        const c = tx.store.cases.byId(item.id);
        const moved = c && takeOverCase(c, from, to, tx.now);
        if (moved) tx.write.case(moved);
        break;
      }
      case 'requested_task':
      case 'accepted_task': {
        const t = tx.store.tasks.byId(item.id);
        const moved = t && takeOverTask(t, item.kind, from, to, tx.now);
        if (moved) tx.write.task(moved);
        break;
      }
      case 'follow_up': {
        const f = tx.store.followUps.byId(item.id);
        const moved = f && takeOverFollowUp(f, from, to, tx.now);
        if (moved) tx.write.followUp(moved);
        break;
      }
      case 'desk_follow_up': {
        const f = tx.store.followUps.byId(item.id);
        const moved = f && takeOverDeskFollowUp(f, to, tx.now);
        if (moved) tx.write.followUp(moved);
        break;
      }
      case 'alert':
        break; // alerts stay the hall's: listed so the receiver knows, acknowledged on the console
    }
  }
}

export const handoverHandlers = {
  'handover:create': handler<'handover:create'>({
    run(tx, { toStaffId, note, includeKept }) {
      const from = signedInStaff(tx);
      if (!from.ok) return from;
      const made = createHandover(
        {
          id: tx.newId(),
          from: from.value,
          to: tx.store.staff.byId(toStaffId),
          note,
          holdings: holdingsOf(tx.store, from.value.id),
          pending: tx.store.handovers.pendingFrom(from.value.id),
          timeZone: tx.hall.config.timeZone,
          includeKept: includeKept ?? false,
          ...(isDutyLeader(from.value) ? { desk: dutyDeskOf(tx.store) } : {}),
        },
        tx.now,
      );
      return made.ok ? accept({ handover: tx.write.handover(made.value) }) : made;
    },
  }),

  'handover:acknowledge': handler<'handover:acknowledge'>({
    run(tx, { handoverId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const h = handoverById(tx, handoverId);
      if (!h.ok) return h;
      const done = acknowledgeHandover(h.value, staff.value.id, tx.now);
      if (!done.ok) return done;
      moveItems(tx, done.value);
      return accept({ handover: tx.write.handover(done.value) });
    },
  }),

  'handover:cancel': handler<'handover:cancel'>({
    run(tx, { handoverId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const h = handoverById(tx, handoverId);
      if (!h.ok) return h;
      const cancelled = cancelHandover(
        h.value,
        { staffId: staff.value.id, isDutyLeader: tx.actor.roles.includes('duty_leader') },
        tx.now,
      );
      return cancelled.ok ? accept({ handover: tx.write.handover(cancelled.value) }) : cancelled;
    },
  }),

  'handover:list': handler<'handover:list'>({
    run(tx, { from, to, staffId }) {
      if (to < from) return reject('invalid_payload', 'to: before from');
      const tz = tx.hall.config.timeZone;
      const handovers = tx.store.handovers.between({
        from: startOfBusinessDay(from, tz),
        until: startOfBusinessDay(addDays(to, 1), tz),
        staffId: staffId ?? null,
      });
      return accept({ handovers });
    },
  }),
};
