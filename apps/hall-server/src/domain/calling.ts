import type {
  CallWeights,
  Counter,
  PriorityClass,
  Service,
  Ticket,
  WaitBand,
} from '@onestop/shared';

// The calling policy (DESIGN.md §4): tickets transferred to this counter first; then a score of
// priority class plus a target-wait term (weights from the hall's configuration); then first
// issued first; then the counter's own service order.
//
// The target-wait term, in minutes past target (negative: still within it), times
// perMinutePastTarget. With passOverTargets = 0 it is just the minutes past target: the ticket
// furthest past its target goes first. With passOverTargets = k > 0 (the demo hall: 1), a ticket
// that has just missed its target waits behind the tickets of its class that can still make
// theirs (closest to missing first) for up to k of its service's target waits; beyond that it is
// overdue and goes before them, furthest past first. In a busy hour, serving the customer about
// to miss the target instead of the one who already has keeps more customers within target
// (docs/benchmarks.md, `npm run bench:policy`), and no ticket is passed over for long.

/** Minutes that set the three bands apart: below the smallest class gap of the default weights. */
export const PASS_OVER_BAND_MIN = 120;

export function priorityClassOf(ticket: Ticket): PriorityClass {
  return ticket.returning ? 'returning' : ticket.priority;
}

/** Which band of the target-wait term a wait falls in (see `WaitBand`). */
export function waitBand(waitedMin: number, targetMin: number, passOverTargets: number): WaitBand {
  const pastTarget = waitedMin - targetMin;
  if (pastTarget <= 0) return 'within';
  const window = passOverTargets * targetMin;
  if (window <= 0) return 'past';
  return pastTarget > window ? 'overdue' : 'passedOver';
}

/** The target-wait term in minutes: higher goes first within a priority class. */
export function targetWaitTerm(
  waitedMin: number,
  targetMin: number,
  passOverTargets: number,
): number {
  const pastTarget = waitedMin - targetMin;
  switch (waitBand(waitedMin, targetMin, passOverTargets)) {
    case 'within':
    case 'past':
      return pastTarget;
    case 'overdue':
      return pastTarget + PASS_OVER_BAND_MIN;
    case 'passedOver':
      return pastTarget - PASS_OVER_BAND_MIN;
  }
}

export function callScore(
  ticket: Ticket,
  service: Pick<Service, 'targetWaitSec'>,
  weights: CallWeights,
  now: number,
): number {
  const term = targetWaitTerm(
    (now - ticket.queuedAt) / 60_000,
    service.targetWaitSec / 60,
    weights.passOverTargets ?? 0,
  );
  return weights[priorityClassOf(ticket)] + weights.perMinutePastTarget * term;
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
      // Ids are ASCII: code-unit order, without loading ICU's collation data (~3 MiB).
      (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0),
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
