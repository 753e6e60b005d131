import type { Ticket, TicketState } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { aCounter, aService, aTicket, T0 } from './test-fixtures';
import {
  allowedFrom,
  callTicket,
  cancelTicket,
  finishTicket,
  markNoShow,
  parkTicket,
  reassignOwner,
  recallTicket,
  reinstateTicket,
  resumeTicket,
  returnTicket,
  startTicket,
  ticketActions,
  transferTicket,
  walkIn,
  type ClerkAtCounter,
  type TicketAction,
} from './tickets';
import { issueTicket } from './ticket-issue';
import type { Result } from './result';

const clerk: ClerkAtCounter = { staffId: 'clerk-1', counter: aCounter(), activeTickets: [] };
const config = { recallsBeforeNoShow: 2, noShowAfterSec: 180 };
const now = T0 + 60_000;

/** A ticket in `state`, held by clerk-1 at counter 1 where that makes sense. */
function ticketIn(state: TicketState): Ticket {
  const atCounter =
    state === 'called' || state === 'serving' || state === 'parked' || state === 'done';
  return aTicket({
    state,
    counterId: atCounter ? 'ctr-1' : null,
    servingStaffId: atCounter ? 'clerk-1' : null,
    ownerStaffId: state === 'serving' || state === 'parked' || state === 'done' ? 'clerk-1' : null,
    calledAt: atCounter ? T0 : null,
    firstCalledAt: atCounter ? T0 : null,
    recallCount: state === 'called' ? 2 : 0,
  });
}

function act(action: TicketAction, ticket: Ticket): Result<{ ticket: Ticket }> {
  switch (action) {
    case 'call':
      return callTicket(ticket, clerk, now);
    case 'recall':
      return recallTicket(ticket, clerk, now);
    case 'noShow':
      return markNoShow(ticket, clerk, config, now);
    case 'start':
      return startTicket(ticket, clerk, now);
    case 'finish':
      return finishTicket(ticket, clerk, 'completed', ['bill paid'], now);
    case 'park':
      return parkTicket(ticket, clerk, 'fetching ID card', now);
    case 'resume':
      return resumeTicket(ticket, clerk, now);
    case 'transfer':
      return transferTicket(
        ticket,
        clerk,
        { service: aService({ id: 'svc-b', prefix: 'B' }) },
        null,
        now,
      );
    case 'return':
      return returnTicket(ticket, { staffId: 'clerk-1', counterId: 'ctr-1' }, null, now);
    case 'cancel':
      return cancelTicket(ticket, 'guide-1', 'customer left', now);
    case 'reinstate':
      return reinstateTicket(ticket, 'guide-1', 'customer came back', now);
  }
}

const expectedTarget: Record<TicketAction, TicketState> = {
  call: 'called',
  recall: 'called',
  noShow: 'no_show',
  start: 'serving',
  finish: 'done',
  park: 'parked',
  resume: 'serving',
  transfer: 'waiting',
  return: 'waiting',
  cancel: 'cancelled',
  reinstate: 'waiting',
};

const states: TicketState[] = [
  'waiting',
  'called',
  'serving',
  'parked',
  'done',
  'no_show',
  'cancelled',
];
const table = ticketActions.flatMap((action) =>
  states.map((state) => ({ action, state, allowed: allowedFrom[action].includes(state) })),
);

describe('ticket lifecycle: every action from every state', () => {
  it.each(table)('$action from $state → allowed: $allowed', ({ action, state, allowed }) => {
    const before = ticketIn(state);
    const result = act(action, before);
    if (!allowed) {
      expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ticket.state).toBe(expectedTarget[action]);
    expect(result.value.ticket.updatedAt).toBe(now);
  });

  it('records every transition with its time, states and actor', () => {
    const result = callTicket(ticketIn('waiting'), clerk, now);
    expect(result).toMatchObject({
      ok: true,
      value: {
        transition: {
          fromState: 'waiting',
          toState: 'called',
          at: now,
          counterId: 'ctr-1',
          staffId: 'clerk-1',
        },
        events: expect.arrayContaining([
          { type: 'ticket.called', ticketId: 't-1', counterId: 'ctr-1', recall: 0 },
        ]),
      },
    });
  });
});

