import { accept } from '../../domain/result';
import { loadReportFacts, rangeEndMs } from '../../reports/queries';
import { computeReport } from '../../reports/report';
import { handler } from '../context';

// Reports read the hall's history (reports/queries.ts); the computation is in reports/report.ts.

export const reportHandlers = {
  'report:get': handler<'report:get'>({
    run(tx, { from, to, serviceLevel }) {
      const started = performance.now();
      const { timeZone } = tx.hall.config;
      const facts = loadReportFacts(tx.store.db, from, to, timeZone, tx.now);
      const report = computeReport(facts, {
        from,
        to,
        services: tx.store.services.all(),
        staff: tx.store.staff.all(),
        caseTypes: tx.store.caseTypes.all(),
        serviceLevel: serviceLevel ?? 0.8,
        now: tx.now,
        asOf: Math.min(tx.now, rangeEndMs(to, timeZone)),
      });
      return accept({ ...report, elapsedMs: Math.round(performance.now() - started) });
    },
  }),
};
