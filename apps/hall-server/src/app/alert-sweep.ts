import { DEFAULT_TASK_PROMISE, type Alert, type AlertKind } from '@onestop/shared';
import { findAlerts, newAlert, type PromiseAlertSetting } from '../domain/alerts';
import { startOfBusinessDay } from '../domain/business-day';
import { accept } from '../domain/result';
import { openOfflineFault, RESOLVED_NOTE } from './device-faults';
import type { Hall } from './hall';
import type { TxContext } from './context';

// Every so often the server looks at the hall as the duty leader would and raises an alert for
// each new finding (a ticket past its target wait, an overdue case, a device gone, a service
// nobody serves…): one per kind and subject per business day, so an acknowledged alert does
// not come back every half minute. Only what is live: today's tickets, and items open now.
// An alert left unacknowledged from an earlier business day is closed as expired (at start and
// at the day change): what is still wrong today is raised again today, and a week of history
// does not greet the duty leader as a hundred alerts.

const OPEN_TICKET = new Set(['waiting', 'called', 'serving', 'parked']);

/** Faults are told until someone reads them, whatever the day (DESIGN.md §6). */
const NEVER_EXPIRE: ReadonlySet<AlertKind> = new Set(['sync_failed', 'clock_jump']);

/** The note of an alert closed by the day change, not by a person (`acknowledgedBy` null). */
export const EXPIRED_NOTE = 'expired';

export interface AlertSweep {
  /** Devices that dropped off the network, and since when (fed by the socket server). */
  offlineSince: Map<string, number>;
  runOnce(): number;
  stop(): void;
}

/** 承诺: the hall's clock and warning share, and each promise's clock, for the alerts. */
function promiseAlertSetting(tx: TxContext): PromiseAlertSetting {
  const config = tx.hall.config;
  return {
    timeZone: config.timeZone,
    businessHours: config.businessHours,
    promiseWarnPercent: config.promiseWarnPercent,
    caseWarning: config.caseWarning,
    caseClock: new Map(tx.store.caseTypes.all().map((t) => [t.id, t.promise.clock])),
    taskClock: (config.taskPromise ?? DEFAULT_TASK_PROMISE).clock,
  };
}

/** Closes unacknowledged alerts raised before today's business day began; how many. */
function expireStale(tx: TxContext, dayStart: number): number {
  const stale = tx.store.alerts
    .current(dayStart)
    .filter(
      (a) => a.acknowledgedAt === null && a.createdAt < dayStart && !NEVER_EXPIRE.has(a.kind),
    );
  for (const a of stale) {
    const closed: Alert = {
      ...a,
      acknowledgedAt: tx.now,
      acknowledgedBy: null,
      note: EXPIRED_NOTE,
    };
    tx.write.alert(closed);
  }
  return stale.length;
}

export function startAlertSweep(
  hall: Hall,
  options: { intervalMs?: number; deviceOfflineAfterMs?: number } = {},
): AlertSweep {
  const offlineSince = new Map<string, number>();
  const deviceOfflineAfterMs = options.deviceOfflineAfterMs ?? 120_000;
  const dayStartOf = (tx: TxContext) =>
    startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);

  function expire(): void {
    hall.runSystem('alert-expiry', (tx) => accept(expireStale(tx, dayStartOf(tx))));
  }

  function runOnce(): number {
    expire();
    return (
      hall.runSystem('alert-sweep', (tx) => {
        const dayStart = dayStartOf(tx);
        const today = tx.store.alerts.current(dayStart).filter((a) => a.createdAt >= dayStart);
        // A device that came back (its alert resolved by its heartbeat) and went again is a new
        // outage: told again, with a fault of its own (device-faults.ts).
        const raisedToday = new Set(
          today
            .filter((a) => !(a.kind === 'device_offline' && a.note === RESOLVED_NOTE))
            .map((a) => `${a.kind} ${a.subjectId}`),
        );
        const findings = findAlerts({
          now: tx.now,
          services: tx.store.services.all(),
          counters: tx.store.counters.all(),
          tickets: tx.store.tickets
            .visible(tx.hall.businessDay)
            .filter((t) => t.businessDay === tx.hall.businessDay && OPEN_TICKET.has(t.state)),
          cases: tx.store.cases.current(dayStart),
          tasks: tx.store.tasks.current(dayStart),
          followUps: tx.store.followUps.current(dayStart),
          offlineSince,
          deviceOfflineAfterMs,
          caseWarning: tx.hall.config.caseWarning,
          promise: promiseAlertSetting(tx),
        });
        let raised = 0;
        for (const f of findings) {
          if (raisedToday.has(`${f.kind} ${f.subjectId}`)) continue;
          const alert = tx.write.alert(newAlert(tx.newId(), tx.now, f));
          // A device gone is a device fault too, tracked to its return (device-faults.ts).
          if (f.kind === 'device_offline') openOfflineFault(tx, f.subjectId, alert.id);
          raised++;
        }
        return accept(raised);
      }) ?? 0
    );
  }

  expire(); // at start: a hall that was off overnight, or a demo hall's simulated week
  const timer = setInterval(runOnce, options.intervalMs ?? 30_000);
  timer.unref();
  return { offlineSince, runOnce, stop: () => clearInterval(timer) };
}

/**
 * The server's wall clock jumped (app/hall-clock.ts): the duty leader is told, once per jump.
 * Raised on the next turn, outside whatever command's clock reading noticed it.
 */
export function raiseClockJumpAlert(hall: Hall): void {
  setImmediate(() =>
    hall.runSystem('clock-jump', (tx) => {
      tx.write.alert(newAlert(tx.newId(), tx.now, { kind: 'clock_jump' }));
      return accept(1);
    }),
  );
}
