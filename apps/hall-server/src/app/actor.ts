import { accept, reject, type Result } from '../domain/result';
import { rolesOf } from '../domain/permissions';
import type { Store } from '../store/store';
import type { Actor } from './context';
import { tokenHash } from './secrets';
import { isExpired, TOUCH_EVERY_MS } from './sessions';

/** What a connection or HTTP request presents. */
export interface Credentials {
  deviceToken?: string | undefined;
  sessionToken?: string | undefined;
  /** The source address (socket handshake or HTTP request), for per-address throttles. */
  address?: string | undefined;
}

export const nobody: Actor = { device: null, session: null, staff: null, roles: [] };

/**
 * Resolves who is asking, afresh for every command, so a revoked device, an ended or expired
 * staff session, or a deactivated staff member takes effect on the very next command.
 * `touch`: this is a command (not a query), so it counts as the session's activity.
 */
export function resolveActor(
  store: Store,
  credentials: Credentials,
  now: number = Date.now(),
  touch = false,
): Result<Actor> {
  const address = credentials.address;
  if (!credentials.deviceToken) return accept({ ...nobody, address });
  const device = store.devices.byTokenHash(tokenHash(credentials.deviceToken));
  if (!device) return reject('not_paired');
  if (device.revokedAt !== null) return reject('device_revoked');
  let session = null;
  let staff = null;
  if (credentials.sessionToken && device.kind === 'desk') {
    const a = store.devices.sessionActivityByTokenHash(tokenHash(credentials.sessionToken));
    const live =
      a &&
      a.session.endedAt === null &&
      a.session.deviceId === device.id &&
      !isExpired(a, store.hall.state().config, now);
    const st = live ? store.staff.byId(a.session.staffId) : undefined;
    if (a && st?.active) {
      session = a.session;
      staff = st;
      if (touch && now - a.lastActiveAt >= TOUCH_EVERY_MS)
        store.devices.touchSession(session.id, now);
    }
  }
  return accept({
    device,
    session,
    staff,
    roles: rolesOf(device.kind, staff?.roles ?? null),
    address,
  });
}
