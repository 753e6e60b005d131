import { useCallback } from 'react';
import { useDesk } from './desk';
import { endSession } from './session-store';

/**
 * Signing off: the server refuses while the staff member holds open items without an
 * acknowledged handover (`open_items`, `handover_required`); the refusal shows as it comes.
 * A duty leader's `reason` leaves the desk's unassigned follow-ups on the desk.
 */
export function useSignOut(onRefused?: () => void) {
  const { connection, session, runner } = useDesk();
  return useCallback(
    async (reason?: string) => {
      const ack = await runner.run('signOut', 'staff:sign-out', reason ? { reason } : {});
      if (!ack) return;
      if (ack.ok) await endSession(connection, session);
      else onRefused?.();
    },
    [connection, session, runner, onRefused],
  );
}
