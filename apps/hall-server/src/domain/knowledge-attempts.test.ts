import type { QuizAttempt } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  ABANDONED_AFTER_MS,
  DEADLINE_GRACE_MS,
  isAbandoned,
  isOutOfTime,
  submitAttempt,
} from './knowledge';
import { attempt, NOW, question } from './knowledge-fixtures';

// Knowledge checks: scoring an attempt, what its result shows, and when one left open is over.

describe('submitAttempt', () => {
  const qs = [question('q1'), question('q2', { kind: 'short', accepted: ['95598'] })];
  const submit = (a: QuizAttempt, answers: object[], staffId = 'clerk-1', now = NOW + 5000) =>
    submitAttempt(a, staffId, qs, answers as never, 80, now);

  it('scores every question, unanswered as wrong, and passes at the mark', () => {
    const all = submit(attempt(), [
      { questionId: 'q1', choices: [0] },
      { questionId: 'q2', text: '95598' },
    ]);
    expect(all.ok && all.value.attempt).toMatchObject({ scorePct: 100, passed: true });
    const half = submit(attempt(), [{ questionId: 'q1', choices: [0] }]);
    expect(half.ok && half.value.attempt).toMatchObject({ scorePct: 50, passed: false });
  });

  // What the clerk is shown of each question: its right answer and explanation, or null
  // (withheld) for one answered wrong in an attempt that did not pass.
  const HOTLINE = '95598 is the utility hotline.';
  it.each<[string, object[], number, number, [boolean, string | null][]]>([
    [
      'passed, all right: all shown',
      [
        { questionId: 'q1', choices: [0] },
        { questionId: 'q2', text: '95598' },
      ],
      80,
      NOW + 5000,
      [
        [true, HOTLINE],
        [true, HOTLINE],
      ],
    ],
    [
      'passed with one wrong: all shown',
      [{ questionId: 'q1', choices: [0] }],
      50,
      NOW + 5000,
      [
        [true, HOTLINE],
        [false, HOTLINE],
      ],
    ],
    [
      'failed: the wrong one withheld',
      [{ questionId: 'q1', choices: [0] }],
      80,
      NOW + 5000,
      [
        [true, HOTLINE],
        [false, null],
      ],
    ],
    [
      'failed, nothing answered: all withheld',
      [],
      80,
      NOW + 5000,
      [
        [false, null],
        [false, null],
      ],
    ],
    [
      'late, all right: nothing to withhold',
      [
        { questionId: 'q1', choices: [0] },
        { questionId: 'q2', text: '95598' },
      ],
      80,
      NOW + 3_600_000,
      [
        [true, HOTLINE],
        [true, HOTLINE],
      ],
    ],
  ])('%s', (_, answers, passPct, now, shown) => {
    const timed = attempt({ deadlineAt: NOW + 600_000 });
    const r = submitAttempt(timed, 'clerk-1', qs, answers as never, passPct, now);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.questions.map((q) => [q.right, q.explanation])).toEqual(shown);
    for (const q of r.value.questions) {
      const withheld = q.explanation === null;
      expect([q.correct === null, q.accepted === null]).toEqual([withheld, withheld]);
    }
  });

  it.each<[string, QuizAttempt, object[], string, string]>([
    ["another clerk's attempt", attempt(), [], 'clerk-2', 'forbidden'],
    ['a submitted attempt', attempt({ finishedAt: NOW }), [], 'clerk-1', 'attempt_closed'],
    [
      'an answer to a question not in it',
      attempt(),
      [{ questionId: 'qX' }],
      'clerk-1',
      'invalid_payload',
    ],
    [
      'a question answered twice',
      attempt(),
      [{ questionId: 'q1' }, { questionId: 'q1' }],
      'clerk-1',
      'invalid_payload',
    ],
    [
      'an option that does not exist',
      attempt(),
      [{ questionId: 'q1', choices: [5] }],
      'clerk-1',
      'invalid_payload',
    ],
    [
      'two options on a single choice',
      attempt(),
      [{ questionId: 'q1', choices: [0, 1] }],
      'clerk-1',
      'invalid_payload',
    ],
    [
      'text on a choice question',
      attempt(),
      [{ questionId: 'q1', text: '95598' }],
      'clerk-1',
      'invalid_payload',
    ],
  ])('refuses %s', (_, a, answers, staffId, code) => {
    expect(submit(a, answers, staffId)).toMatchObject({ ok: false, code });
  });

  it('scores a late attempt but does not pass it', () => {
    const a = attempt({ deadlineAt: NOW });
    const answers = [
      { questionId: 'q1', choices: [0] },
      { questionId: 'q2', text: '95598' },
    ];
    const inGrace = submit(a, answers, 'clerk-1', NOW + DEADLINE_GRACE_MS);
    expect(inGrace.ok && inGrace.value.attempt.passed).toBe(true);
    const late = submit(a, answers, 'clerk-1', NOW + DEADLINE_GRACE_MS + 1);
    expect(late.ok && late.value.attempt).toMatchObject({
      scorePct: 100,
      passed: false,
      late: true,
    });
  });
});

describe('isAbandoned and isOutOfTime', () => {
  const DAY_START = NOW + 3_600_000; // today's business day began an hour after NOW
  const LIMIT = NOW + 4_600_000;
  const timed = attempt({ startedAt: NOW + 4_000_000, deadlineAt: LIMIT });
  it.each<[string, QuizAttempt, number, boolean, boolean]>([
    ['timed, within its limit', timed, LIMIT - 1, false, false],
    ['timed, within the grace', timed, LIMIT + DEADLINE_GRACE_MS, false, false],
    ['timed, past the grace', timed, LIMIT + DEADLINE_GRACE_MS + 1, true, false],
    ['timed, left open half an hour', timed, LIMIT + ABANDONED_AFTER_MS, true, false],
    ['timed, left open longer', timed, LIMIT + ABANDONED_AFTER_MS + 1, true, true],
    ['untimed, started today', attempt({ startedAt: DAY_START }), NOW + 80_000_000, false, false],
    ['untimed, from an earlier day', attempt({ startedAt: NOW }), DAY_START + 1, false, true],
    [
      'untimed, begun just before the day ended',
      attempt({ startedAt: DAY_START - 60_000 }),
      DAY_START + 60_000,
      false,
      false,
    ],
    [
      'untimed, begun just before the day ended, half an hour on',
      attempt({ startedAt: DAY_START - 60_000 }),
      DAY_START - 60_000 + ABANDONED_AFTER_MS + 1,
      false,
      true,
    ],
    [
      'submitted already',
      attempt({ startedAt: NOW, finishedAt: NOW + 1 }),
      DAY_START + 1,
      false,
      false,
    ],
  ])('%s', (_, a, now, outOfTime, abandoned) => {
    expect(a.finishedAt !== null || isOutOfTime(a, now)).toBe(a.finishedAt !== null || outOfTime);
    expect(isAbandoned(a, now, DAY_START)).toBe(abandoned);
  });
});
