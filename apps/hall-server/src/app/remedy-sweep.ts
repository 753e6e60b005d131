import { accept } from '../domain/result';
import { sweepGrants } from '../domain/remedies';
import type { Hall } from './hall';
import { closeGrantAlerts, raiseGrantAlert } from './handlers/remedy-handlers';

// A remedy grant above a limit waits for the duty leader (domain/remedies.ts): every so often
// the server reminds the duty leader once, at half the kind's timeout, with a second
// `grant_awaiting_approval` alert, and marks the grants past their timeout `expired`.

export interface RemedySweep {
  /** How many grants were reminded of or expired. */
  runOnce(): number;
  stop(): void;
}

export function startRemedySweep(hall: Hall, options: { intervalMs?: number } = {}): RemedySweep {
  function runOnce(): number {
    return (
      hall.runSystem('remedy-approval-sweep', (tx) => {
        const { remind, expire } = sweepGrants(tx.store.remedies.pending(), tx.now);
        for (const grant of remind) raiseGrantAlert(tx, tx.write.remedyGrant(grant));
        for (const grant of expire) closeGrantAlerts(tx, tx.write.remedyGrant(grant), 'expired');
        return accept(remind.length + expire.length);
      }) ?? 0
    );
  }
  const timer = setInterval(runOnce, options.intervalMs ?? 30_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
