// How long a counter is taken by one customer of a service, learned from recent business days:
// from the call to the finish (walking up included), per service and hour of the day. Robust
// to outliers (a parked visit, a forgotten finish): a trimmed mean and a trimmed spread, and the
// service's target handling time while there is no history.

/** One finished visit: its service, the hour of day it was called, the counter's time taken. */
export interface HandlingSample {
  serviceId: string;
  hour: number;
  sec: number;
}

export interface HandlingTime {
  /** Trimmed mean, seconds. */
  meanSec: number;
  /** Standard deviation of the trimmed samples, seconds. */
  sdSec: number;
  /** Samples it rests on; 0 when it is the target handling time. */
  n: number;
}

/** Share cut off each end before averaging: a parked visit or a forgotten finish weighs nothing. */
const TRIM = 0.1;
/** Samples wanted in the hour (and its neighbours) before the hour's own figure is trusted. */
const MIN_IN_HOUR = 20;
/** Samples wanted over the whole day before history replaces the target. */
const MIN_IN_DAY = 5;
/** With no history the spread is taken as this share of the target. */
const TARGET_SPREAD = 0.5;

/** Trimmed mean and spread of samples (any order). */
export function trimmed(samples: readonly number[]): HandlingTime {
  if (samples.length === 0) return { meanSec: 0, sdSec: 0, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * TRIM);
  const kept = sorted.slice(cut, sorted.length - cut);
  const mean = kept.reduce((s, v) => s + v, 0) / kept.length;
  const variance = kept.reduce((s, v) => s + (v - mean) ** 2, 0) / kept.length;
  return { meanSec: mean, sdSec: Math.sqrt(variance), n: samples.length };
}

export interface HandlingProfile {
  /** The handling time of `serviceId` for a customer called in local `hour`. */
  at(serviceId: string, hour: number, targetHandleSec: number): HandlingTime;
}

/** A profile over samples of the last business days: the hour ±1 when it has enough, else the
 *  whole day, else the target. */
export function handlingProfile(samples: readonly HandlingSample[]): HandlingProfile {
  const byService = new Map<string, HandlingSample[]>();
  for (const s of samples) {
    const list = byService.get(s.serviceId) ?? byService.set(s.serviceId, []).get(s.serviceId)!;
    list.push(s);
  }
  const cache = new Map<string, HandlingTime>();
  return {
    at(serviceId, hour, targetHandleSec) {
      const key = `${serviceId} ${hour}`;
      const known = cache.get(key);
      if (known) return known;
      const mine = byService.get(serviceId) ?? [];
      const near = mine.filter((s) => Math.abs(s.hour - hour) <= 1).map((s) => s.sec);
      const time =
        near.length >= MIN_IN_HOUR
          ? trimmed(near)
          : mine.length >= MIN_IN_DAY
            ? trimmed(mine.map((s) => s.sec))
            : { meanSec: targetHandleSec, sdSec: targetHandleSec * TARGET_SPREAD, n: 0 };
      cache.set(key, time);
      return time;
    },
  };
}

/** The plain mean of a service's samples, or its target: what the naive estimate uses. */
export function plainMeanSec(
  samples: readonly HandlingSample[],
  serviceId: string,
  targetHandleSec: number,
): number {
  const mine = samples.filter((s) => s.serviceId === serviceId);
  if (mine.length === 0) return targetHandleSec;
  return mine.reduce((sum, s) => sum + s.sec, 0) / mine.length;
}
