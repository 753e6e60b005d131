import type { Counter } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { assignToCounter, prioritise, setCounterServices, setCounterState } from './overrides';
import { aCounter, aTicket as ticketFixture } from './test-fixtures';

const T = 1_000_000;
const counter = (over: Partial<Counter> = {}): Counter => aCounter({ updatedAt: 0, ...over });

describe('ticket overrides', () => {
  it.each([
    { to: 'priority', state: 'waiting', expected: { priority: 'priority', returning: false } },
    { to: 'front', state: 'waiting', expected: { returning: true } },
    { to: 'priority', state: 'called', expected: 'invalid_transition' },
    { to: 'front', state: 'done', expected: 'invalid_transition' },
  ] as const)('$to on a $state ticket → $expected', ({ to, state, expected }) => {
    const r = prioritise(ticketFixture({ state }), to, 'leader', '老人久等', T);
    if (typeof expected === 'string') expect(r).toMatchObject({ ok: false, code: expected });
    else {
      expect(r).toMatchObject({ ok: true, value: { ticket: expected } });
      if (r.ok) expect(r.value.transition).toMatchObject({ staffId: 'leader', reason: '老人久等' });
    }
  });

  it('assigns a waiting ticket to a counter, keeping its place in time', () => {
    const t = ticketFixture({ state: 'waiting' });
    const r = assignToCounter(t, counter({ id: 'ctr-6' }), 'leader', '绿色通道', T);
    expect(r).toMatchObject({
      ok: true,
      value: { ticket: { targetCounterId: 'ctr-6', queuedAt: t.queuedAt } },
    });
    expect(assignToCounter(ticketFixture({ state: 'serving' }), counter(), 'l', 'x', T).ok).toBe(
      false,
    );
  });
});

describe('counter overrides', () => {
  it.each([
    { from: 'open', to: 'paused', active: 0, expected: 'paused' },
    { from: 'open', to: 'closed', active: 1, expected: 'counter_has_ticket' },
    { from: 'paused', to: 'open', active: 0, expected: 'open' },
    { from: 'closed', to: 'paused', active: 0, expected: 'invalid_transition' },
    { from: 'open', to: 'open', active: 0, expected: 'invalid_transition' },
  ] as const)('$from → $to with $active active → $expected', ({ from, to, active, expected }) => {
    const r = setCounterState(counter({ state: from }), to, 'meeting', active, T);
    if (r.ok) expect(r.value.state).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('refuses to open a counter nobody is signed in at', () => {
    expect(
      setCounterState(counter({ state: 'closed', staffId: null }), 'open', undefined, 0, T),
    ).toMatchObject({
      ok: false,
      code: 'not_at_counter',
    });
  });

  it('changes the services a counter serves, refusing unknown or repeated ones', () => {
    const known = new Set(['svc-a', 'svc-b']);
    expect(setCounterServices(counter(), ['svc-b', 'svc-a'], known, T)).toMatchObject({
      ok: true,
      value: { serviceIds: ['svc-b', 'svc-a'] },
    });
    expect(setCounterServices(counter(), ['svc-x'], known, T)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(setCounterServices(counter(), ['svc-a', 'svc-a'], known, T)).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });
});
