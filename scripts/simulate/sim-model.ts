import type { EvaluationScore } from '@onestop/shared';

// The shape of a simulated hall day: arrivals, service mix, handling times, and the random
// numbers behind them. Pure and seeded, so a day can be replayed exactly.

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** A standard normal sample (Box–Muller). */
export function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Median handling time per service (seconds): the day simulator and the policy replay draw from it. */
export const SERVICE_MEDIAN_SEC: Readonly<Record<string, number>> = {
  'svc-billing': 150,
  'svc-connection': 780,
  'svc-account': 480,
  'svc-fault': 260,
  'svc-invoice': 100,
};

/** A lognormal handling time with the given median (seconds) and spread. */
export function lognormal(random: Random, medianSec: number, sigma = 0.45): number {
  return Math.max(30, Math.round(medianSec * Math.exp(sigma * normal(random))));
}

/** Exponential inter-arrival time (seconds) for a rate per hour. */
export function interArrivalSec(random: Random, perHour: number): number {
  return (-Math.log(Math.max(random(), 1e-12)) * 3600) / perHour;
}

/**
 * Relative arrival rate by local hour: a morning peak around 10:00 and an early-afternoon
 * peak around 14:00, quiet at lunch; the hall opens 08:30 and stops issuing at 17:00.
 */
export const HOURLY_PROFILE: Readonly<Record<number, number>> = {
  8: 0.7,
  9: 1.4,
  10: 1.7,
  11: 1.2,
  12: 0.6,
  13: 1.1,
  14: 1.5,
  15: 1.1,
  16: 0.7,
};
export const OPENS_AT_SEC = 8.5 * 3600;
export const CLOSES_AT_SEC = 17 * 3600;

export interface DayPlan {
  /** Expected customers over the day. */
  visits: number;
  serviceMix: readonly (readonly [string, number])[];
  /** Share of tickets that do not show up when called. */
  noShowRate: number;
  transferRate: number;
  parkRate: number;
  walkInRate: number;
  opinionRate: number;
  vipRate: number;
  priorityRate: number;
  /** Each score's weight; `null`: the customer does not rate. */
  ratingMix: readonly (readonly [EvaluationScore | null, number])[];
}

export const defaultPlan: DayPlan = {
  visits: 420,
  serviceMix: [
    ['svc-billing', 40],
    ['svc-connection', 10],
    ['svc-account', 12],
    ['svc-fault', 20],
    ['svc-invoice', 18],
  ],
  noShowRate: 0.04,
  transferRate: 0.03,
  parkRate: 0.02,
  walkInRate: 0.02,
  opinionRate: 0.01,
  vipRate: 0.03,
  priorityRate: 0.05,
  ratingMix: [
    ['very_satisfied', 68],
    ['satisfied', 22],
    ['neutral', 5],
    ['dissatisfied', 2],
    [null, 3],
  ],
};

/** Arrival times (seconds into the local day) for one day, following the hourly profile. */
export function arrivals(random: Random, visits: number): number[] {
  const hours = Object.entries(HOURLY_PROFILE).map(([h, w]) => [Number(h), w] as const);
  const openHours = (CLOSES_AT_SEC - OPENS_AT_SEC) / 3600;
  const meanWeight = hours.reduce((s, [, w]) => s + w, 0) / hours.length;
  const times: number[] = [];
  let t = OPENS_AT_SEC;
  for (;;) {
    const hour = Math.floor(t / 3600);
    const weight = HOURLY_PROFILE[hour] ?? 0.5;
    const perHour = ((visits / openHours) * weight) / meanWeight;
    t += interArrivalSec(random, perHour);
    if (t >= CLOSES_AT_SEC) return times;
    times.push(Math.round(t));
  }
}
