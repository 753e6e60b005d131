import { describe, expect, it } from 'vitest';
import type { OpinionFacts } from './facts';
import { opinionsReport, withRate } from './follow-ups';
import { report } from './report-fixture';

describe('a report over two fixture days: opinions and cases', () => {
  it('sums up opinions: by category and source, time to close, past due, repeated', () => {
    // Closed after 2 h and 24 h: mean 13, p90 (nearest rank 2 of 2) 24. Open: the suggestion
    // (62 h old on Friday 00:00) and the correction (87 h: past 72 h).
    expect(report.opinions).toEqual({
      total: 4,
      byCategory: { complaint: 2, suggestion: 1, praise: 0, correction: 1 },
      bySource: { kiosk: 3, guide: 1 },
      closed: 2,
      meanHoursToClose: 13,
      p90HoursToClose: 24,
      open: 2,
      openPastDue: 1,
      dueHours: 72,
      repeated: 2,
    });
  });

  it('counts cases by type: on-time completion, open and overdue', () => {
    // Four cases opened in the range: ct-new closed on time + open overdue, ct-fault closed
    // late, one of a type the hall no longer lists (named by its id, after the listed types);
    // and a ct-fault from before the range closed on time in it. 工单按期率 = on time / (closed
    // + still open past due): an overdue case is a late one.
    expect(report.cases).toEqual({
      opened: 4,
      closed: 3,
      onTime: 2,
      onTimeRate: 0.5,
      open: 2,
      overdue: 1,
      byType: [
        {
          caseTypeId: 'ct-fault',
          nameZh: '故障报修',
          nameEn: 'ct-fault',
          opened: 1,
          closed: 2,
          onTime: 1,
          onTimeRate: 0.5,
          open: 0,
          overdue: 0,
        },
        {
          caseTypeId: 'ct-new',
          nameZh: '业扩报装',
          nameEn: 'ct-new',
          opened: 2,
          closed: 1,
          onTime: 1,
          onTimeRate: 0.5,
          open: 1,
          overdue: 1,
        },
        {
          caseTypeId: 'ct-gone',
          nameZh: 'ct-gone',
          nameEn: 'ct-gone',
          opened: 1,
          closed: 0,
          onTime: 0,
          onTimeRate: null,
          open: 1,
          overdue: 0,
        },
      ],
    });
  });
});

const HOUR = 3_600_000;
const opinion = (createdAt: number, closedAt: number | null): OpinionFacts => ({
  category: 'complaint',
  source: 'kiosk',
  state: closedAt === null ? 'open' : 'closed',
  createdAt,
  closedAt,
  ownerStaffId: null,
  repeated: false,
});

describe('follow-up rules', () => {
  it.each([
    ['closed late: not past due', opinion(0, 100 * HOUR), 0],
    ['open 72 h: due, not past it', opinion(0, null), 0],
    ['open 73 h: past due', opinion(-HOUR, null), 1],
  ])('opinions judged at 72 h: %s', (_, o, pastDue) => {
    expect(opinionsReport([o], 72 * HOUR).openPastDue).toBe(pastDue);
  });

  it.each([
    [{ closed: 0, overdue: 0, onTime: 0 }, null], // no limit put to the test
    [{ closed: 2, overdue: 0, onTime: 1 }, 0.5],
    [{ closed: 1, overdue: 1, onTime: 1 }, 0.5], // an overdue case is a late one
    [{ closed: 3, overdue: 0, onTime: 3 }, 1],
  ])('工单按期率 of %j is %s', (counts, rate) => {
    expect(withRate({ opened: 0, open: 0, ...counts }).onTimeRate).toBe(rate);
  });
});
