// The range told at issue, learned from the hall's own record (docs/benchmarks.md, "Wait
// estimates against the naive one"). The played-forward centre is short on average: breaks,
// no-shows, transfers and walk-ins are not modelled, and the misses have a long tail. Each
// ticket keeps the centre it was told and its real wait, so the ends of the range are the
// quantiles of the misses of the customers of recent days told about the same centre (the
// nearest `NEIGHBOURS` by centre, of the same service when it has enough). Misses are taken
// relative to (centre + SCALE_SEC), so a wait longer than any seen gets proportionally wider
// ends. The centre itself is left alone: shifting it by the learned median made the mean
// absolute error worse, not better (the median miss is near zero; the mean is the tail).

/** A customer told a wait at issue and called since. */
export interface ToldWait {
  serviceId: string;
  /** The centre told at issue. */
  centreSec: number;
  /** Issue to first call. */
  waitSec: number;
}

export interface LearnedRange {
  lowSec: number;
  highSec: number;
}

export interface RangeCalibration {
  /** The range around `centreSec` for a customer of `serviceId`; null with too little history
   *  (the estimate's own range stands then). */
  range(serviceId: string, centreSec: number): LearnedRange | null;
}

/** Customers told about the nearest centres that a range is learned from. */
export const NEIGHBOURS = 150;
/** Fewer customers than this (a service's own, or the hall's): not enough to learn from. */
export const MIN_TOLD = 60;
/** Share of customers meant to be called after the upper end (the goal is at most 10 %). */
const Q_HIGH = 0.9;
/** Share meant to be called before the lower end. */
const Q_LOW = 0.05;
/** Misses are relative to the centre plus this: a near-zero centre still has minutes of miss. */
const SCALE_SEC = 600;
/** The upper end is at least this far above the centre: never a bare point. */
const MIN_ABOVE_SEC = 60;

interface Miss {
  centreSec: number;
  /** (wait − centre) / (centre + SCALE_SEC). */
  relative: number;
}

export function calibrateRanges(history: readonly ToldWait[]): RangeCalibration {
  const misses = (list: readonly ToldWait[]): Miss[] =>
    list
      .map((t) => ({
        centreSec: t.centreSec,
        relative: (t.waitSec - t.centreSec) / (t.centreSec + SCALE_SEC),
      }))
      .sort((a, b) => a.centreSec - b.centreSec);
  const hall = misses(history);
  const byService = new Map<string, Miss[]>();
  for (const serviceId of new Set(history.map((t) => t.serviceId))) {
    const own = misses(history.filter((t) => t.serviceId === serviceId));
    if (own.length >= MIN_TOLD) byService.set(serviceId, own);
  }
  return {
    range(serviceId, centreSec) {
      const pool = byService.get(serviceId) ?? hall;
      if (pool.length < MIN_TOLD) return null;
      const near = nearest(pool, centreSec, NEIGHBOURS)
        .map((m) => m.relative)
        .sort((a, b) => a - b);
      const scale = centreSec + SCALE_SEC;
      const low = centreSec + quantile(near, Q_LOW) * scale;
      const high = centreSec + quantile(near, Q_HIGH) * scale;
      return {
        lowSec: Math.round(Math.max(0, Math.min(centreSec, low))),
        highSec: Math.round(Math.max(centreSec + MIN_ABOVE_SEC, high)),
      };
    },
  };
}

/** The `k` misses of `sorted` (by centre) whose centres are nearest `centreSec`. */
function nearest(sorted: readonly Miss[], centreSec: number, k: number): Miss[] {
  if (sorted.length <= k) return [...sorted];
  let hi = sorted.findIndex((m) => m.centreSec >= centreSec);
  if (hi < 0) hi = sorted.length;
  let lo = hi - 1;
  const out: Miss[] = [];
  while (out.length < k) {
    const below = lo >= 0 ? centreSec - sorted[lo]!.centreSec : Infinity;
    const above = hi < sorted.length ? sorted[hi]!.centreSec - centreSec : Infinity;
    out.push(below <= above ? sorted[lo--]! : sorted[hi++]!);
  }
  return out;
}

/** The `p` quantile of ascending `sorted` (linear between neighbours). */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}
