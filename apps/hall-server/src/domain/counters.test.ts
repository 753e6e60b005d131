import { describe, expect, it } from 'vitest';
import {
  closeCounter,
  openCounter,
  pauseCounter,
  signInAtCounter,
  signOutOfCounter,
} from './counters';
import { aCounter, T0 } from './test-fixtures';

const me = { staffId: 'clerk-1', activeTicketCount: 0 };
const busy = { staffId: 'clerk-1', activeTicketCount: 1 };

describe('counter rules', () => {
  it.each([
    {
      name: 'open a closed counter',
      run: () => openCounter(aCounter({ state: 'closed' }), me, T0),
      state: 'open',
    },
    {
      name: 'reopen a paused counter',
      run: () => openCounter(aCounter({ state: 'paused', pauseReason: 'break' }), me, T0),
      state: 'open',
    },
    {
      name: 'pause an open counter',
      run: () => pauseCounter(aCounter(), me, 'break', T0),
      state: 'paused',
    },
    { name: 'close an open counter', run: () => closeCounter(aCounter(), me, T0), state: 'closed' },
    {
      name: 'close a paused counter',
      run: () => closeCounter(aCounter({ state: 'paused' }), me, T0),
      state: 'closed',
    },
  ])('$name', ({ run, state }) => {
    expect(run()).toMatchObject({ ok: true, value: { state } });
  });

  it.each([
    {
      name: 'open an open counter',
      run: () => openCounter(aCounter(), me, T0),
      code: 'invalid_transition',
    },
    {
      name: 'pause a closed counter',
      run: () => pauseCounter(aCounter({ state: 'closed' }), me, 'break', T0),
      code: 'invalid_transition',
    },
    {
      name: 'pause with a ticket in service',
      run: () => pauseCounter(aCounter(), busy, 'break', T0),
      code: 'counter_has_ticket',
    },
    {
      name: 'close with a ticket in service',
      run: () => closeCounter(aCounter(), busy, T0),
      code: 'counter_has_ticket',
    },
    {
      name: 'sign out with a ticket in service',
      run: () => signOutOfCounter(aCounter(), busy, T0),
      code: 'counter_has_ticket',
    },
    {
      name: "open someone else's counter",
      run: () => openCounter(aCounter({ staffId: 'clerk-2', state: 'closed' }), me, T0),
      code: 'not_at_counter',
    },
    {
      name: 'sign in where another clerk is',
      run: () => signInAtCounter(aCounter({ staffId: 'clerk-2' }), 'clerk-1', T0),
      code: 'counter_taken',
    },
  ])('refuses to $name', ({ run, code }) => {
    expect(run()).toMatchObject({ ok: false, code });
  });

  it('pausing records the reason; reopening clears it', () => {
    const paused = pauseCounter(aCounter(), me, 'meeting', T0);
    expect(paused).toMatchObject({ ok: true, value: { pauseReason: 'meeting' } });
    if (!paused.ok) return;
    expect(openCounter(paused.value, me, T0)).toMatchObject({
      ok: true,
      value: { pauseReason: null },
    });
  });

  it('signing in takes a free counter, closed until opened', () => {
    expect(signInAtCounter(aCounter({ staffId: null }), 'clerk-1', T0)).toMatchObject({
      ok: true,
      value: { staffId: 'clerk-1', state: 'closed' },
    });
  });
});
