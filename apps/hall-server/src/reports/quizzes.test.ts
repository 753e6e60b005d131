import type { HallReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { withClerkQuizzes } from './quizzes';

type ClerkRow = HallReport['clerks'][number];
const row = (staffId: string) => ({ staffId }) as ClerkRow;

describe('withClerkQuizzes (the appraisal)', () => {
  it.each([
    ['one pass', [[100, 1]], { quizAttempts: 1, quizAvgPct: 100, quizPassed: 1 }],
    [
      'a fail then a pass',
      [
        [33, 0],
        [100, 1],
      ],
      { quizAttempts: 2, quizAvgPct: 66.5, quizPassed: 1 },
    ],
    [
      'two fails',
      [
        [0, 0],
        [66, 0],
      ],
      { quizAttempts: 2, quizAvgPct: 33, quizPassed: 0 },
    ],
  ])('%s', (_, attempts, figures) => {
    const facts = attempts.map(([scorePct, passed]) => ({
      staffId: 'c1',
      scorePct: scorePct!,
      passed: passed!,
    }));
    const [out, other] = withClerkQuizzes([row('c1'), row('c2')], facts);
    expect(out).toEqual({ staffId: 'c1', ...figures });
    expect(other).toEqual({ staffId: 'c2' });
  });

  it('leaves the rows as they are when nobody took a quiz', () => {
    const rows = [row('c1')];
    expect(withClerkQuizzes(rows, [])).toBe(rows);
  });
});
