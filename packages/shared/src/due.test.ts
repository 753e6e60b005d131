import { describe, expect, it } from 'vitest';
import { caseDueStage, caseWarnMs, type CaseWarningSetting } from './due';

const HOUR = 3_600_000;
const opened = 0;
const due = 100 * HOUR;

describe('限时办结: when a case is warned about', () => {
  it.each<{ warning: CaseWarningSetting | undefined; at: number; expected: string }>([
    { warning: undefined, at: due - 25 * HOUR, expected: 'later' },
    { warning: undefined, at: due - 24 * HOUR, expected: 'due_soon' },
    { warning: undefined, at: due, expected: 'due_soon' },
    { warning: undefined, at: due + 1, expected: 'overdue' },
    { warning: { by: 'hours', hours: 6 }, at: due - 7 * HOUR, expected: 'later' },
    { warning: { by: 'hours', hours: 6 }, at: due - 6 * HOUR, expected: 'due_soon' },
    { warning: { by: 'share', percent: 20 }, at: due - 21 * HOUR, expected: 'later' },
    { warning: { by: 'share', percent: 20 }, at: due - 20 * HOUR, expected: 'due_soon' },
    { warning: { by: 'share', percent: 20 }, at: due + 1, expected: 'overdue' },
  ])('$warning at due$at ms → $expected', ({ warning, at, expected }) => {
    const warnMs = caseWarnMs(warning, { openedAt: opened, dueAt: due });
    expect(caseDueStage(due, at, warnMs)).toBe(expected);
  });
});
