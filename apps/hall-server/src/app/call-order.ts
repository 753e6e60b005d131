import type {
  CallPlace,
  CommandOutput,
  Counter,
  HallConfig,
  Service,
  Ticket,
} from '@onestop/shared';
import { callOrder, priorityClassOf, waitBand } from '../domain/calling';

// The console's queue list in calling order (issue 15 item 11a): the hall's own calling policy
// (domain/calling.ts) applied now, so the duty leader sees the order the counters will call,
// never a copy of the rule in the renderer.

/** A counter serving just this service: the order any counter serving it would call its tickets. */
function serving(service: Service): Counter {
  return {
    id: '',
    number: 0,
    name: '',
    serviceIds: [service.id],
    state: 'open',
    pauseReason: null,
    staffId: null,
    updatedAt: 0,
    changeSeq: 0,
  };
}

function place(ticket: Ticket, service: Service | undefined, config: HallConfig, now: number) {
  const targetSec = service?.targetWaitSec ?? 600;
  const waitedSec = (now - ticket.queuedAt) / 1000;
  return {
    ticketId: ticket.id,
    heldForCounterId: ticket.targetCounterId,
    priorityClass: priorityClassOf(ticket),
    band: waitBand(waitedSec / 60, targetSec / 60, config.callWeights.passOverTargets ?? 0),
    pastTargetSec: Math.round(waitedSec - targetSec),
  } satisfies CallPlace;
}

export function consoleCallOrder(
  waiting: readonly Ticket[],
  services: readonly Service[],
  counters: readonly Counter[],
  config: HallConfig,
  now: number,
): CommandOutput<'console:call-order'> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const weights = config.callWeights;
  const queues = services
    .filter((s) => s.active || waiting.some((t) => t.serviceId === s.id))
    .map((service) => {
      const mine = waiting.filter((t) => t.serviceId === service.id);
      // A ticket held for a counter is called first there, by no other counter: listed first.
      const held = mine
        .filter((t) => t.targetCounterId !== null)
        .sort((a, b) => a.queuedAt - b.queuedAt);
      const rest = callOrder(mine, serving(service), byId, weights, now);
      return {
        serviceId: service.id,
        tickets: [...held, ...rest].map((t) => place(t, service, config, now)),
      };
    });
  return {
    at: now,
    queues,
    counters: counters
      .filter((c) => c.state === 'open')
      .map((c) => ({
        counterId: c.id,
        next: callOrder(waiting, c, byId, weights, now)
          .slice(0, 3)
          .map((t) => t.id),
      })),
  };
}
