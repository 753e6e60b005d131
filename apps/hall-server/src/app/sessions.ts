import { sessionLimitsOf, type HallConfig } from '@onestop/shared';
import { accept } from '../domain/result';
import type { SessionActivity } from '../store/devices-repo';
import type { Hall } from './hall';

/** Last activity is written at most this often per session, not once per command. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * Whether a session has outlived the hall's idle or absolute limit at `now`. The idle clock
 * stops while its clerk has a customer called or at the counter (an hour-long visit sends no
 * command); the absolute limit holds however busy.
 */
export function isExpired(
  { session, lastActiveAt, serving }: SessionActivity,
  config: Pick<HallConfig, 'sessionIdleMin' | 'sessionMaxHours'>,
  now: number,
): boolean {
  const { idleMs, maxMs } = sessionLimitsOf(config);
  return (!serving && now - lastActiveAt > idleMs) || now - session.startedAt > maxMs;
}

/**
 * Ends the sessions past their limits (a command of theirs is refused already; this publishes
 * the end, so their desks leave the staff room). Cheap when none is: one read of open sessions.
 */
export function endExpiredSessions(hall: Hall): number {
  const now = hall.clock();
  const config = hall.store.hall.state().config;
  const expired = hall.store.devices
    .openSessionsActivity()
    .filter((a) => isExpired(a, config, now));
  if (expired.length === 0) return 0;
  hall.runSystem('session-expiry', (tx) => {
    for (const { session } of expired) tx.write.session({ ...session, endedAt: tx.now });
    return accept(null);
  });
  return expired.length;
}
