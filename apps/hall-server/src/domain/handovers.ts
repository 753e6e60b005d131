import {
  keepableOverSignOff,
  type Alert,
  type Case,
  type FollowUp,
  type Handover,
  type HandoverItem,
  type HandoverItemKind,
  type Role,
  type Staff,
  type SupportTask,
  type Ticket,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';
import type { TicketChange } from './tickets';

// Shift handover (交接班): nobody signs off holding open items. The giver names a colleague or
// the duty leader and writes a note; the items move only when the receiver acknowledges, so at
// every moment each item has exactly one responsible person.

/** What one staff member holds. */
export interface Holdings {
  /** Tickets they hold as the serving clerk: called, in service or parked. */
  tickets: readonly Ticket[];
  /** Open cases they own. */
  cases: readonly Case[];
  /** Support tasks they asked for, not yet answered. */
  requestedTasks: readonly SupportTask[];
  /** Support tasks they accepted at the back office, not yet answered. */
  acceptedTasks: readonly SupportTask[];
  /** Open follow-ups assigned to them. */
  followUps: readonly FollowUp[];
}

/** The roles that can carry on with each kind of item (one of them is enough). */
export const takers: Record<HandoverItemKind, readonly Role[]> = {
  ticket: ['clerk', 'duty_leader'],
  case: ['clerk', 'duty_leader'],
  requested_task: ['clerk', 'duty_leader'],
  accepted_task: ['backoffice', 'duty_leader'],
  follow_up: ['clerk', 'duty_leader'],
  // The duty leader's desk passes to the next duty leader only.
  desk_follow_up: ['duty_leader'],
  alert: ['duty_leader'],
};

/**
 * What the duty leader's desk holds beyond anyone's own items; it counts for a duty leader
 * signing off, so the desk is never left without someone who knows what is on it.
 */
export interface DutyDesk {
  /** Open follow-ups nobody is assigned (a 不满意 rating's): with the duty leader until assigned. */
  followUps: readonly FollowUp[];
  /** Alerts nobody has acknowledged: listed, never blocking (they stay on every console). */
  alerts: readonly Alert[];
}

export const emptyDesk: DutyDesk = { followUps: [], alerts: [] };

export function deskItems(d: DutyDesk): HandoverItem[] {
  return [
    ...d.followUps.map((f) => ({
      kind: 'desk_follow_up' as const,
      id: f.id,
      label: short(f.note),
      dueAt: f.dueAt,
    })),
    ...d.alerts.map((a) => ({ kind: 'alert' as const, id: a.id, label: a.kind, dueAt: null })),
  ];
}

export function canTake(roles: readonly Role[], kind: HandoverItemKind): boolean {
  return takers[kind].some((r) => roles.includes(r));
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

export function holdingItems(h: Holdings): HandoverItem[] {
  return [
    ...h.tickets.map((t) => ({
      kind: 'ticket' as const,
      id: t.id,
      // The number only: screens say the ticket's state in words from their own copy of it.
      label: t.number,
      dueAt: null,
    })),
    ...h.cases.map((c) => ({
      kind: 'case' as const,
      id: c.id,
      label: `${c.number} ${short(c.summary)}`,
      dueAt: c.dueAt,
    })),
    ...h.requestedTasks.map((t) => ({
      kind: 'requested_task' as const,
      id: t.id,
      label: short(t.text),
      dueAt: t.dueAt,
    })),
    ...h.acceptedTasks.map((t) => ({
      kind: 'accepted_task' as const,
      id: t.id,
      label: short(t.text),
      dueAt: t.dueAt,
    })),
    ...h.followUps.map((f) => ({
      kind: 'follow_up' as const,
      id: f.id,
      label: short(f.note),
      dueAt: f.dueAt,
    })),
  ];
}

/** The hall's clock and time zone, for what is due when. */
export interface DueClock {
  now: number;
  timeZone: string;
}

/**
 * What must be handed over before signing off, and the cases the owner keeps: a case due
 * after tomorrow stays with its owner while they are off (the duty leader sees it as kept);
 * one due today or tomorrow, or overdue, is handed over like everything else.
 */
export function splitHoldings(
  h: Holdings,
  at: DueClock | null,
): { handOver: Holdings; kept: Case[] } {
  const keep = (c: Case) => at !== null && keepableOverSignOff(c.dueAt, at.now, at.timeZone);
  return {
    handOver: { ...h, cases: h.cases.filter((c) => !keep(c)) },
    kept: h.cases.filter(keep),
  };
}

/** A duty leader signing off: the desk's items, and the note if they leave them on the desk. */
export interface DeskAtSignOff {
  desk: DutyDesk;
  /** Why the desk's follow-ups stay on the desk (nobody to hand to); null: hand them over. */
  keepNote: string | null;
}

/**
 * Signing off (leaving the counter or the desk) needs empty hands, but for cases the owner
 * keeps (`splitHoldings`), which are listed. Tickets come first: a customer at the counter is
 * finished, parked ones are handed over like everything else. A duty leader also hands over
 * the desk's unassigned follow-ups, or keeps them on the desk with a note for the next one;
 * open alerts are named with what is left but never hold anyone back.
 */
export function signOffCheck(
  h: Holdings,
  pending: Handover | undefined,
  /** Null: nothing may be kept (the staff member is being deactivated). */
  at: DueClock | null,
  /** Null: not a duty leader (or being deactivated: the desk outlives its people). */
  duty: DeskAtSignOff | null = null,
): Result<{ kept: HandoverItem[] }> {
  const { handOver, kept } = splitHoldings(h, at);
  const own = holdingItems(handOver);
  const deskFollowUps = duty?.keepNote ? [] : (duty?.desk.followUps ?? []);
  const blocking = [...own, ...deskItems({ followUps: deskFollowUps, alerts: [] })];
  if (blocking.length === 0) {
    const keptOnDesk = duty?.keepNote ? duty.desk.followUps : [];
    return accept({
      kept: [
        ...holdingItems({ ...none, cases: kept }),
        ...deskItems({ followUps: keptOnDesk, alerts: [] }),
      ],
    });
  }
  const waiting = pending ? ` Your handover awaits acknowledgement by ${pending.toStaffId}.` : '';
  const parts = [
    ...(own.length > 0 ? [own.map((i) => i.label).join(', ')] : []),
    ...(deskFollowUps.length > 0
      ? [`${deskFollowUps.length} follow-up(s) with no assignee on the duty desk`]
      : []),
    ...(duty && duty.desk.alerts.length > 0 ? [`${duty.desk.alerts.length} open alert(s)`] : []),
  ];
  return reject(
    h.tickets.length > 0 ? 'open_items' : 'handover_required',
    `${parts.join('; ')}.${waiting}`,
  );
}

const none: Holdings = {
  tickets: [],
  cases: [],
  requestedTasks: [],
  acceptedTasks: [],
  followUps: [],
};

/**
 * Leaving the counter (not the desk): the customers come first, a parked one included, since
 * they come back to this counter. Cases, tasks and follow-ups stay with the clerk, who is still
 * signed in and keeps them across counters and days; only signing off needs their handover.
 */
export function leaveCounterCheck(tickets: readonly Ticket[]): Result<void> {
  if (tickets.length === 0) return accept(undefined);
  return reject('open_items', `${tickets.map((t) => t.number).join(', ')}.`);
}

export function createHandover(
  input: {
    id: string;
    from: Staff;
    to: Staff | undefined;
    note: string;
    holdings: Holdings;
    /** The giver's own handover still waiting for acknowledgement, if any. */
    pending: Handover | undefined;
    timeZone: string;
    /** Hand over the cases the giver could keep too (a long absence, leaving the hall). */
    includeKept: boolean;
    /** A duty leader's desk, handed over with their own items. */
    desk?: DutyDesk;
  },
  now: number,
): Result<Handover> {
  const { from, to } = input;
  // Unless asked otherwise, cases the giver may keep stay with them; the rest moves.
  const holdings = input.includeKept
    ? input.holdings
    : splitHoldings(input.holdings, { now, timeZone: input.timeZone }).handOver;
  if (!to || !to.active) return reject('not_found', 'The receiving staff member.');
  if (to.id === from.id) return reject('invalid_payload', 'toStaffId: hand over to someone else');
  if (input.pending) {
    return reject(
      'invalid_transition',
      'Your earlier handover awaits acknowledgement; cancel it first.',
    );
  }
  const busy = holdings.tickets.filter((t) => t.state !== 'parked');
  if (busy.length > 0) return reject('clerk_busy', busy.map((t) => t.number).join(', '));
  const items = [...holdingItems(holdings), ...deskItems(input.desk ?? emptyDesk)];
  const unfit = [...new Set(items.map((i) => i.kind))].filter((k) => !canTake(to.roles, k));
  if (unfit.length > 0) {
    return reject('receiver_unfit', `${to.name} cannot take: ${unfit.join(', ')}.`);
  }
  return accept({
    id: input.id,
    fromStaffId: from.id,
    toStaffId: to.id,
    note: input.note,
    items,
    state: 'pending',
    createdAt: now,
    closedAt: null,
    closedBy: null,
    changeSeq: 0,
  });
}

export function acknowledgeHandover(h: Handover, staffId: string, now: number): Result<Handover> {
  if (h.state !== 'pending') return reject('invalid_transition', `The handover is ${h.state}.`);
  if (h.toStaffId !== staffId) return reject('not_yours', 'Only its receiver acknowledges it.');
  return accept({ ...h, state: 'acknowledged', closedAt: now, closedBy: staffId });
}

/** The giver withdraws it, the receiver declines it, or the duty leader calls it off. */
export function cancelHandover(
  h: Handover,
  actor: { staffId: string; isDutyLeader: boolean },
  now: number,
): Result<Handover> {
  if (h.state !== 'pending') return reject('invalid_transition', `The handover is ${h.state}.`);
  const party = h.fromStaffId === actor.staffId || h.toStaffId === actor.staffId;
  if (!party && !actor.isDutyLeader) return reject('not_yours', 'Only the giver or the receiver.');
  return accept({ ...h, state: 'cancelled', closedAt: now, closedBy: actor.staffId });
}

// Moving one item at acknowledgement. Null: the giver no longer holds it (closed, answered or
// moved since the handover was made), so there is nothing to move.

export function takeOverTicket(
  t: Ticket,
  from: string,
  to: string,
  note: string,
  now: number,
): TicketChange | null {
  if (t.state !== 'parked' || t.servingStaffId !== from) return null;
  // The visit's first handler stays on record; the receiver now holds it and resumes it.
  return {
    ticket: { ...t, servingStaffId: to, updatedAt: now },
    transition: {
      ticketId: t.id,
      fromState: t.state,
      toState: t.state,
      at: now,
      serviceId: t.serviceId,
      counterId: t.counterId,
      staffId: to,
      reason: `handover: ${note}`,
    },
    events: [],
  };
}

export function takeOverCase(c: Case, from: string, to: string, now: number): Case | null {
  return c.state === 'open' && c.ownerStaffId === from
    ? { ...c, ownerStaffId: to, updatedAt: now }
    : null;
}

export function takeOverTask(
  t: SupportTask,
  kind: 'requested_task' | 'accepted_task',
  from: string,
  to: string,
  now: number,
): SupportTask | null {
  if (kind === 'requested_task') {
    return (t.state === 'open' || t.state === 'accepted') && t.ownerStaffId === from
      ? { ...t, ownerStaffId: to, updatedAt: now }
      : null;
  }
  return t.state === 'accepted' && t.assigneeStaffId === from
    ? { ...t, assigneeStaffId: to, updatedAt: now }
    : null;
}

/** A desk follow-up goes to the receiving duty leader, unless someone was assigned since. */
export function takeOverDeskFollowUp(f: FollowUp, to: string, now: number): FollowUp | null {
  return f.state === 'open' && f.assigneeStaffId === null
    ? { ...f, assigneeStaffId: to, updatedAt: now }
    : null;
}

export function takeOverFollowUp(
  f: FollowUp,
  from: string,
  to: string,
  now: number,
): FollowUp | null {
  return f.state === 'open' && f.assigneeStaffId === from
    ? { ...f, assigneeStaffId: to, updatedAt: now }
    : null;
}
