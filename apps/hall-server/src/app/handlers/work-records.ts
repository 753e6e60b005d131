import type { Records, Snapshot } from '@onestop/shared';
import type { Store } from '../../store/store';

// The work post's records in a snapshot (what is open, and what closed today) and in
// `hall:changes-since`.

type WorkKinds =
  'evaluations' | 'alerts' | 'caseTypes' | 'cases' | 'tasks' | 'followUps' | 'handovers';

/** `dayStart`: the first instant of the current business day. */
export function workSnapshot(store: Store, dayStart: number): Pick<Snapshot, WorkKinds> {
  return {
    evaluations: store.evaluations.current(dayStart),
    alerts: store.alerts.current(dayStart),
    caseTypes: store.caseTypes.all(),
    cases: store.cases.current(dayStart),
    tasks: store.tasks.current(dayStart),
    followUps: store.followUps.current(dayStart),
    handovers: store.handovers.current(dayStart),
  };
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
  };
}
