import type { HallReport, Service } from '@onestop/shared';
import { mean, round, share } from './figures';
import type { EstimateError, TicketTally } from './tally';

// How well the wait told at issue matched the wait each ticket had: overall, per service and
// per hour of issue, against the naive estimate kept beside it.

type Accuracy = HallReport['estimates']['overall'];

export function accuracyOf(key: string, errors: EstimateError[]): Accuracy {
  const naive = errors.flatMap((e) => (e.naiveError === null ? [] : [Math.abs(e.naiveError)]));
  const ranged = errors.filter((e) => e.overHigh !== null);
  return {
    key,
    n: errors.length,
    maeSec: round(mean(errors.map((e) => Math.abs(e.error)))),
    biasSec: round(mean(errors.map((e) => e.error))),
    // The naive figure over the same tickets only when every one kept it.
    naiveMaeSec: naive.length === 0 || naive.length < errors.length ? null : round(mean(naive)),
    overHighShare:
      ranged.length === 0 ? null : share(ranged.filter((e) => e.overHigh).length, ranged.length),
  };
}

const hourKey = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function estimatesReport(tally: TicketTally, services: Service[]): HallReport['estimates'] {
  return {
    overall: accuracyOf('all', tally.allEstimates),
    toldNoCounter: tally.toldNoCounter,
    byService: services.map((s) =>
      accuracyOf(s.id, tally.byService.get(s.id)?.estimateErrors ?? []),
    ),
    byHour: [...tally.hall.byHour.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, b]) => b.estimateErrors.length > 0)
      .map(([hour, b]) => accuracyOf(hourKey(hour), b.estimateErrors)),
  };
}
