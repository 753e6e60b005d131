import { percentile, type HallReport, type Service } from '@onestop/shared';
import { countersNeeded } from './erlang';
import { mean, round, share } from './figures';
import { bucket, type HourBuckets, type TicketTally } from './tally';

// Staffing by the hour: load, handling, waits, the counters that served, and what Erlang C
// recommends for the service level; for the whole hall against its tightest target wait, and
// for each service against its own.

/** Load, handling, waits, counters that served, and what Erlang C recommends, per hour. */
export function hourRows(
  h: HourBuckets,
  dayCount: number,
  targetWaitSec: number,
  level: number,
): HallReport['hours'] {
  const hourKeys = [...new Set([...h.byHour.keys(), ...h.serving.keys()])].sort((a, b) => a - b);
  return hourKeys.map((hour) => {
    const b = h.byHour.get(hour) ?? bucket();
    const arrivalsPerHour = b.tickets / dayCount;
    const handleMeanSec = mean(b.handles);
    return {
      hour,
      arrivalsPerHour: round(arrivalsPerHour, 2),
      handleMeanSec: round(handleMeanSec),
      waitP50Sec: round(percentile(b.waits, 50)),
      waitP90Sec: round(percentile(b.waits, 90)),
      withinTargetShare: share(b.withinTarget, b.waits.length),
      countersServing: round((h.serving.get(hour)?.size ?? 0) / dayCount, 2),
      countersRecommended:
        b.tickets === 0 || handleMeanSec === 0 || !Number.isFinite(targetWaitSec)
          ? 0
          : countersNeeded({ arrivalsPerHour, meanHandleSec: handleMeanSec }, targetWaitSec, level),
    };
  });
}

/** The tightest target wait of the active services; Infinity when none is active. */
export const hallTargetWaitSec = (services: Service[]) =>
  Math.min(...services.filter((s) => s.active).map((s) => s.targetWaitSec), Infinity);

export function staffingReport(
  tally: TicketTally,
  services: Service[],
  serviceLevel: number,
): Pick<HallReport, 'hours' | 'staffing' | 'staffingByService'> {
  const dayCount = Math.max(1, tally.days.size);
  const targetWaitSec = hallTargetWaitSec(services);
  return {
    hours: hourRows(tally.hall, dayCount, targetWaitSec, serviceLevel),
    staffing: {
      serviceLevel,
      targetWaitSec: Number.isFinite(targetWaitSec) ? targetWaitSec : 0,
    },
    staffingByService: services.flatMap((service) => {
      const hours = tally.hoursByService.get(service.id);
      if (!hours || (tally.byService.get(service.id)?.tickets ?? 0) === 0) return [];
      return [
        {
          serviceId: service.id,
          targetWaitSec: service.targetWaitSec,
          hours: hourRows(hours, dayCount, service.targetWaitSec, serviceLevel),
        },
      ];
    }),
  };
}
