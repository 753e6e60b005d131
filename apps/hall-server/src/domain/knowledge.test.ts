import type { Question, QuestionInput, Retraining } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  blockedService,
  checkAnswers,
  checkQuestion,
  checkQuiz,
  dueQuizzes,
  isRight,
  normalAnswer,
  overrideRetraining,
  questionsFor,
  retrainingAfter,
} from './knowledge';

import { attempt, input, NOW, question, quiz, row } from './knowledge-fixtures';

describe('checkQuestion', () => {
  it.each<[string, Partial<QuestionInput>, string | null]>([
    ['a single choice with one right option', {}, null],
    ['a multiple choice with two right options', { kind: 'multiple', correct: [0, 1] }, null],
    ['a short answer with accepted answers', { kind: 'short', accepted: ['95598'] }, null],
    ['one option', { options: ['95598'] }, 'options'],
    ['no right option', { correct: [] }, 'correct'],
    ['a right option past the last', { correct: [2] }, 'correct'],
    ['a single choice with two right', { correct: [0, 1] }, 'correct'],
    ['two options that read the same', { options: ['95598', '９５５９８'] }, 'options'],
    ['a short answer with none accepted', { kind: 'short', accepted: [] }, 'accepted'],
    ['a short answer of only punctuation', { kind: 'short', accepted: ['。'] }, 'accepted'],
  ])('%s', (_, over, problem) => {
    const r = checkQuestion(input(over), 'q1', NOW);
    if (problem === null) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, detail: expect.stringContaining(problem) });
  });

  it('keeps no options or right options on a short answer', () => {
    const r = checkQuestion(input({ kind: 'short', accepted: ['x'] }), 'q1', NOW);
    expect(r.ok && [r.value.options, r.value.correct]).toEqual([[], []]);
  });
});

describe('normalAnswer and isRight', () => {
  it.each([
    ['95598。', '95598'],
    [' Ninety  Five ', 'ninetyfive'],
    ['９５５９８', '95598'],
    ['峰谷电价,', '峰谷电价'],
  ])('%s reads as %s', (text, normal) => expect(normalAnswer(text)).toBe(normal));

  const multiple = question('q', { kind: 'multiple', options: ['a', 'b', 'c'], correct: [0, 2] });
  const short = question('s', { kind: 'short', accepted: ['95598', 'ninety five'] });
  it.each<[string, Question, object | undefined, boolean]>([
    ['all right options', multiple, { choices: [2, 0] }, true],
    ['one of two right options', multiple, { choices: [0] }, false],
    ['the right options and a wrong one', multiple, { choices: [0, 1, 2] }, false],
    ['an accepted answer in full width', short, { text: '９５５９８' }, true],
    ['an accepted answer in other case and spaces', short, { text: 'Ninety Five' }, true],
    ['an answer containing an accepted one', short, { text: 'not 95598' }, false],
    ['no answer', short, undefined, false],
    ['an empty answer', short, { text: '' }, false],
  ])('%s', (_, q, a, right) => expect(isRight(q, a && { questionId: q.id, ...a })).toBe(right));
});

describe('checkQuiz and questionsFor', () => {
  const bank = [
    question('q1'),
    question('q2'),
    question('q3', { active: false }),
    question('other', { serviceId: 'svc-move' }),
  ];
  const quizIn = { name: 'Q', serviceId: 'svc-bill', topic: null, questionIds: [] as string[] };
  const base = { passPct: 80, timeLimitMin: null, monthly: false, active: true, drawCount: null };
  it.each<[string, object, string | null]>([
    ['a fixed set of the service', { questionIds: ['q1', 'q2'] }, null],
    ['a draw the bank can fill', { drawCount: 2 }, null],
    ['a draw larger than the active bank', { drawCount: 3 }, 'drawCount'],
    ['neither a set nor a draw', {}, 'questionIds or drawCount'],
    ['both a set and a draw', { questionIds: ['q1'], drawCount: 1 }, 'one or the other'],
    ["another service's question", { questionIds: ['other'] }, "another service's"],
    ['an unknown question', { questionIds: ['nope'] }, 'nope'],
    ['a question twice', { questionIds: ['q1', 'q1'] }, 'twice'],
  ])('%s', (_, over, problem) => {
    const r = checkQuiz({ ...quizIn, ...base, ...over }, 'quiz-1', bank, NOW);
    if (problem === null) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, detail: expect.stringContaining(problem) });
  });

  it('leaves retired questions out of a fixed set', () => {
    const r = questionsFor(quiz({ questionIds: ['q1', 'q3'] }), bank, Math.random);
    expect(r).toEqual({ ok: true, value: ['q1'] });
  });

  it('draws only active questions of the service, as many as asked', () => {
    const r = questionsFor(quiz({ questionIds: [], drawCount: 2 }), bank, () => 0.5);
    expect(r.ok && [...r.value].sort()).toEqual(['q1', 'q2']);
  });

  it('refuses a retired quiz and one left without questions', () => {
    expect(questionsFor(quiz({ active: false }), bank, Math.random).ok).toBe(false);
    expect(questionsFor(quiz({ questionIds: ['q3'] }), bank, Math.random).ok).toBe(false);
  });
});

