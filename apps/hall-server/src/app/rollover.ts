import { addDays, type HallChange, type Ticket } from '@onestop/shared';
import { businessDayOf, startOfBusinessDay } from '../domain/business-day';
import { cancelTicket } from '../domain/tickets';
import type { Store } from '../store/store';

const KEEP_COMMAND_RESULTS_MS = 3 * 86_400_000;

/**
 * The first instant of the day after the hall's business day, per store and kept until the day
 * or the time zone changes: before it the local date cannot have moved on, so the check every
 * command makes is one comparison, not time-zone arithmetic.
 */
const dayEnds = new WeakMap<Store, { businessDay: string; timeZone: string; endsAt: number }>();

export function businessDayEndsAt(store: Store, businessDay: string, timeZone: string): number {
  const known = dayEnds.get(store);
  if (known?.businessDay === businessDay && known.timeZone === timeZone) return known.endsAt;
  const endsAt = startOfBusinessDay(addDays(businessDay, 1), timeZone);
  dayEnds.set(store, { businessDay, timeZone, endsAt });
  return endsAt;
}

/**
 * Starts a new business day when the hall's local date has moved on: tickets still waiting or
 * called from the day before are cancelled (their customers have gone home), numbering starts
 * again by itself because it is keyed by the day. Called before every command and at start-up,
 * so it needs no cron and a restart at any time is safe.
 */
export function rollover(store: Store, now: number): HallChange | null {
  const hall = store.hall.state();
  const { timeZone } = hall.config;
  if (now < businessDayEndsAt(store, hall.businessDay, timeZone)) return null;
  const today = businessDayOf(now, timeZone);
  if (today <= hall.businessDay) return null; // same day, or a clock that stepped back
  const seq = hall.seq + 1;
  const tickets: Ticket[] = [];
  store.db.transaction(() => {
    for (const ticket of store.tickets.openBefore(today)) {
      const c = cancelTicket(ticket, null, 'business_day_ended', now);
      if (!c.ok) continue;
      tickets.push(store.tickets.save(c.value.ticket, seq));
      store.tickets.addTransition(c.value.transition);
    }
    store.hall.setBusinessDay(today);
    store.hall.setSeq(seq);
    store.log.pruneResults(now - KEEP_COMMAND_RESULTS_MS);
    store.log.audit({
      at: now,
      deviceId: null,
      staffId: null,
      command: 'business-day:start',
      commandId: null,
      payload: JSON.stringify({ businessDay: today, cancelled: tickets.length }),
      result: 'ok',
      reason: null,
      seq,
    });
  })();
  return {
    seq,
    at: now,
    events: [{ type: 'business-day.started', businessDay: today }],
    records: { tickets },
  };
}
