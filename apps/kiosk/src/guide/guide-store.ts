import type { HallConnection, SendOptions } from '@onestop/client';
import type { Ack, CommandName, CommandOutput, CommandPayload } from '@onestop/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PrintableTicket } from '../common/TicketPrint';

// The guide desk's state: who is signed in (kept for the browser tab, so a reload keeps the
// session), and the ticket to print.

const SESSION_KEY = 'onestop.guideSession';

export interface GuideSession {
  token: string;
  name: string;
  staffNo: string;
}

export interface GuideState {
  session: GuideSession | null;
  /** Why the desk is back at sign-in, when it was not by choice (a message key). */
  notice: 'sessionEnded' | null;
  print: PrintableTicket | null;
  printRequest: number;
  signedIn(session: GuideSession): void;
  signedOut(notice: 'sessionEnded' | null): void;
  printTicket(ticket: PrintableTicket): void;
}

/** A session as the tab kept it; anything else (an older shape, a hand edit) is none. */
export function isGuideSession(value: unknown): value is GuideSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    'token' in value &&
    typeof value.token === 'string' &&
    'name' in value &&
    typeof value.name === 'string' &&
    'staffNo' in value &&
    typeof value.staffNo === 'string'
  );
}

function savedSession(): GuideSession | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    return isGuideSession(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function createGuideStore(storage: Pick<Storage, 'setItem' | 'removeItem'> | null = null) {
  const keep = storage ?? (typeof sessionStorage === 'undefined' ? null : sessionStorage);
  return createStore<GuideState>()((set) => ({
    session: storage ? null : savedSession(),
    notice: null,
    print: null,
    printRequest: 0,
    signedIn: (session) => {
      keep?.setItem(SESSION_KEY, JSON.stringify(session));
      set({ session, notice: null });
    },
    signedOut: (notice) => {
      keep?.removeItem(SESSION_KEY);
      set({ session: null, notice });
    },
    printTicket: (print) => set((s) => ({ print, printRequest: s.printRequest + 1 })),
  }));
}

export const guideStore = createGuideStore();

export function useGuide<T>(selector: (s: GuideState) => T): T {
  return useStore(guideStore, selector);
}

/**
 * Sends a staff command; a session the hall no longer knows (expired, signed out elsewhere)
 * takes the desk back to sign-in.
 */
export async function guideSend<K extends CommandName>(
  connection: Pick<HallConnection, 'send' | 'setSessionToken'>,
  name: K,
  payload: CommandPayload<K>,
  options: SendOptions = { giveUpAfterMs: 15_000 },
): Promise<Ack<CommandOutput<K>>> {
  const ack = await connection.send(name, payload, options);
  if (!ack.ok && ack.code === 'not_signed_in') {
    connection.setSessionToken(null);
    guideStore.getState().signedOut('sessionEnded');
  }
  return ack;
}