describe('the retraining list', () => {
  const failed = attempt({ finishedAt: NOW, scorePct: 50, passed: false });
  const passed = attempt({ finishedAt: NOW, scorePct: 100, passed: true });
  it('puts a clerk below the pass mark on the list for the quiz service, once', () => {
    expect(retrainingAfter(failed, quiz(), [], 'r9')).toMatchObject({
      kind: 'open',
      row: { id: 'r9', staffId: 'clerk-1', serviceId: 'svc-bill', since: NOW },
    });
    expect(retrainingAfter(failed, quiz(), [row()], 'r9')).toEqual({ kind: 'none' });
  });

  it('takes them off on a pass of the quiz that listed them, not of an easier one', () => {
    const r = retrainingAfter(passed, quiz(), [row()], 'r9');
    expect(r).toMatchObject({ kind: 'clear', rows: [{ clearedHow: 'passed', clearedAt: NOW }] });
    expect(retrainingAfter(passed, quiz({ id: 'quiz-2' }), [row()], 'r9')).toEqual({
      kind: 'none',
    });
    // Its quiz retired since: a pass of any active quiz of the service takes them off.
    const retired = retrainingAfter(
      passed,
      quiz({ id: 'quiz-2' }),
      [row()],
      'r9',
      new Set(['quiz-1']),
    );
    expect(retired).toMatchObject({ kind: 'clear' });
    expect(retrainingAfter(passed, quiz(), [], 'r9')).toEqual({ kind: 'none' });
    const other = retrainingAfter(passed, quiz({ serviceId: 'svc-move' }), [row()], 'r9');
    expect(other).toEqual({ kind: 'none' });
  });

  it.each<[string, string[], Retraining[], boolean, string | null]>([
    [
      'a counter serving the listed service, in a hall that blocks',
      ['svc-move', 'svc-bill'],
      [row()],
      true,
      'svc-bill',
    ],
    ['the same in a hall that only keeps the list', ['svc-bill'], [row()], false, null],
    ['a counter of other services', ['svc-move'], [row()], true, null],
    ['a cleared row', ['svc-bill'], [row({ clearedAt: NOW })], true, null],
  ])('blocks %s', (_, services, rows, blocks, blocked) => {
    expect(blockedService(services, () => rows, blocks)).toBe(blocked);
  });

  it('reads no retraining rows in a hall that does not block (every counter:open and call)', () => {
    let reads = 0;
    const rows = () => {
      reads++;
      return [row()];
    };
    expect(blockedService(['svc-bill'], rows, false)).toBeNull();
    expect(reads).toBe(0);
    expect(blockedService(['svc-bill'], rows, true)).toBe('svc-bill');
    expect(reads).toBe(1);
  });

  it('lets the duty leader override with a reason, once, never for themself', () => {
    expect(overrideRetraining(row(), 'leader', 'trained on site', NOW)).toMatchObject({
      ok: true,
      value: { clearedHow: 'override', clearedBy: 'leader', overrideReason: 'trained on site' },
    });
    expect(overrideRetraining(row({ clearedAt: NOW }), 'leader', 'x', NOW).ok).toBe(false);
    expect(overrideRetraining(row(), 'clerk-1', 'x', NOW)).toMatchObject({ code: 'forbidden' });
  });
});

describe('dueQuizzes', () => {
  const base = {
    quizzes: [
      quiz(),
      quiz({ id: 'quiz-m', monthly: true }),
      quiz({ id: 'quiz-off', active: false, monthly: true }),
    ],
    assignments: [],
    retraining: [],
    finishedThisMonth: new Set<string>(),
    questionCount: () => 2,
  };
  it('lists a monthly quiz not yet done this month, never a retired one', () => {
    expect(dueQuizzes(base).map((d) => [d.quizId, d.reason])).toEqual([['quiz-m', 'monthly']]);
    expect(dueQuizzes({ ...base, finishedThisMonth: new Set(['quiz-m']) })).toEqual([]);
  });

  it('lists each quiz once, retraining before assigned before monthly', () => {
    const due = dueQuizzes({
      ...base,
      assignments: [
        {
          id: 'a',
          quizId: 'quiz-m',
          staffId: 'clerk-1',
          assignedBy: 'admin',
          assignedAt: NOW,
          dueAt: NOW + 1,
          attemptId: null,
        },
      ],
      retraining: [row()],
    });
    expect(due.map((d) => [d.quizId, d.reason])).toEqual([
      ['quiz-1', 'retraining'],
      ['quiz-m', 'assigned'],
    ]);
  });

  it('lists a started attempt first, to be submitted', () => {
    const due = dueQuizzes({ ...base, retraining: [row()], started: new Set(['quiz-1']) });
    expect(due.map((d) => [d.quizId, d.reason])).toEqual([
      ['quiz-1', 'started'],
      ['quiz-m', 'monthly'],
    ]);
  });

  it('offers another quiz of the service when the one that listed them is retired', () => {
    const due = dueQuizzes({
      ...base,
      quizzes: [quiz({ active: false }), quiz({ id: 'quiz-2' })],
      retraining: [row()],
    });
    expect(due.map((d) => [d.quizId, d.reason])).toEqual([['quiz-2', 'retraining']]);
  });
});

describe('checkAnswers', () => {
  it('accepts no answers at all (each then wrong)', () => {
    expect(checkAnswers([question('q1')], []).ok).toBe(true);
  });
});
