import type { CallWeights, Counter, Service, Ticket } from '@onestop/shared';
import { callScore } from './calling';

// Estimated wait for a waiting ticket: the people ahead of it in its service, divided among the
// open counters serving that service now, at the recent handling time of that service.

const RECENT_SAMPLES = 20;
const MIN_SAMPLES_FOR_TRUST = 5;

/** Recent handling time: the mean of the last finished services, blended with the target
 *  while there are few samples (the first customers of the day). */
export function recentHandleSec(
  service: Pick<Service, 'targetHandleSec'>,
  recentDurationsSec: readonly number[],
): number {
  const samples = recentDurationsSec.slice(-RECENT_SAMPLES);
  if (samples.length === 0) return service.targetHandleSec;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const trust = Math.min(1, samples.length / MIN_SAMPLES_FOR_TRUST);
  return trust * mean + (1 - trust) * service.targetHandleSec;
}

/** Open counters serving `serviceId`, each shared among the services it has people waiting for. */
export function effectiveCounters(
  serviceId: string,
  counters: readonly Counter[],
  servicesWithWaiting: ReadonlySet<string>,
): number {
  let total = 0;
  for (const c of counters) {
    if (c.state !== 'open' || !c.serviceIds.includes(serviceId)) continue;
    const sharedWith = c.serviceIds.filter(
      (s) => s === serviceId || servicesWithWaiting.has(s),
    ).length;
    total += 1 / Math.max(1, sharedWith);
  }
  return total;
}

/** How many waiting tickets of the same service would be called before `ticket`. */
export function peopleAhead(
  ticket: Ticket,
  waiting: readonly Ticket[],
  service: Pick<Service, 'targetWaitSec'>,
  weights: CallWeights,
  now: number,
): number {
  const mine = callScore(ticket, service, weights, now);
  let ahead = 0;
  for (const other of waiting) {
    if (other.id === ticket.id || other.serviceId !== ticket.serviceId || other.state !== 'waiting')
      continue;
    const theirs = callScore(other, service, weights, now);
    if (theirs > mine || (theirs === mine && other.queuedAt < ticket.queuedAt)) ahead += 1;
  }
  return ahead;
}

export interface WaitEstimateInput {
  peopleAhead: number;
  counters: number;
  handleSec: number;
  /** Whether every counter serving the service is busy right now. */
  allBusy: boolean;
}

export function estimateWaitSec({
  peopleAhead,
  counters,
  handleSec,
  allBusy,
}: WaitEstimateInput): number {
  // With no counter open the estimate assumes one will open: better a number than none.
  const servers = Math.max(counters, 1);
  const inService = allBusy ? 0.5 : 0;
  return Math.round(((peopleAhead + inService) * handleSec) / servers);
}
