import type { EvaluationFacts } from './facts';

// The arithmetic every section of a report shares: means, rounding, shares, satisfaction.

/** Sorts in place, smallest first (percentile wants its values sorted). */
export const ascending = (values: number[]) => values.sort((a, b) => a - b);

export const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** part / whole to four decimals; 0 of nothing is 0. */
export const share = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));

/** 非常满意 or 满意. */
export const isSatisfied = (e: EvaluationFacts) =>
  e.score === 'very_satisfied' || e.score === 'satisfied';

/** Of rated evaluations: how many, and the share 非常满意 or 满意 (null when none). */
export function satisfactionOf(rated: EvaluationFacts[]) {
  return {
    rated: rated.length,
    satisfactionRate:
      rated.length === 0 ? null : share(rated.filter(isSatisfied).length, rated.length),
  };
}