describe('issuing', () => {
  const base = {
    id: 't-9',
    businessDay: '2026-11-24',
    customer: { phone: null, accountNo: null, name: null },
    priority: 'normal' as const,
    source: 'kiosk' as const,
    note: null,
    targetCounterId: null,
    estimatedWaitSec: 120,
  };
  it.each([
    { lastDailySeq: 0, number: 'A001' },
    { lastDailySeq: 22, number: 'A023' },
    { lastDailySeq: 999, number: 'A1000' },
  ])('after $lastDailySeq issues $number', ({ lastDailySeq, number }) => {
    const r = issueTicket({ ...base, service: aService(), lastDailySeq }, T0);
    expect(r).toMatchObject({
      ok: true,
      value: { number, state: 'waiting', queuedAt: T0, issuedAt: T0 },
    });
  });
  it.each([
    { service: aService({ active: false }), lastDailySeq: 0, code: 'service_unavailable' },
    { service: aService({ dailyCap: 50 }), lastDailySeq: 50, code: 'daily_cap_reached' },
  ])('refuses with $code', ({ service, lastDailySeq, code }) => {
    expect(issueTicket({ ...base, service, lastDailySeq }, T0)).toMatchObject({ ok: false, code });
  });
});

describe('clerk and counter guards', () => {
  it.each([
    {
      name: 'counter paused',
      who: { ...clerk, counter: aCounter({ state: 'paused' }) },
      code: 'counter_not_open',
    },
    {
      name: 'counter closed',
      who: { ...clerk, counter: aCounter({ state: 'closed' }) },
      code: 'counter_not_open',
    },
    {
      name: 'clerk holds a ticket',
      who: { ...clerk, activeTickets: [ticketIn('serving')] },
      code: 'clerk_busy',
    },
  ])('call refused when $name', ({ who, code }) => {
    expect(callTicket(ticketIn('waiting'), who, now)).toMatchObject({ ok: false, code });
  });

  it('a ticket transferred to another counter cannot be called here', () => {
    const t = aTicket({ targetCounterId: 'ctr-2' });
    expect(callTicket(t, clerk, now)).toMatchObject({ ok: false, code: 'targeted_elsewhere' });
  });

  it.each(['recall', 'noShow', 'start', 'return'] as const)(
    '%s refused for a ticket called by another counter',
    (action) => {
      const t = { ...ticketIn('called'), counterId: 'ctr-2', servingStaffId: 'clerk-2' };
      expect(act(action, t)).toMatchObject({ ok: false, code: 'not_your_ticket' });
    },
  );

  it.each(['finish', 'park', 'transfer'] as const)(
    '%s refused for a ticket another clerk serves',
    (action) => {
      const t = { ...ticketIn('serving'), counterId: 'ctr-2', servingStaffId: 'clerk-2' };
      expect(act(action, t)).toMatchObject({ ok: false, code: 'not_your_ticket' });
    },
  );

  it('resume is refused while the clerk holds another ticket (parked ones aside)', () => {
    const busy = { ...clerk, activeTickets: [ticketIn('called')] };
    expect(resumeTicket(ticketIn('parked'), busy, now)).toMatchObject({
      ok: false,
      code: 'clerk_busy',
    });
  });
});

describe('no-show', () => {
  it.each([
    { recallCount: 0, calledAgoSec: 10, ok: false },
    { recallCount: 1, calledAgoSec: 10, ok: false },
    { recallCount: 2, calledAgoSec: 10, ok: true },
    { recallCount: 0, calledAgoSec: 180, ok: true },
  ])(
    'recalled $recallCount times, called $calledAgoSec s ago → ok: $ok',
    ({ recallCount, calledAgoSec, ok }) => {
      const t = { ...ticketIn('called'), recallCount, calledAt: now - calledAgoSec * 1000 };
      const r = markNoShow(t, clerk, config, now);
      expect(r.ok).toBe(ok);
      if (!r.ok) expect(r.code).toBe('no_show_too_early');
    },
  );

  it('recall counts up and announces the recall', () => {
    const r = recallTicket({ ...ticketIn('called'), recallCount: 0 }, clerk, now);
    expect(r).toMatchObject({
      ok: true,
      value: {
        ticket: { recallCount: 1 },
        events: expect.arrayContaining([
          expect.objectContaining({ type: 'ticket.called', recall: 1 }),
        ]),
      },
    });
  });
});

