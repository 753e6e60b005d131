import { describe, expect, it } from 'vitest';
import {
  acknowledgeAlert,
  dissatisfiedConsequences,
  expireEvaluation,
  requestEvaluation,
  submitEvaluation,
} from './evaluations';
import { aTicket, T0 } from './test-fixtures';
import { anEvaluation, DAY, END_OF_T0_DAY, TZ } from './work-fixtures';

const finished = aTicket({
  state: 'done',
  counterId: 'ctr-1',
  servingStaffId: 'clerk-2',
  ownerStaffId: 'clerk-1',
  finishedAt: T0,
});

describe('requestEvaluation', () => {
  it('asks about the clerk who finished, with the hall’s time-out', () => {
    const r = requestEvaluation(finished, { id: 'ev-9', timeoutSec: 30, pendingAtCounter: [] }, T0);
    expect(r).toEqual({
      ok: true,
      value: {
        evaluation: expect.objectContaining({
          id: 'ev-9',
          ticketId: 't-1',
          counterId: 'ctr-1',
          staffId: 'clerk-2',
          state: 'pending',
          score: null,
          deadlineAt: T0 + 30_000,
        }),
        superseded: [],
      },
    });
  });

  it('ends an earlier question still pending at that counter as not rated (one at a time)', () => {
    const earlier = anEvaluation({ id: 'ev-old', ticketId: 't-0' });
    const r = requestEvaluation(
      finished,
      { id: 'ev-9', timeoutSec: 30, pendingAtCounter: [earlier] },
      T0 + 5000,
    );
    expect(r.ok && r.value.superseded).toEqual([
      { ...earlier, state: 'not_rated', answeredAt: T0 + 5000 },
    ]);
  });

  it.each([
    {
      case: 'a ticket still in service',
      ticket: aTicket({ state: 'serving', counterId: 'ctr-1' }),
    },
    { case: 'a ticket finished nowhere', ticket: aTicket({ state: 'done', counterId: null }) },
  ])('refuses $case', ({ ticket }) => {
    const r = requestEvaluation(ticket, { id: 'x', timeoutSec: 30, pendingAtCounter: [] }, T0);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
  });
});

describe('submitEvaluation', () => {
  const pending = anEvaluation();
  const own = { padCounterId: 'ctr-1', score: 'satisfied' as const, reasons: [] };
  it.each([
    { case: 'its own pad, in time', ev: pending, answer: own, at: T0 + 10_000, expected: 'ok' },
    { case: 'at the deadline', ev: pending, answer: own, at: pending.deadlineAt, expected: 'ok' },
    {
      case: 'after the deadline',
      ev: pending,
      answer: own,
      at: pending.deadlineAt + 1,
      expected: 'evaluation_closed',
    },
    {
      case: 'a second answer',
      ev: anEvaluation({ state: 'rated', score: 'neutral', answeredAt: T0 }),
      answer: own,
      at: T0 + 1000,
      expected: 'evaluation_closed',
    },
    {
      case: 'an answer after "not rated"',
      ev: anEvaluation({ state: 'not_rated', answeredAt: T0 + 30_001 }),
      answer: own,
      at: T0 + 1000,
      expected: 'evaluation_closed',
    },
    {
      case: 'the pad of another counter',
      ev: pending,
      answer: { ...own, padCounterId: 'ctr-2' },
      at: T0,
      expected: 'wrong_device',
    },
    {
      case: 'a device bound to no counter',
      ev: pending,
      answer: { ...own, padCounterId: null },
      at: T0,
      expected: 'wrong_device',
    },
    {
      case: 'reasons with a satisfied rating',
      ev: pending,
      answer: { ...own, reasons: ['waiting' as const] },
      at: T0,
      expected: 'invalid_payload',
    },
  ])('$case → $expected', ({ ev, answer, at, expected }) => {
    const r = submitEvaluation(ev, answer, at);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
    if (r.ok) expect(r.value).toMatchObject({ state: 'rated', score: 'satisfied', answeredAt: at });
  });

  it('keeps 不满意 reasons once each', () => {
    const r = submitEvaluation(
      pending,
      { padCounterId: 'ctr-1', score: 'dissatisfied', reasons: ['waiting', 'attitude', 'waiting'] },
      T0,
    );
    expect(r.ok && r.value.reasons).toEqual(['waiting', 'attitude']);
  });
});

describe('expireEvaluation (the time-out sweep)', () => {
  it.each([
    { case: 'pending, before the deadline', ev: anEvaluation(), at: T0 + 29_999, expired: false },
    { case: 'pending, at the deadline', ev: anEvaluation(), at: T0 + 30_000, expired: false },
    { case: 'pending, past the deadline', ev: anEvaluation(), at: T0 + 30_001, expired: true },
    {
      case: 'rated already',
      ev: anEvaluation({ state: 'rated', score: 'satisfied', answeredAt: T0 }),
      at: T0 + DAY,
      expired: false,
    },
  ])('$case → not rated: $expired', ({ ev, at, expired }) => {
    const r = expireEvaluation(ev, at);
    // "Not rated", never a default score.
    if (expired) expect(r).toEqual({ ...ev, state: 'not_rated', score: null, answeredAt: at });
    else expect(r).toBeNull();
  });
});

describe('a 不满意 rating', () => {
  const ids = { alertId: 'al-1', followUpId: 'fu-1' };
  it('raises an alert and opens a follow-up with the duty leader, due the next day', () => {
    const rated = anEvaluation({ state: 'rated', score: 'dissatisfied', reasons: ['waiting'] });
    const r = dissatisfiedConsequences(rated, ids, { phone: '13800000001', timeZone: TZ }, T0);
    expect(r?.alert).toMatchObject({
      id: 'al-1',
      kind: 'dissatisfied',
      subjectId: 'ev-1',
      ticketId: 't-1',
      counterId: 'ctr-1',
      staffId: 'clerk-1',
      acknowledgedAt: null,
    });
    expect(r?.followUp).toMatchObject({
      source: 'dissatisfied',
      alertId: 'al-1',
      assigneeStaffId: null,
      state: 'open',
      dueAt: END_OF_T0_DAY + DAY,
      // Real Chinese text for the record; screens translate the reasons by key.
      note: '不满意评价:等候时间',
      callbackPhone: '138****0001',
    });
  });

  it('carries no callback phone when the visit had none, and says when no reason was chosen', () => {
    const rated = anEvaluation({ state: 'rated', score: 'dissatisfied', reasons: [] });
    const r = dissatisfiedConsequences(rated, ids, { phone: null, timeZone: TZ }, T0);
    expect(r?.followUp).toMatchObject({ callbackPhone: null, note: '不满意评价:未选择原因' });
  });

  it.each(['very_satisfied', 'satisfied', 'neutral'] as const)('%s raises nothing', (score) => {
    const rated = anEvaluation({ state: 'rated', score });
    expect(dissatisfiedConsequences(rated, ids, { phone: null, timeZone: TZ }, T0)).toBeNull();
  });

  it('is acknowledged once', () => {
    const alert = dissatisfiedConsequences(
      anEvaluation({ state: 'rated', score: 'dissatisfied' }),
      ids,
      { phone: null, timeZone: TZ },
      T0,
    )!.alert;
    const once = acknowledgeAlert(alert, 'leader-1', '已致电客户', T0 + 1000);
    expect(once).toMatchObject({
      ok: true,
      value: { acknowledgedAt: T0 + 1000, acknowledgedBy: 'leader-1', note: '已致电客户' },
    });
    expect(once.ok && acknowledgeAlert(once.value, 'leader-1', null, T0 + 2000)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });
});
