import { describe, expect, it } from 'vitest';
import { formatReport, runKillDrill } from './kill-drill';

// The small version of the kill drill; `npm run drill:kill` runs the long one.

describe('kill drill', () => {
  it('loses and doubles nothing across repeated SIGKILLs', async () => {
    const report = await runKillDrill({ runs: 3 });
    expect(report.kills).toBe(3);
    expect(report.commandsAcknowledged).toBeGreaterThan(20);
    expect(report.losses, formatReport(report)).toEqual([]);
    expect(report.duplicates, formatReport(report)).toEqual([]);
    expect(report.inconsistent, formatReport(report)).toEqual([]);
    expect(report.integrity).toBe('ok');
  }, 90_000);
});
