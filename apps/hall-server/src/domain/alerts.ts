import {
  caseDueStage,
  caseWarnMs,
  promiseStage,
  promiseWarnAt,
  type Alert,
  type PromiseClock,
  type PromiseWarnSetting,
  type CaseWarning,
  type AlertKind,
  type Case,
  type Counter,
  type FollowUp,
  type Service,
  type SupportTask,
  type Ticket,
} from '@onestop/shared';

// What the duty leader must be told, from the hall's state at a moment. Pure: the sweep on the
// server calls it and raises an alert for each finding not raised before today.

export interface Finding {
  kind: AlertKind;
  /** The record it is about: one alert per kind and subject per business day. */
  subjectId: string;
  ticketId: string | null;
  counterId: string | null;
  staffId: string | null;
}

/** A new, unacknowledged alert about what a finding names (absent references are null). */
export function newAlert(
  id: string,
  now: number,
  about: { kind: AlertKind } & Partial<
    Pick<Finding, 'subjectId' | 'ticketId' | 'counterId' | 'staffId'>
  >,
): Alert {
  return {
    id,
    kind: about.kind,
    subjectId: about.subjectId ?? null,
    ticketId: about.ticketId ?? null,
    counterId: about.counterId ?? null,
    staffId: about.staffId ?? null,
    createdAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    changeSeq: 0,
  };
}

export interface HallSituation {
  now: number;
  services: readonly Service[];
  counters: readonly Counter[];
  /** Open tickets (waiting, called, serving, parked). */
  tickets: readonly Ticket[];
  cases: readonly Case[];
  tasks: readonly SupportTask[];
  followUps: readonly FollowUp[];
  /** Devices that dropped off the network, and since when. */
  offlineSince: ReadonlyMap<string, number>;
  deviceOfflineAfterMs: number;
  /** The hall's 限时办结 warning; absent: 24 hours. */
  caseWarning?: CaseWarning | undefined;
  /**
   * 承诺: the hall's clock and warning share, each case type's clock and the task promise's.
   * Given, a case is warned by `promiseWarnAt` (the share, else `caseWarning`) and an open
   * task gets `task_due_soon` at the share; absent, cases follow `caseWarning` alone.
   */
  promise?: PromiseAlertSetting | undefined;
}

export interface PromiseAlertSetting extends PromiseWarnSetting {
  caseClock: ReadonlyMap<string, PromiseClock>;
  taskClock: PromiseClock;
}

/** Where an open case stands against its promise: overdue, within its warning, or neither. */
function caseStage(c: Case, s: HallSituation): 'overdue' | 'due_soon' | 'later' {
  if (c.state !== 'open') return 'later';
  if (!s.promise) return caseDueStage(c.dueAt, s.now, caseWarnMs(s.caseWarning, c));
  const clock = s.promise.caseClock.get(c.caseTypeId) ?? 'calendar';
  const warnAt = promiseWarnAt(
    { kind: 'case', start: c.openedAt, dueAt: c.dueAt, clock },
    { ...s.promise, caseWarning: s.promise.caseWarning ?? s.caseWarning },
  );
  const stage = promiseStage(c.dueAt, warnAt, s.now);
  return stage === 'overdue' ? 'overdue' : stage === 'warning' ? 'due_soon' : 'later';
}

function taskStage(t: SupportTask, s: HallSituation): 'overdue' | 'due_soon' | 'later' {
  if (t.state !== 'open' && t.state !== 'accepted') return 'later';
  if (s.now > t.dueAt) return 'overdue';
  if (!s.promise) return 'later';
  const warnAt = promiseWarnAt(
    { kind: 'task', start: t.createdAt, dueAt: t.dueAt, clock: s.promise.taskClock },
    s.promise,
  );
  return s.now >= warnAt ? 'due_soon' : 'later';
}

export function findAlerts(s: HallSituation): Finding[] {
  const found: Finding[] = [];
  const services = new Map(s.services.map((x) => [x.id, x]));
  const none = { ticketId: null, counterId: null, staffId: null };

  for (const t of s.tickets) {
    const service = services.get(t.serviceId);
    if (!service) continue;
    if (t.state === 'waiting' && s.now - t.queuedAt > service.targetWaitSec * 1000) {
      found.push({
        kind: 'wait_over_target',
        subjectId: t.id,
        ticketId: t.id,
        counterId: null,
        staffId: null,
      });
    }
    if (
      t.state === 'serving' &&
      t.startedAt !== null &&
      s.now - t.startedAt > service.targetHandleSec * 1000
    ) {
      found.push({
        kind: 'handling_over_target',
        subjectId: t.id,
        ticketId: t.id,
        counterId: t.counterId,
        staffId: t.servingStaffId,
      });
    }
  }

  for (const c of s.cases) {
    // 限时办结 and 承诺: a warning before the limit (the hall's setting), an alert once past it.
    const stage = caseStage(c, s);
    if (stage !== 'later') {
      found.push({
        kind: stage === 'overdue' ? 'case_overdue' : 'case_due_soon',
        subjectId: c.id,
        ...none,
        ticketId: c.ticketId,
        staffId: c.ownerStaffId,
      });
    }
  }
  for (const task of s.tasks) {
    const stage = taskStage(task, s);
    if (stage !== 'later') {
      found.push({
        kind: stage === 'overdue' ? 'task_overdue' : 'task_due_soon',
        subjectId: task.id,
        ...none,
        ticketId: task.ticketId,
        staffId: task.ownerStaffId,
      });
    }
  }
  for (const f of s.followUps) {
    if (f.state === 'open' && s.now > f.dueAt) {
      found.push({
        kind: 'follow_up_overdue',
        subjectId: f.id,
        ...none,
        staffId: f.assigneeStaffId,
      });
    }
  }

  for (const [deviceId, since] of s.offlineSince) {
    if (s.now - since >= s.deviceOfflineAfterMs) {
      found.push({ kind: 'device_offline', subjectId: deviceId, ...none });
    }
  }

  const waiting = new Set(s.tickets.filter((t) => t.state === 'waiting').map((t) => t.serviceId));
  for (const serviceId of waiting) {
    const served = s.counters.some((c) => c.state === 'open' && c.serviceIds.includes(serviceId));
    if (!served) found.push({ kind: 'service_unstaffed', subjectId: serviceId, ...none });
  }
  return found;
}
