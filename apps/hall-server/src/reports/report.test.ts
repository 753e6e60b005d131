import { describe, expect, it } from 'vitest';
import { computeReport } from './report';
import { clerk, service } from './report-fixture';

describe('a report', () => {
  it('gives an empty report, not an error, for a range with no data', () => {
    const empty = computeReport(
      { tickets: [], opinions: [], evaluations: [], cases: [] },
      {
        from: '2020-01-01',
        to: '2020-01-31',
        services: [service('svc-a', 600)],
        staff: [clerk('c1', '1001')],
        serviceLevel: 0.8,
        now: 0,
      },
    );
    expect(empty).toMatchObject({
      days: 0,
      tickets: 0,
      clerks: [],
      hours: [],
      staffingByService: [],
    });
    expect(empty.services[0]).toMatchObject({ tickets: 0, waitP50Sec: 0, withinTargetShare: 0 });
    expect(empty.opinions.meanHoursToClose).toBeNull();
    expect(empty.cases).toEqual({
      opened: 0,
      closed: 0,
      onTime: 0,
      onTimeRate: null,
      open: 0,
      overdue: 0,
      byType: [],
    });
  });
});
