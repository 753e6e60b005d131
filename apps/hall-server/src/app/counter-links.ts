import type { Ticket } from '@onestop/shared';
import { accept } from '../domain/result';
import { returnTicket } from '../domain/tickets';
import { releaseHeldFor } from '../domain/vip-routing';
import type { Hall } from './hall';

// A counter terminal that drops off the network in the middle of a call must not lose the
// customer it called: after the hall's grace time its called tickets go back to the queue,
// ahead of others, and so do the VIP tickets waiting for its counter (their account manager's,
// domain/vip-routing.ts). If the terminal is back within the grace time, nothing changes.

export const COUNTER_OFFLINE = 'counter_offline';

export interface CounterLinks {
  deviceOnline(deviceId: string): void;
  deviceOffline(deviceId: string): void;
  close(): void;
}

export function watchCounterLinks(hall: Hall): CounterLinks {
  const timers = new Map<string, NodeJS.Timeout>();

  function requeueCalledTickets(deviceId: string): void {
    timers.delete(deviceId);
    hall.runSystem('counter-link-lost', (tx) => {
      const staffIds = tx.store.devices
        .openSessions()
        .filter((s) => s.deviceId === deviceId)
        .map((s) => s.staffId);
      const returned: Ticket[] = [];
      for (const staffId of staffIds) {
        for (const ticket of tx.store.tickets.activeOfStaff(staffId)) {
          if (ticket.state !== 'called') continue; // one being served stays with its clerk
          const back = returnTicket(
            ticket,
            { staffId: null, counterId: null },
            COUNTER_OFFLINE,
            tx.now,
          );
          if (back.ok) returned.push(tx.write.ticket(back.value));
        }
        // A VIP waiting for this clerk's counter (their account manager's) is not left there.
        const counter = tx.store.counters.byStaff(staffId);
        if (!counter) continue;
        for (const back of releaseHeldFor(tx.store.tickets.waiting(), counter.id, null, tx.now)) {
          returned.push(tx.write.ticket(back));
        }
      }
      return accept(returned);
    });
  }

  return {
    deviceOnline(deviceId) {
      clearTimeout(timers.get(deviceId));
      timers.delete(deviceId);
    },
    deviceOffline(deviceId) {
      const device = hall.store.devices.byId(deviceId);
      if (!device || device.kind !== 'desk') return;
      clearTimeout(timers.get(deviceId));
      const graceMs = (hall.store.hall.state().config.counterDropGraceSec ?? 60) * 1000;
      const timer = setTimeout(() => requeueCalledTickets(deviceId), graceMs);
      timer.unref();
      timers.set(deviceId, timer);
    },
    close() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
