import { percentile, type HallReport, type Service, type Staff } from '@onestop/shared';
import type { ReportFacts } from './facts';
import { mean, round, satisfactionOf, share } from './figures';
import { bucket, type TicketTally } from './tally';

// Per service (waits against its target, handling, no-shows, satisfaction) and per clerk (the
// appraisal: visits served, ratings, opinions, cases).

type Rated = Pick<ReportFacts, 'evaluations'>;

export function serviceRows(
  tally: TicketTally,
  services: Service[],
  facts: Rated,
): HallReport['services'] {
  return services.map((service) => {
    const b = tally.byService.get(service.id) ?? bucket();
    return {
      serviceId: service.id,
      tickets: b.tickets,
      called: b.called,
      waitP50Sec: round(percentile(b.waits, 50)),
      waitP90Sec: round(percentile(b.waits, 90)),
      withinTargetShare: share(
        b.waits.filter((w) => w <= service.targetWaitSec).length,
        b.waits.length,
      ),
      handleMeanSec: round(mean(b.handles)),
      handleP90Sec: round(percentile(b.handles, 90)),
      noShowRate: share(b.noShows, b.called),
      transfers: b.transfers,
      cancellations: b.cancellations,
      ...satisfactionOf(
        facts.evaluations.filter((e) => e.serviceId === service.id && e.score !== null),
      ),
    };
  });
}

/** The clerks who served, owned, were rated, had opinions or cases in the range. */
export function clerkRows(
  tally: TicketTally,
  staff: Staff[],
  facts: Omit<ReportFacts, 'tickets'>,
): HallReport['clerks'] {
  return staff
    .filter((s) => s.roles.includes('clerk'))
    .map((clerk) => {
      const handles = tally.servedBy.get(clerk.id) ?? []; // only their mean is needed
      const rated = facts.evaluations.filter((e) => e.staffId === clerk.id && e.score !== null);
      const cases = facts.cases.filter((c) => c.ownerStaffId === clerk.id && c.openedInRange);
      return {
        staffId: clerk.id,
        name: clerk.name,
        staffNo: clerk.staffNo,
        served: handles.length,
        handleMeanSec: round(mean(handles)),
        owned: tally.ownedBy.get(clerk.id) ?? 0,
        rated: rated.length,
        ratingCoverage: share(rated.length, handles.length),
        satisfactionRate: satisfactionOf(rated).satisfactionRate,
        dissatisfied: rated.filter((e) => e.score === 'dissatisfied').length,
        opinions: facts.opinions.filter((o) => o.ownerStaffId === clerk.id).length,
        casesOwned: cases.length,
        casesOnTime: cases.filter((c) => c.closedOnTime === true).length,
        overdue: cases.filter((c) => c.overdue).length,
      };
    })
    .filter((c) => c.served + c.owned + c.rated + c.casesOwned + c.opinions > 0);
}
