import type { PromiseChange } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  checkReset,
  promiseOutcome,
  resetPromise,
  type PromiseFacts,
  type PromiseSubject,
  type ResetRequest,
} from './promises';

const H = 3_600_000;
const P0 = 100 * H; // the first promise
const P1 = 150 * H; // a re-set one

const change = (at: number, from = P0, to = P1): PromiseChange => ({
  at,
  by: 'clerk-1',
  fromDueAt: from,
  toDueAt: to,
  reason: '等待物资',
  told: 'call_logged',
  notificationId: null,
});
const facts = (over: Partial<PromiseFacts>): PromiseFacts => ({
  promisedAt: P0,
  dueAt: P0,
  promiseChanges: [],
  closedAt: null,
  voided: false,
  ...over,
});

describe('promiseOutcome: kept, kept after a told change, broken', () => {
  it.each<{ name: string; p: PromiseFacts; asOf: number; outcome: string }>([
    { name: 'open within the promise', p: facts({}), asOf: P0 - H, outcome: 'pending' },
    { name: 'open at the promised instant', p: facts({}), asOf: P0, outcome: 'pending' },
    {
      name: 'open past the promise, never re-set',
      p: facts({}),
      asOf: P0 + 1,
      outcome: 'broken_untold',
    },
    {
      name: 'closed by the first promise',
      p: facts({ closedAt: P0 - H }),
      asOf: P0 + 9 * H,
      outcome: 'kept',
    },
    {
      name: 'closed at the promised instant',
      p: facts({ closedAt: P0 }),
      asOf: P0 + H,
      outcome: 'kept',
    },
    {
      name: 'closed after, never re-set',
      p: facts({ closedAt: P0 + 1 }),
      asOf: P0 + H,
      outcome: 'broken_untold',
    },
    {
      name: 'changed in time, closed by the new time',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 - H)], closedAt: P1 - H }),
      asOf: P1 + H,
      outcome: 'kept_after_change',
    },
    {
      name: 'changed in time, closed early anyway (by the first time)',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 - 2 * H)], closedAt: P0 - H }),
      asOf: P1,
      outcome: 'kept',
    },
    {
      name: 'changed in time, still open within the new time',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 - H)] }),
      asOf: P1 - H,
      outcome: 'pending',
    },
    {
      name: 'changed in time, closed after the new time',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 - H)], closedAt: P1 + 1 }),
      asOf: P1 + H,
      outcome: 'broken_untold',
    },
    {
      name: 'changed only after the old time passed, closed by the new one',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 + H)], closedAt: P1 - H }),
      asOf: P1,
      outcome: 'broken_told_late',
    },
    {
      name: 'changed late, still open: already broken',
      p: facts({ dueAt: P1, promiseChanges: [change(P0 + H)] }),
      asOf: P0 + 2 * H,
      outcome: 'broken_told_late',
    },
    {
      name: 'two changes, the second late',
      p: facts({
        dueAt: 200 * H,
        promiseChanges: [change(P0 - H), change(P1 + H, P1, 200 * H)],
        closedAt: 190 * H,
      }),
      asOf: 200 * H,
      outcome: 'broken_told_late',
    },
    {
      name: 'withdrawn within its time',
      p: facts({ closedAt: P0 - H, voided: true }),
      asOf: P0 + H,
      outcome: 'void',
    },
    {
      name: 'withdrawn after its time',
      p: facts({ closedAt: P0 + H, voided: true }),
      asOf: P0 + 2 * H,
      outcome: 'broken_untold',
    },
  ])('$name → $outcome', ({ p, asOf, outcome }) => {
    expect(promiseOutcome(p, asOf)).toBe(outcome);
  });
});

const subject = (over: Partial<PromiseSubject> = {}): PromiseSubject => ({
  ownerStaffId: 'clerk-1',
  open: true,
  dueAt: P0,
  promiseChanges: [],
  ...over,
});
const request = (over: Partial<ResetRequest> = {}): ResetRequest => ({
  actor: { staffId: 'clerk-1', isDutyLeader: false },
  newDueAt: P1,
  reason: '等待物资到货',
  ...over,
});
const NOW = P0 - 10 * H;

describe('promise:reset rules', () => {
  it.each<{
    name: string;
    s?: Partial<PromiseSubject>;
    r?: Partial<ResetRequest>;
    now?: number;
    code: string | null;
  }>([
    { name: 'the owner, a later time, a reason', code: null },
    {
      name: 'the duty leader for another’s item',
      r: { actor: { staffId: 'leader-1', isDutyLeader: true } },
      code: null,
    },
    {
      name: 'another clerk',
      r: { actor: { staffId: 'clerk-2', isDutyLeader: false } },
      code: 'not_yours',
    },
    { name: 'a closed item', s: { open: false }, code: 'invalid_transition' },
    { name: 'a time in the past', r: { newDueAt: NOW - 1 }, code: 'invalid_payload' },
    { name: 'a time equal to now', r: { newDueAt: NOW }, code: 'invalid_payload' },
    { name: 'earlier than the current promise', r: { newDueAt: P0 - H }, code: 'invalid_payload' },
    { name: 'equal to the current promise', r: { newDueAt: P0 }, code: 'invalid_payload' },
    {
      name: 'more than a year ahead',
      r: { newDueAt: NOW + 366 * 24 * H },
      code: 'invalid_payload',
    },
    { name: 'a blank reason', r: { reason: '   ' }, code: 'invalid_payload' },
    { name: 'an overdue item re-set late is allowed (and counted late)', now: P0 + H, code: null },
  ])('$name → $code', ({ s, r, now, code }) => {
    const result = checkReset(subject(s), request(r), now ?? NOW);
    expect(result.ok ? null : result.code).toBe(code);
  });

  it('records the change: from the current time to the new, by whom, why and how told', () => {
    const r = resetPromise(subject(), request(), { how: 'notified', notificationId: 'n-1' }, NOW);
    expect(r.ok && r.value).toEqual({
      dueAt: P1,
      promiseChanges: [
        {
          at: NOW,
          by: 'clerk-1',
          fromDueAt: P0,
          toDueAt: P1,
          reason: '等待物资到货',
          told: 'notified',
          notificationId: 'n-1',
        },
      ],
    });
  });
});
