import { findAlerts, newAlert } from '../domain/alerts';
import { startOfBusinessDay } from '../domain/business-day';
import { accept } from '../domain/result';
import type { Hall } from './hall';

// Every so often the server looks at the hall as the duty leader would and raises an alert for
// each new finding (a ticket past its target wait, an overdue case, a device gone, a service
// nobody serves…): one per kind and subject per business day, so an acknowledged alert does
// not come back every half minute.

const OPEN_TICKET = new Set(['waiting', 'called', 'serving', 'parked']);

export interface AlertSweep {
  /** Devices that dropped off the network, and since when (fed by the socket server). */
  offlineSince: Map<string, number>;
  runOnce(): number;
  stop(): void;
}

export function startAlertSweep(
  hall: Hall,
  options: { intervalMs?: number; deviceOfflineAfterMs?: number } = {},
): AlertSweep {
  const offlineSince = new Map<string, number>();
  const deviceOfflineAfterMs = options.deviceOfflineAfterMs ?? 120_000;

  function runOnce(): number {
    return (
      hall.runSystem('alert-sweep', (tx) => {
        const dayStart = startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);
        const raisedToday = new Set(
          tx.store.alerts
            .current(dayStart)
            .filter((a) => a.createdAt >= dayStart)
            .map((a) => `${a.kind} ${a.subjectId}`),
        );
        const findings = findAlerts({
          now: tx.now,
          services: tx.store.services.all(),
          counters: tx.store.counters.all(),
          tickets: tx.store.tickets
            .visible(tx.hall.businessDay)
            .filter((t) => OPEN_TICKET.has(t.state)),
          cases: tx.store.cases.current(dayStart),
          tasks: tx.store.tasks.current(dayStart),
          followUps: tx.store.followUps.current(dayStart),
          offlineSince,
          deviceOfflineAfterMs,
        });
        let raised = 0;
        for (const f of findings) {
          if (raisedToday.has(`${f.kind} ${f.subjectId}`)) continue;
          tx.write.alert(newAlert(tx.newId(), tx.now, f));
          raised++;
        }
        return accept(raised);
      }) ?? 0
    );
  }

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
