import type { HallReport } from '@onestop/shared';
import { round } from './figures';

// Knowledge checks in the appraisal (业务知识考核, issue 19): per clerk, the quiz attempts
// finished in the range, their mean score and how many passed.

export interface QuizFacts {
  staffId: string;
  scorePct: number;
  passed: number;
}

/** Attempts finished in [fromMs, toMs). */
export const quizFactsSql = `SELECT staff_id AS staffId, score_pct AS scorePct, passed
  FROM quiz_attempts WHERE finished_at >= ? AND finished_at < ? AND score_pct IS NOT NULL`;

type ClerkRow = HallReport['clerks'][number];

/** The clerks' rows with their quizzes (rows of clerks who took none are left as they are). */
export function withClerkQuizzes(rows: ClerkRow[], facts: readonly QuizFacts[]): ClerkRow[] {
  if (facts.length === 0) return rows;
  const byStaff = new Map<string, QuizFacts[]>();
  for (const f of facts) byStaff.set(f.staffId, [...(byStaff.get(f.staffId) ?? []), f]);
  return rows.map((row) => {
    const mine = byStaff.get(row.staffId);
    if (!mine) return row;
    return {
      ...row,
      quizAttempts: mine.length,
      quizAvgPct: round(mine.reduce((s, f) => s + f.scorePct, 0) / mine.length),
      quizPassed: mine.filter((f) => f.passed === 1).length,
    };
  });
}
