import { accept, reject, type Result } from '../domain/result';
import { rolesOf } from '../domain/permissions';
import type { Store } from '../store/store';
import type { Actor } from './context';
import { tokenHash } from './secrets';

/** What a connection or HTTP request presents. */
export interface Credentials {
  deviceToken?: string | undefined;
  sessionToken?: string | undefined;
  /** The source address (socket handshake or HTTP request), for per-address throttles. */
  address?: string | undefined;
}

export const nobody: Actor = { device: null, session: null, staff: null, roles: [] };

/**
 * Resolves who is asking, afresh for every command, so a revoked device or an ended staff
 * session takes effect on the very next command.
 */
export function resolveActor(store: Store, credentials: Credentials): Result<Actor> {
  if (!credentials.deviceToken) return accept(nobody);
  const device = store.devices.byTokenHash(tokenHash(credentials.deviceToken));
  if (!device) return reject('not_paired');
  if (device.revokedAt !== null) return reject('device_revoked');
  let session = null;
  let staff = null;
  if (credentials.sessionToken && device.kind === 'desk') {
    const s = store.devices.sessionByTokenHash(tokenHash(credentials.sessionToken));
    const st =
      s && s.endedAt === null && s.deviceId === device.id ? store.staff.byId(s.staffId) : undefined;
    if (s && st?.active) {
      session = s;
      staff = st;
    }
  }
  return accept({ device, session, staff, roles: rolesOf(device.kind, staff?.roles ?? null) });
}
