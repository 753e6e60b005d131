import type {
  Case,
  CaseType,
  Counter,
  FollowUp,
  Handover,
  Service,
  Snapshot,
  Staff,
  SupportTask,
  Ticket,
} from '@onestop/shared';
import type { Lang } from '@onestop/ui';

// Reading the hall's records for one staff member's screens. No rules here: which records are
// whose comes from fields the server set (owner, assignee, serving clerk).

export const staffById = (hall: Snapshot, id: string | null): Staff | undefined =>
  id === null ? undefined : hall.staff.find((s) => s.id === id);

export const serviceById = (hall: Snapshot, id: string): Service | undefined =>
  hall.services.find((s) => s.id === id);

export const counterById = (hall: Snapshot, id: string | null): Counter | undefined =>
  id === null ? undefined : hall.counters.find((c) => c.id === id);

export const caseTypeById = (hall: Snapshot, id: string): CaseType | undefined =>
  hall.caseTypes.find((c) => c.id === id);

export function named(record: { nameZh: string; nameEn: string } | undefined, lang: Lang): string {
  if (!record) return '—';
  return lang === 'zh' ? record.nameZh : record.nameEn;
}

export const staffLabel = (staff: Staff | undefined): string =>
  staff ? `${staff.name} (${staff.staffNo})` : '—';

/** The counter this clerk is signed in at. */
export const counterOfStaff = (hall: Snapshot, staffId: string): Counter | undefined =>
  hall.counters.find((c) => c.staffId === staffId);

/** The ticket called to or being served at a counter (a clerk holds at most one). */
export const currentTicket = (hall: Snapshot, counterId: string): Ticket | undefined =>
  hall.tickets.find(
    (t) => t.counterId === counterId && (t.state === 'called' || t.state === 'serving'),
  );

export const parkedBy = (hall: Pick<Snapshot, 'tickets'>, staffId: string): Ticket[] =>
  hall.tickets.filter((t) => t.state === 'parked' && t.servingStaffId === staffId);

/** Waiting tickets this counter may call: its services, not held for another counter. */
export const callableAt = (hall: Snapshot, counter: Counter): Ticket[] =>
  hall.tickets
    .filter(
      (t) =>
        t.state === 'waiting' &&
        (t.targetCounterId === counter.id ||
          (t.targetCounterId === null && counter.serviceIds.includes(t.serviceId))),
    )
    .sort((a, b) => a.queuedAt - b.queuedAt);

export const openCasesOwnedBy = (hall: Pick<Snapshot, 'cases'>, staffId: string): Case[] =>
  hall.cases.filter((c) => c.state === 'open' && c.ownerStaffId === staffId);

/** Support tasks this staff member asked for: open ones, and those answered today. */
export const tasksOwnedBy = (hall: Snapshot, staffId: string): SupportTask[] =>
  hall.tasks.filter((t) => t.ownerStaffId === staffId);

export const openFollowUpsOf = (hall: Pick<Snapshot, 'followUps'>, staffId: string): FollowUp[] =>
  hall.followUps.filter((f) => f.state === 'open' && f.assigneeStaffId === staffId);

export const pendingHandoverTo = (hall: Snapshot, staffId: string): Handover[] =>
  hall.handovers.filter((h) => h.state === 'pending' && h.toStaffId === staffId);

export const pendingHandoverFrom = (hall: Snapshot, staffId: string): Handover | undefined =>
  hall.handovers.find((h) => h.state === 'pending' && h.fromStaffId === staffId);

/** How many open items this person holds, for the sign-off screen (the server checks). */
export function openItemCount(hall: Snapshot, staffId: string): number {
  const tasks = hall.tasks.filter(
    (t) =>
      (t.ownerStaffId === staffId && (t.state === 'open' || t.state === 'accepted')) ||
      (t.assigneeStaffId === staffId && t.state === 'accepted'),
  );
  return (
    parkedBy(hall, staffId).length +
    openCasesOwnedBy(hall, staffId).length +
    tasks.length +
    openFollowUpsOf(hall, staffId).length
  );
}