describe('first-handler ownership', () => {
  it('the first clerk to start becomes the owner', () => {
    const r = startTicket({ ...ticketIn('called'), ownerStaffId: null }, clerk, now);
    expect(r).toMatchObject({ ok: true, value: { ticket: { ownerStaffId: 'clerk-1' } } });
  });

  it('a later clerk starting a transferred visit does not take ownership', () => {
    const other: ClerkAtCounter = {
      staffId: 'clerk-2',
      counter: aCounter({ id: 'ctr-2', staffId: 'clerk-2' }),
      activeTickets: [],
    };
    const called = {
      ...ticketIn('called'),
      counterId: 'ctr-2',
      servingStaffId: 'clerk-2',
      ownerStaffId: 'clerk-1',
    };
    expect(startTicket(called, other, now)).toMatchObject({
      ok: true,
      value: { ticket: { ownerStaffId: 'clerk-1', servingStaffId: 'clerk-2' } },
    });
  });

  it.each([
    {
      to: { service: aService({ id: 'svc-b', prefix: 'B' }) },
      serviceId: 'svc-b',
      targetCounterId: null,
    },
    {
      to: { counter: aCounter({ id: 'ctr-3', number: 3 }) },
      serviceId: 'svc-a',
      targetCounterId: 'ctr-3',
    },
  ])(
    'transfer keeps owner, number and original issue time ($serviceId → $targetCounterId)',
    ({ to, serviceId, targetCounterId }) => {
      const serving = { ...ticketIn('serving'), queuedAt: T0 - 5_000 };
      const r = transferTicket(serving, clerk, to, 'needs a meter check', now);
      expect(r).toMatchObject({
        ok: true,
        value: {
          ticket: {
            state: 'waiting',
            ownerStaffId: 'clerk-1',
            number: 'A001',
            queuedAt: T0 - 5_000,
            serviceId,
            targetCounterId,
            returning: true,
            transferCount: 1,
            note: 'needs a meter check',
          },
        },
      });
    },
  );

  it('park and resume keep the owner', () => {
    const parked = parkTicket(ticketIn('serving'), clerk, 'fetching ID', now);
    expect(parked).toMatchObject({
      ok: true,
      value: { ticket: { state: 'parked', ownerStaffId: 'clerk-1' } },
    });
    if (!parked.ok) return;
    const resumed = resumeTicket(parked.value.ticket, clerk, now + 1);
    expect(resumed).toMatchObject({
      ok: true,
      value: { ticket: { state: 'serving', ownerStaffId: 'clerk-1' } },
    });
  });

  it('a walk-in ticket is owned by its clerk and starts in service', () => {
    const issued = issueTicket(
      {
        id: 'w',
        service: aService(),
        businessDay: '2026-11-24',
        lastDailySeq: 4,
        customer: { phone: null, accountNo: null, name: null },
        priority: 'normal',
        source: 'walk_in',
        note: null,
        targetCounterId: null,
        estimatedWaitSec: null,
      },
      now,
    );
    if (!issued.ok) throw new Error('issue refused');
    expect(walkIn(issued.value, clerk, now)).toMatchObject({
      ok: true,
      value: {
        state: 'serving',
        ownerStaffId: 'clerk-1',
        servingStaffId: 'clerk-1',
        number: 'A005',
      },
    });
  });

  it.each([
    { reason: '', code: 'reason_required' },
    { reason: 'x', code: 'reason_required' },
  ])('reassigning the owner needs a reason ($reason)', ({ reason, code }) => {
    expect(reassignOwner(ticketIn('done'), 'clerk-2', 'leader', reason, now)).toMatchObject({
      ok: false,
      code,
    });
  });

  it('the duty leader reassigns the owner with a reason', () => {
    expect(
      reassignOwner(ticketIn('parked'), 'clerk-2', 'leader', 'clerk-1 went home ill', now),
    ).toMatchObject({
      ok: true,
      value: {
        ticket: { ownerStaffId: 'clerk-2' },
        transition: { staffId: 'leader', reason: 'owner: clerk-1 went home ill' },
      },
    });
  });
});
