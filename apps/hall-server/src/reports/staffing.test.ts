import { describe, expect, it } from 'vitest';
import { hallTargetWaitSec } from './staffing';
import { report, service } from './report-fixture';

describe('a report over two fixture days: staffing', () => {
  it('shows each hour: arrivals per day, waits, counters serving and the Erlang C recommendation', () => {
    expect(report.hours).toEqual([
      // 4 arrivals over 2 days; handles 180, 240, 180; waits p50 300; ctr-1 on Monday, ctr-2
      // on Tuesday; 2/h × 200 s against a 600 s target needs one counter.
      {
        hour: 9,
        arrivalsPerHour: 2,
        handleMeanSec: 200,
        waitP50Sec: 300,
        waitP90Sec: 900,
        withinTargetShare: 0.75, // 120, 300, 600 within svc-a's 600 s; 900 not
        countersServing: 1,
        countersRecommended: 1,
      },
      {
        hour: 10,
        arrivalsPerHour: 1,
        handleMeanSec: 600,
        waitP50Sec: 600,
        waitP90Sec: 600,
        withinTargetShare: 1, // 600 within svc-b's 900 s
        countersServing: 0.5,
        countersRecommended: 1,
      },
    ]);
    expect(report.arrivalsByWeekdayHour[0]![9]).toBe(3);
    expect(report.arrivalsByWeekdayHour[0]![10]).toBe(2);
    expect(report.arrivalsByWeekdayHour[1]![9]).toBe(1);
    expect(report.staffing).toEqual({ serviceLevel: 0.8, targetWaitSec: 600 });
  });

  it('staffs each service by the hour against its own target wait', () => {
    // svc-a at 09: the hall's 09:00 is all svc-a. svc-b at 10: one arrival a day on average
    // (two over the range's two days; one cancelled), handled in 600 s; with one counter the
    // load is 1/6 erlang, P(wait) = 1/6 and P(wait > 900 s) = e^(−(1/600 − 1/3600)·900) / 6
    // = 0.0477, so 95 % within its 900 s target: one counter.
    expect(report.staffingByService).toEqual([
      {
        serviceId: 'svc-a',
        targetWaitSec: 600,
        hours: [report.hours[0]],
      },
      {
        serviceId: 'svc-b',
        targetWaitSec: 900,
        hours: [
          {
            hour: 10,
            arrivalsPerHour: 1,
            handleMeanSec: 600,
            waitP50Sec: 600,
            waitP90Sec: 600,
            withinTargetShare: 1,
            countersServing: 0.5,
            countersRecommended: 1,
          },
        ],
      },
    ]);
  });

  it.each([
    [[600, 900], [true, true], 600],
    [[600, 900], [false, true], 900], // an inactive service's target does not count
    [[600], [false], Infinity],
    [[], [], Infinity],
  ])('targets %j (active %j): the hall staffs against %d s', (targets, active, expected) => {
    const services = targets.map((t, i) => ({ ...service(`svc-${i}`, t), active: active[i]! }));
    expect(hallTargetWaitSec(services)).toBe(expected);
  });
});
