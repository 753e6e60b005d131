import { describe, expect, it } from 'vitest';
import { addDays, daysIn, presetOf, presetRange, rangeProblem, type Preset } from './range';

describe('report ranges', () => {
  // 2026-11-25 is a Wednesday; 2026-03-02 a Monday; 2024-03-01 follows a leap day.
  it.each<[Preset, string, string, string]>([
    ['today', '2026-11-25', '2026-11-25', '2026-11-25'],
    ['yesterday', '2026-11-25', '2026-11-24', '2026-11-24'],
    ['yesterday', '2026-01-01', '2025-12-31', '2025-12-31'],
    ['thisWeek', '2026-11-25', '2026-11-23', '2026-11-25'],
    ['thisWeek', '2026-11-29', '2026-11-23', '2026-11-29'], // Sunday ends the week
    ['thisWeek', '2026-03-02', '2026-03-02', '2026-03-02'], // Monday starts it
    ['lastWeek', '2026-11-25', '2026-11-16', '2026-11-22'],
    ['lastWeek', '2026-01-02', '2025-12-22', '2025-12-28'],
    ['thisMonth', '2026-11-25', '2026-11-01', '2026-11-25'],
    ['lastMonth', '2026-11-25', '2026-10-01', '2026-10-31'],
    ['lastMonth', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['lastMonth', '2024-03-01', '2024-02-01', '2024-02-29'],
  ])('%s on %s is %s – %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });

  it('names the preset a range matches, the first when several do', () => {
    expect(presetOf({ from: '2026-11-16', to: '2026-11-22' }, '2026-11-25')).toBe('lastWeek');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-25' }, '2026-11-25')).toBeNull();
    // On the first of the month, today and this month are the same range.
    expect(presetOf({ from: '2026-11-01', to: '2026-11-01' }, '2026-11-01')).toBe('today');
  });

  it('counts days across a DST-free calendar and checks what was typed', () => {
    expect(daysIn({ from: '2026-02-01', to: '2026-02-28' })).toBe(28);
    expect(daysIn({ from: '2025-11-30', to: '2026-11-30' })).toBe(366);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-30', to: '2026-11-01' })).toBe('reversed');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid');
    expect(rangeProblem({ from: '', to: '2026-03-01' })).toBe('invalid');
    expect(rangeProblem({ from: '2025-11-29', to: '2026-11-30' })).toBe('tooLong');
  });
});
