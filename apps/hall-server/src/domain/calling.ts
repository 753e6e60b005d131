import type { CallWeights, Counter, PriorityClass, Service, Ticket } from '@onestop/shared';

// The calling policy (DESIGN.md §4): tickets transferred to this counter first; then a score of
// priority class plus how far each ticket is past its service's target wait (weights from the
// hall's configuration); then first issued first; then the counter's own service order.

export function priorityClassOf(ticket: Ticket): PriorityClass {
  return ticket.returning ? 'returning' : ticket.priority;
}

export function callScore(
  ticket: Ticket,
  service: Pick<Service, 'targetWaitSec'>,
  weights: CallWeights,
  now: number,
): number {
  const minutesPastTarget = (now - ticket.queuedAt) / 60_000 - service.targetWaitSec / 60;
  return weights[priorityClassOf(ticket)] + weights.perMinutePastTarget * minutesPastTarget;
}

/** Can this counter call this waiting ticket at all? */
export function isCallableBy(ticket: Ticket, counter: Counter): boolean {
  if (ticket.state !== 'waiting') return false;
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

/** Waiting tickets in the order `counter` would call them. */
export function callOrder(
  waiting: readonly Ticket[],
  counter: Counter,
  services: ReadonlyMap<string, Pick<Service, 'targetWaitSec'>>,
  weights: CallWeights,
  now: number,
): Ticket[] {
  const ranked = waiting
    .filter((t) => isCallableBy(t, counter))
    .map((ticket) => ({
      ticket,
      targeted: ticket.targetCounterId === counter.id,
      score: callScore(
        ticket,
        services.get(ticket.serviceId) ?? { targetWaitSec: 600 },
        weights,
        now,
      ),
      position: counter.serviceIds.indexOf(ticket.serviceId),
    }));
  ranked.sort(
    (a, b) =>
      Number(b.targeted) - Number(a.targeted) ||
      (a.targeted ? 0 : b.score - a.score) ||
      a.ticket.queuedAt - b.ticket.queuedAt ||
      a.position - b.position ||
      a.ticket.dailySeq - b.ticket.dailySeq ||
      a.ticket.id.localeCompare(b.ticket.id),
  );
  return ranked.map((r) => r.ticket);
}

export function pickNext(
  waiting: readonly Ticket[],
  counter: Counter,
  services: ReadonlyMap<string, Pick<Service, 'targetWaitSec'>>,
  weights: CallWeights,
  now: number,
): Ticket | null {
  return callOrder(waiting, counter, services, weights, now)[0] ?? null;
}
