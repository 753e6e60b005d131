import { useCallback } from 'react';
import { useDesk } from './desk';
import { endSession, openSessionIdsHere, returnToHolder } from './session-store';

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
      if (!ack.ok) return void onRefused?.();
      const deviceId = session.getState().signedIn?.session.deviceId;
      const open = deviceId ? openSessionIdsHere(connection, deviceId) : [];
      if (!returnToHolder(session, open)) await endSession(connection, session);
    },
    [connection, session, runner, onRefused],
  );
}
