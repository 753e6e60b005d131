import type { IssuedTicket } from '@onestop/shared';
import { create } from 'zustand';

// The kiosk's flow, one customer at a time; back to the start after an idle time.

export type KioskStep =
  | { name: 'menu' }
  | { name: 'details'; serviceId: string }
  | { name: 'issuing' }
  | { name: 'issued'; issued: IssuedTicket; note: string | null }
  | { name: 'appointment' }
  | { name: 'opinion' }
  | { name: 'thanks' }
  | { name: 'error'; message: string };

interface KioskState {
  step: KioskStep;
  largeText: boolean;
  go(step: KioskStep): void;
  reset(): void;
  toggleLargeText(): void;
}

export const useKiosk = create<KioskState>((set) => ({
  step: { name: 'menu' },
  largeText: false,
  go: (step) => set({ step }),
  reset: () => set({ step: { name: 'menu' } }),
  toggleLargeText: () => set((s) => ({ largeText: !s.largeText })),
}));

/** Seconds of no touch after which the kiosk returns to the start screen. */
export const IDLE_SECONDS = { issued: 20, other: 60 } as const;
