import { describe, expect, it } from 'vitest';
import { drillHolds, formatHostileReport, runHostileDrill } from './hostile-drill';

// The small version of the hostile drill against a hall server process of its own;
// `npm run drill:hostile` runs it at full size.

describe('hostile drill', () => {
  it('ends with no crash, no leak, and every throttle holding', async () => {
    const report = await runHostileDrill({ scale: 0.2 });
    const table = formatHostileReport(report);
    expect(report.rows.length).toBeGreaterThanOrEqual(13);
    expect(drillHolds(report), table).toBe(true);
  }, 240_000);
});
