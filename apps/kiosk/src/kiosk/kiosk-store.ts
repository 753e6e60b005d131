import type { AccountManagerGreeting, IssuedTicket } from '@onestop/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

// The kiosk's flow, one customer at a time. The next customer starts afresh: the start screen,
// Chinese, normal text.

/** An issued ticket; a VIP waiting for their account manager's counter is told who and where. */
export type KioskIssued = IssuedTicket & {
  accountManager?: AccountManagerGreeting;
  /** The customer asked to be texted when their turn is near (the slip says so). */
  notifyConsent?: boolean;
};

/**
 * The customer identified by a scanned bill or a read ID card (customer:identify): the token
 * the ticket is taken with, and what the screen may say. Never an account number from a card.
 */
export interface KioskIdentity {
  identityToken: string;
  expiresAt: number;
  source: 'bill' | 'id_card';
  /** A bill's account's last four (the kiosk scanned it); null from a card. */
  accountLast4: string | null;
  /** A VIP's masked name, for the greeting. */
  vipName: string | null;
}

export type KioskStep =
  | { name: 'menu' }
  | { name: 'details'; serviceId: string }
  | { name: 'issuing'; serviceId: string }
  | { name: 'issued'; issued: KioskIssued; note: string | null }
  | { name: 'appointment' }
  | { name: 'opinion' }
  | { name: 'thanks' }
  | { name: 'error'; message: string };

export interface KioskState {
  step: KioskStep;
  largeText: boolean;
  /** Bumped to print (again) the issued ticket. */
  printRequest: number;
  /** The last touch, for going back to the start after an idle time. */
  lastTouchAt: number;
  /** This customer's identification, until their ticket is taken or they leave. */
  identity: KioskIdentity | null;
  go(step: KioskStep): void;
  identified(identity: KioskIdentity | null): void;
  issued(issued: KioskIssued, note: string | null): void;
  printAgain(): void;
  touched(now: number): void;
  toggleLargeText(): void;
  /** Back to the start for the next customer. */
  reset(): void;
}

export function createKioskStore(now: () => number = Date.now) {
  return createStore<KioskState>()((set) => ({
    step: { name: 'menu' },
    largeText: false,
    printRequest: 0,
    lastTouchAt: now(),
    identity: null,
    go: (step) => set({ step, lastTouchAt: now() }),
    identified: (identity) => set({ identity, lastTouchAt: now() }),
    issued: (issued, note) =>
      set((s) => ({
        step: { name: 'issued', issued, note },
        identity: null,
        printRequest: s.printRequest + 1,
        lastTouchAt: now(),
      })),
    printAgain: () => set((s) => ({ printRequest: s.printRequest + 1, lastTouchAt: now() })),
    touched: (at) => set({ lastTouchAt: at }),
    toggleLargeText: () => set((s) => ({ largeText: !s.largeText })),
    reset: () =>
      set({ step: { name: 'menu' }, largeText: false, lastTouchAt: now(), identity: null }),
  }));
}

export type KioskStore = ReturnType<typeof createKioskStore>;

export const kioskStore = createKioskStore();

export function useKiosk<T>(selector: (s: KioskState) => T): T {
  return useStore(kioskStore, selector);
}
