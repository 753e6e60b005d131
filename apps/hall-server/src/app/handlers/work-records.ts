import type { Evaluation, FollowUp, Records, Snapshot } from '@onestop/shared';
import type { Store } from '../../store/store';
import { shownNotification } from '../notification-records';

// The work post's records in a snapshot (what is open, and what closed today) and in
// `hall:changes-since`.

type WorkKinds =
  | 'evaluations'
  | 'alerts'
  | 'caseTypes'
  | 'cases'
  | 'tasks'
  | 'followUps'
  | 'handovers'
  | 'remedyKinds'
  | 'remedyGrants'
  | 'notifications';

/** `dayStart`: the first instant of the current business day. */
export function workSnapshot(
  store: Store,
  dayStart: number,
  businessDay: string,
): Pick<Snapshot, WorkKinds> {
  const followUps = store.followUps.current(dayStart);
  return {
    evaluations: withRatingsOf(followUps, store.evaluations.current(dayStart), store),
    alerts: store.alerts.current(dayStart),
    caseTypes: store.caseTypes.all(),
    cases: store.cases.current(dayStart),
    tasks: store.tasks.current(dayStart),
    followUps,
    handovers: store.handovers.current(dayStart),
    remedyKinds: store.remedies.allKinds(),
    remedyGrants: store.remedies.current(businessDay),
    notifications: store.notifications.current(dayStart).map(shownNotification),
  };
}

/**
 * A 不满意 follow-up from an earlier day comes with its rating, so that every screen can name
 * the rating's reasons in its reader's language.
 */
function withRatingsOf(
  followUps: readonly FollowUp[],
  evaluations: Evaluation[],
  store: Store,
): Evaluation[] {
  const held = new Set(evaluations.map((e) => e.ticketId));
  for (const f of followUps) {
    if (f.source !== 'dissatisfied' || f.ticketId === null || held.has(f.ticketId)) continue;
    const rating = store.evaluations.byTicket(f.ticketId);
    if (rating) evaluations.push(rating);
    held.add(f.ticketId);
  }
  return evaluations;
}

export function workChangesSince(store: Store, since: number): Pick<Records, WorkKinds> {
  return {
    evaluations: store.evaluations.changedSince(since),
    alerts: store.alerts.changedSince(since),
    caseTypes: store.caseTypes.changedSince(since),
    cases: store.cases.changedSince(since),
    tasks: store.tasks.changedSince(since),
    followUps: store.followUps.changedSince(since),
    handovers: store.handovers.changedSince(since),
    remedyKinds: store.remedies.kindsChangedSince(since),
    remedyGrants: store.remedies.grantsChangedSince(since),
    notifications: store.notifications.changedSince(since).map(shownNotification),
  };
}
