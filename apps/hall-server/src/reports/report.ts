import type { HallReport } from '@onestop/shared';
import type { ReportFacts, ReportInput } from './facts';
import { estimatesReport } from './estimates';
import { casesReport, opinionsReport } from './follow-ups';
import { promisesReport, withClerkPromises } from './promises';
import { hardwareReport } from './hardware';
import { remediesReport, withClerkRemedies } from './remedies';
import { withClerkQuizzes } from './quizzes';
import { staffingReport } from './staffing';
import { tallyTickets } from './tally';
import { clerkRows, serviceRows } from './volume';
import { withClerkVips } from './vip-managers';
import { withClerkSpotChecks } from './spot-checks';

// The hall's statistics for a range of business days. queries.ts reads a few columns of the
// range's tickets in one indexed query; computing is pure functions over those facts, one file
// a section, so the figures are tested against hand-computed fixture days.

export function computeReport(
  facts: ReportFacts,
  input: ReportInput,
): Omit<HallReport, 'elapsedMs'> {
  const tally = tallyTickets(facts.tickets, input.services);
  const { hours, staffing, staffingByService } = staffingReport(
    tally,
    input.services,
    input.serviceLevel,
  );
  const asOf = input.asOf ?? input.now;
  const promises = facts.promises
    ? promisesReport(facts.promises.rows, input.caseTypes ?? [], {
        fromMs: facts.promises.fromMs,
        toMs: facts.promises.toMs,
        asOf,
      })
    : undefined;
  const clerks = withClerkSpotChecks(
    withClerkVips(
      withClerkRemedies(clerkRows(tally, input.staff, facts), facts.remedies ?? []),
      facts.vips ?? [],
    ),
    facts.spotChecks ?? [],
  );
  return {
    from: input.from,
    to: input.to,
    days: tally.days.size,
    tickets: tally.tickets,
    services: serviceRows(tally, input.services, facts),
    clerks: withClerkQuizzes(
      promises ? withClerkPromises(clerks, promises.byOwner) : clerks,
      facts.quizzes ?? [],
    ),
    hours,
    arrivalsByWeekdayHour: tally.arrivalsByWeekdayHour,
    opinions: opinionsReport(facts.opinions, input.asOf ?? input.now),
    cases: casesReport(facts.cases, input.caseTypes ?? []),
    staffing,
    staffingByService,
    estimates: estimatesReport(tally, input.services),
    ...(facts.remedies ? { remedies: remediesReport(facts.remedies) } : {}),
    ...(promises ? { promises: promises.report } : {}),
    ...(facts.hardware ? { hardware: hardwareReport(facts.hardware) } : {}),
    generatedAt: input.now,
  };
}
