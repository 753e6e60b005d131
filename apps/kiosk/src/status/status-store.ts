import type { TicketStatus } from '@onestop/shared';
import { queryUrl } from '@onestop/shared/paths';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

// The customer's phone page: one ticket's public status, asked for every few seconds and when
// the page comes back into view. No socket, no device token: the QR code's token is the key.

export type StatusView =
  | { kind: 'invalid-link' }
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error' }
  | { kind: 'ready'; status: TicketStatus; at: number; stale: boolean };

export type StatusFetch = (ticketId: string, token: string) => Promise<Response>;

export const defaultFetch: StatusFetch = (ticketId, token) =>
  fetch(queryUrl('ticket:status', { ticketId, token }), { cache: 'no-store' });

export function createStatusStore(
  ticketId: string,
  token: string,
  get: StatusFetch = defaultFetch,
) {
  const store = createStore<{ view: StatusView; refresh(): Promise<void> }>()((set, read) => ({
    view: ticketId && token ? { kind: 'loading' } : { kind: 'invalid-link' },
    async refresh() {
      if (!ticketId || !token) return;
      try {
        const res = await get(ticketId, token);
        const ack = (await res.json()) as { ok: boolean; data?: TicketStatus; code?: string };
        if (ack.ok && ack.data)
          return set({ view: { kind: 'ready', status: ack.data, at: Date.now(), stale: false } });
        // The server answered: a wrong or foreign token, or a ticket of another day.
        if (res.status < 500) return set({ view: { kind: 'not-found' } });
        throw new Error(ack.code ?? String(res.status));
      } catch {
        // Unreachable for now: keep the last known state, marked stale.
        const view = read().view;
        set({ view: view.kind === 'ready' ? { ...view, stale: true } : { kind: 'error' } });
      }
    },
  }));
  return store;
}

export type StatusStore = ReturnType<typeof createStatusStore>;

export function useStatusView(store: StatusStore): StatusView {
  return useStore(store, (s) => s.view);
}
