import type { Service, Ticket } from '@onestop/shared';
import {
  effectiveCounters,
  estimateWaitSec,
  peopleAhead,
  recentHandleSec,
} from '../domain/estimate';
import type { HallState } from '../store/hall-repo';
import type { Store } from '../store/store';

export interface QueuePosition {
  peopleAhead: number;
  estimatedWaitSec: number;
}

/** Where a waiting ticket stands: people ahead in its service and the estimated wait. */
export function queuePosition(
  store: Store,
  hall: HallState,
  ticket: Ticket,
  service: Service,
  waiting: readonly Ticket[],
  now: number,
): QueuePosition {
  const ahead = peopleAhead(ticket, waiting, service, hall.config.callWeights, now);
  const counters = store.counters.all();
  const withWaiting = new Set(waiting.map((t) => t.serviceId));
  withWaiting.add(service.id);
  const serving = counters.filter((c) => c.state === 'open' && c.serviceIds.includes(service.id));
  const busy = store.tickets.busyCounterIds();
  return {
    peopleAhead: ahead,
    estimatedWaitSec: estimateWaitSec({
      peopleAhead: ahead,
      counters: effectiveCounters(service.id, counters, withWaiting),
      handleSec: recentHandleSec(
        service,
        store.tickets.recentHandleSec(hall.businessDay, service.id),
      ),
      allBusy: serving.length > 0 && serving.every((c) => busy.has(c.id)),
    }),
  };
}
