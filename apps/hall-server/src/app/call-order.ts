import type {
  CallPlace,
  CommandOutput,
  Counter,
  HallConfig,
  Service,
  Ticket,
} from '@onestop/shared';
import { callOrder, priorityClassOf, waitBand } from '../domain/calling';
import type { Store } from '../store/store';

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

type CallOrder = CommandOutput<'console:call-order'>;

/**
 * Every console asks again at each change of the hall and every 15 s, and the answer sorts
 * every waiting ticket once per service and once per open counter (40 ms for 5,000 tickets at
 * 40 counters): worked out once per hall seq and shared for a few seconds, so neither several
 * consoles nor a flood of queries from a copied leader's session costs more than the first.
 */
const FRESH_MS = 5_000;
const caches = new WeakMap<Store, { seq: number; answer: CallOrder; builds: number }>();

export function cachedCallOrder(store: Store, seq: number, now: number, build: () => CallOrder) {
  const cache = caches.get(store);
  const at = cache?.answer.at ?? Number.NEGATIVE_INFINITY;
  if (cache && cache.seq === seq && now >= at && now - at < FRESH_MS) return cache.answer;
  const answer = build();
  caches.set(store, { seq, answer, builds: (cache?.builds ?? 0) + 1 });
  return answer;
}

/** How many times the order was worked out (tests: a flood of queries reuses one answer). */
export function callOrderBuilds(store: Store): number {
  return caches.get(store)?.builds ?? 0;
}

/** Drops the cached order: a batch that failed to commit may have been read into it. */
export function forgetCallOrder(store: Store): void {
  caches.delete(store);
}
