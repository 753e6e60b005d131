// Erlang C (M/M/c): how many counters a service needs open in an hour to meet a service level
// such as "80 % of customers called within the target wait". Pure functions.

/**
 * The probability that an arriving customer has to wait, with `c` counters and an offered
 * load of `a` erlangs (arrival rate × mean handling time). 1 when the queue is unstable.
 */
export function erlangC(c: number, a: number): number {
  if (c <= 0) return 1;
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

export interface QueueLoad {
  /** Customers arriving per hour. */
  arrivalsPerHour: number;
  /** Mean handling time in seconds. */
  meanHandleSec: number;
}

/** Share of customers called within `targetWaitSec` with `c` counters open. */
export function serviceLevel(c: number, load: QueueLoad, targetWaitSec: number): number {
  if (load.arrivalsPerHour <= 0) return 1;
  const lambda = load.arrivalsPerHour / 3600; // per second
  const mu = 1 / load.meanHandleSec;
  const a = lambda / mu;
  if (a >= c) return 0;
  return 1 - erlangC(c, a) * Math.exp(-(c * mu - lambda) * targetWaitSec);
}

/** Mean wait in seconds with `c` counters open (Infinity when the queue is unstable). */
export function meanWaitSec(c: number, load: QueueLoad): number {
  if (load.arrivalsPerHour <= 0) return 0;
  const lambda = load.arrivalsPerHour / 3600;
  const mu = 1 / load.meanHandleSec;
  const a = lambda / mu;
  if (a >= c) return Infinity;
  return erlangC(c, a) / (c * mu - lambda);
}

/** The fewest counters that meet the service level (0 when nobody comes). */
export function countersNeeded(
  load: QueueLoad,
  targetWaitSec: number,
  level: number,
  max = 200,
): number {
  if (load.arrivalsPerHour <= 0) return 0;
  for (let c = 1; c <= max; c++) {
    if (serviceLevel(c, load, targetWaitSec) >= level) return c;
  }
  return max;
}
