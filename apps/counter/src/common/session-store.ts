import type { HallConnection } from '@onestop/client';
import { commands, type Snapshot, type Staff, type StaffSession } from '@onestop/shared';
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

/** A signed-in staff member kept in this browser (the sign-in's answer), or null if unreadable. */
export function readSignedIn(raw: string | null | undefined): SignedIn | null {
  if (!raw) return null;
  try {
    const kept = commands['staff:sign-in'].output.safeParse(JSON.parse(raw));
    return kept.success ? kept.data : null;
  } catch {
    return null;
  }
}

export function createSessionStore(screen: Screen, storage?: Storage): SessionStore {
  const saved = readSignedIn(storage?.getItem(key(screen)));
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

// Stepping in (the console): the one signed in before is kept aside in this browser; whoever
// stepped in signing out, by the step-out button or the header's sign-out, hands it back.
const STEPPED_IN_ON = 'onestop.console.stepped-in-on';

/** Keeps the holder aside while someone steps in on top of them. */
export function stepInOver(holder: SignedIn): void {
  window.localStorage.setItem(STEPPED_IN_ON, JSON.stringify(holder));
}

/**
 * After signing out: when this browser stepped in over a holder whose session is still open on
 * the desk (`open`: the desk's open session ids), the page reopens as the holder (the hall
 * server ties a socket to the session it signed in with, so a fresh connection) and this
 * returns true; otherwise false and the caller ends the session as usual.
 */
export function returnToHolder(store: SessionStore, open: readonly string[]): boolean {
  const holder = readSignedIn(window.localStorage.getItem(STEPPED_IN_ON));
  window.localStorage.removeItem(STEPPED_IN_ON);
  if (!holder || !open.includes(holder.session.id)) return false;
  store.setState({ signedIn: holder });
  window.location.reload();
  return true;
}

/** The open sessions on this device, as the connection's copy of the hall lists them. */
export function openSessionIdsHere(connection: HallConnection, deviceId: string): string[] {
  const sessions = connection.store.getState().hall?.sessions ?? [];
  return sessions.filter((s) => s.endedAt === null && s.deviceId === deviceId).map((s) => s.id);
}
