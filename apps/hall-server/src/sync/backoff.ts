// Retry delays: exponential with jitter, so a thousand halls that lost the WAN at the same
// moment do not all knock on the center's door at the same moment when it comes back.

export interface Backoff {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** The longest delay, ms. */
  maxMs: number;
}

/**
 * The delay before retry number `attempt` (0 = the first retry): the exponential step, capped,
 * of which the upper half is random ("equal jitter": never less than half the step).
 */
export function retryDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Requests: a few quick tries within one run. */
export const REQUEST_BACKOFF: Backoff = { baseMs: 1000, maxMs: 60_000 };
/** Whole runs after a failed one: from five minutes up to every two hours until one succeeds. */
export const RUN_BACKOFF: Backoff = { baseMs: 5 * 60_000, maxMs: 2 * 3_600_000 };
