import {
  keepableOverSignOff,
  type Alert,
  type AlertKind,
  type FollowUp,
  type HallConfig,
  type HandoverItem,
  type Snapshot,
  type Staff,
} from '@onestop/shared';
import { openCasesOwnedBy, openFollowUpsOf, parkedBy } from '../hall-selectors';

// What a staff member leaves behind when signing off, as the sign-off screen lists it before
// the server is asked (the server decides: `signOffCheck` in the hall server's domain). A duty
// leader also answers for the desk: the follow-ups nobody is assigned, and the open alerts.

export interface LeftAtSignOff {
  /** Their own items to hand over: parked visits, cases due by tomorrow, tasks, follow-ups. */
  own: HandoverItem[];
  /** Cases due after tomorrow, which stay with their owner while off. */
  kept: HandoverItem[];
  /** A duty leader's: open follow-ups nobody is assigned. */
  deskFollowUps: FollowUp[];
  /** A duty leader's: alerts nobody has acknowledged, by kind (listed, never blocking). */
  alerts: { kind: AlertKind; count: number }[];
}

export const isDutyLeader = (staff: Staff) => staff.roles.includes('duty_leader');

const followUpItem = (f: FollowUp): HandoverItem => ({
  kind: 'follow_up',
  id: f.id,
  label: f.note,
  dueAt: f.dueAt,
});

function byKind(alerts: Alert[]): LeftAtSignOff['alerts'] {
  const counts = new Map<AlertKind, number>();
  for (const a of alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/** The part of the hall the sign-off looks at. */
export type SignOffView = Pick<Snapshot, 'tickets' | 'cases' | 'tasks' | 'followUps' | 'alerts'> & {
  config: Pick<HallConfig, 'timeZone'>;
};

export function leftAtSignOff(hall: SignOffView, me: Staff, now: number): LeftAtSignOff {
  const tz = hall.config.timeZone;
  const cases = openCasesOwnedBy(hall, me.id).map((c) => ({
    item: { kind: 'case' as const, id: c.id, label: `${c.number} ${c.summary}`, dueAt: c.dueAt },
    keep: keepableOverSignOff(c.dueAt, now, tz),
  }));
  const tasks = hall.tasks.flatMap((t): HandoverItem[] =>
    t.ownerStaffId === me.id && (t.state === 'open' || t.state === 'accepted')
      ? [{ kind: 'requested_task' as const, id: t.id, label: t.text, dueAt: t.dueAt }]
      : t.assigneeStaffId === me.id && t.state === 'accepted'
        ? [{ kind: 'accepted_task' as const, id: t.id, label: t.text, dueAt: t.dueAt }]
        : [],
  );
  const leader = isDutyLeader(me);
  return {
    own: [
      ...parkedBy(hall, me.id).map((t) => ({
        kind: 'ticket' as const,
        id: t.id,
        label: t.number,
        dueAt: null,
      })),
      ...cases.filter((c) => !c.keep).map((c) => c.item),
      ...tasks,
      ...openFollowUpsOf(hall, me.id).map(followUpItem),
    ],
    kept: cases.filter((c) => c.keep).map((c) => c.item),
    deskFollowUps: leader
      ? hall.followUps.filter((f) => f.state === 'open' && f.assigneeStaffId === null)
      : [],
    alerts: leader ? byKind(hall.alerts.filter((a) => a.acknowledgedAt === null)) : [],
  };
}

/** Whether anything would go to a receiver: own items, the desk's follow-ups, open alerts. */
export function hasAnythingToHand(left: LeftAtSignOff): boolean {
  return left.own.length > 0 || left.deskFollowUps.length > 0 || left.alerts.length > 0;
}
