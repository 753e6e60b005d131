import type { HallConnection } from '@onestop/client';
import type { Snapshot, Staff, StaffSession } from '@onestop/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Screen } from './device-identity';

// The staff member signed in on this desk. Kept across a page reload; dropped when the hall no
// longer lists the session as open (signed out elsewhere, by the duty leader, or expired).

export interface SignedIn {
  sessionToken: string;
  staff: Staff;
  session: StaffSession;
}

export interface SessionState {
  signedIn: SignedIn | null;
}

export type SessionStore = StoreApi<SessionState>;

const key = (screen: Screen) => `onestop.${screen}.session`;

export function createSessionStore(screen: Screen, storage?: Storage): SessionStore {
  let saved: SignedIn | null = null;
  try {
    const raw = storage?.getItem(key(screen));
    saved = raw ? (JSON.parse(raw) as SignedIn) : null;
  } catch {
    saved = null;
  }
  const store = createStore<SessionState>(() => ({ signedIn: saved }));
  store.subscribe(({ signedIn }) => {
    if (!storage) return;
    if (signedIn) storage.setItem(key(screen), JSON.stringify(signedIn));
    else storage.removeItem(key(screen));
  });
  return store;
}

/** Whether the hall, as this device sees it, still has the session open. */
export function sessionStillOpen(hall: Snapshot, signedIn: SignedIn): boolean {
  return hall.sessions.some((s) => s.id === signedIn.session.id && s.endedAt === null);
}

/** After sign-in: use the session for every command and fetch the staff view of the hall. */
export async function beginSession(
  connection: HallConnection,
  store: SessionStore,
  signedIn: SignedIn,
): Promise<void> {
  connection.setSessionToken(signedIn.sessionToken);
  await connection.resync();
  store.setState({ signedIn });
}

/** After sign-out (or a session ended elsewhere): back to the public view. */
export async function endSession(connection: HallConnection, store: SessionStore): Promise<void> {
  store.setState({ signedIn: null });
  connection.setSessionToken(null);
  await connection.resync();
}
