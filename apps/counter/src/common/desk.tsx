import {
  createHallConnection,
  startHeartbeat,
  type HallConnection,
  type HallView,
} from '@onestop/client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createCommandRunner, type CommandRunner } from './command-runner';
import { readScreenToken, type Screen } from './device-identity';
import { createSessionStore, type SessionStore } from './session-store';

// One screen's wiring: its link to the hall server, the signed-in staff member and the command
// runner. Made by a factory so each page (and each test) gets its own.

export interface Desk {
  screen: Screen;
  /** Null until the device is paired (or given a token in the address). */
  deviceToken: string | null;
  connection: HallConnection;
  session: SessionStore;
  runner: CommandRunner;
}

export function createDesk(screen: Screen): Desk {
  const session = createSessionStore(screen, window.localStorage);
  const deviceToken = readScreenToken(screen);
  const connection = createHallConnection({
    url: window.location.origin,
    deviceToken,
    sessionToken: session.getState().signedIn?.sessionToken ?? null,
    // The workstation is sent only its counter's queues and its clerk's own items.
    ...(screen === 'counter' ? { screen: 'counter' as const } : {}),
  });
  // The device's heartbeat (docs/device-health.md), once per page beside its one connection.
  if (deviceToken) startHeartbeat(connection);
  return { screen, deviceToken, connection, session, runner: createCommandRunner(connection) };
}

const DeskContext = createContext<Desk | null>(null);

export function DeskProvider({ desk, children }: { desk: Desk; children: ReactNode }) {
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside a DeskProvider');
  return desk;
}

export function useView<T>(selector: (view: HallView) => T): T {
  return useStore(useDesk().connection.store, selector);
}

export function useSignedIn() {
  return useStore(useDesk().session, (s) => s.signedIn);
}

export function usePending(key: string): boolean {
  return useStore(useDesk().runner.store, (s) => Boolean(s.pending[key]));
}

/** Whether commands can go out now; offline screens keep the last state but send nothing new. */
export function useOnline(): boolean {
  return useView((v) => v.link === 'online');
}

/** The current time, ticking, for waits and due dates. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The hall and the signed-in staff member as the hall lists them now (inside a StaffGate). */
export function useStaffView() {
  const hall = useView((v) => v.hall)!;
  const signedIn = useSignedIn()!;
  const me = hall.staff.find((s) => s.id === signedIn.staff.id) ?? signedIn.staff;
  return { hall, me };
}
