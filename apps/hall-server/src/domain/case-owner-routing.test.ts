import type { Counter, Staff } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { aCounter, aTicket } from './test-fixtures';
import {
  CASE_OWNER_AWAY,
  caseOwnerFor,
  HELD_FOR_CASE_OWNER,
  MANAGER_AWAY,
  mayRouteToCaseOwner,
  releaseHeldVipTickets,
  routeCaseOwner,
  type CaseOwnerRoute,
  type OpenCaseOf,
} from './vip-routing';

// First-handler routing (docs/vip-account-managers.md, "First-handler routing"): the owner of
// the customer's open case for the ticket's service, and where they can serve it now.

const T = 2_000_000;
const HOUR = 3_600_000;
const aCase = (over: Partial<OpenCaseOf> = {}): OpenCaseOf => ({
  ownerStaffId: 'own',
  dueAt: T + 24 * HOUR,
  promisedAt: T + 24 * HOUR,
  serviceIds: ['svc-a', null],
  ...over,
});
const clerk = (over: Partial<Staff> = {}) => ({
  id: 'own',
  active: true,
  roles: ['clerk' as const],
  ...over,
});
const at = (over: Partial<Counter> = {}) =>
  aCounter({ id: 'ctr-2', staffId: 'own', serviceIds: ['svc-a'], ...over });

describe('caseOwnerFor (whose case the ticket is about)', () => {
  it.each<{ name: string; cases: OpenCaseOf[]; expected: string | null }>([
    { name: 'no open case', cases: [], expected: null },
    { name: 'a case of the service (its type’s)', cases: [aCase()], expected: 'own' },
    {
      name: 'a case of the service (its visit’s, the type has none)',
      cases: [aCase({ serviceIds: [null, 'svc-a'] })],
      expected: 'own',
    },
    {
      name: 'a case of another service only',
      cases: [aCase({ serviceIds: ['svc-b', 'svc-b'] })],
      expected: null,
    },
    {
      name: 'a case without any service',
      cases: [aCase({ serviceIds: [null, null] })],
      expected: null,
    },
    {
      name: 'two owners: the earliest current promise wins',
      cases: [
        aCase({ ownerStaffId: 'late', dueAt: T + 48 * HOUR }),
        aCase({ ownerStaffId: 'soon', dueAt: T + 2 * HOUR, promisedAt: T + 72 * HOUR }),
      ],
      expected: 'soon',
    },
    {
      name: 'same current promise: the earliest first promise',
      cases: [
        aCase({ ownerStaffId: 'b', promisedAt: T + 30 * HOUR }),
        aCase({ ownerStaffId: 'a', promisedAt: T + 20 * HOUR }),
      ],
      expected: 'a',
    },
    {
      name: 'same promises: one answer whatever the order (by owner id)',
      cases: [aCase({ ownerStaffId: 'zz' }), aCase({ ownerStaffId: 'aa' })],
      expected: 'aa',
    },
    {
      name: 'the soonest case is of another service: the service’s case wins',
      cases: [
        aCase({ ownerStaffId: 'other', dueAt: T, serviceIds: ['svc-b', null] }),
        aCase({ ownerStaffId: 'own' }),
      ],
      expected: 'own',
    },
  ])('$name', ({ cases, expected }) => {
    expect(caseOwnerFor(cases, 'svc-a')).toBe(expected);
  });
});

describe('routeCaseOwner (where the owner can serve them now)', () => {
  it.each<{ name: string; input: Parameters<typeof routeCaseOwner>[0]; expected: CaseOwnerRoute }>([
    {
      name: 'no case for the service',
      input: {
        cases: [aCase({ serviceIds: ['svc-b', null] })],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at()],
        ownerOnline: true,
      },
      expected: { route: 'none' },
    },
    {
      name: 'owner at an open counter serving the service',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [aCounter({ id: 'ctr-1', staffId: 'x' }), at()],
        ownerOnline: true,
      },
      expected: { route: 'owner_counter', ownerStaffId: 'own', counterId: 'ctr-2' },
    },
    {
      name: 'owner at an open counter not serving the service (unlike a VIP’s manager)',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at({ serviceIds: ['svc-b'] })],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'counter_other_service' },
    },
    {
      name: 'owner paused',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at({ state: 'paused' })],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'counter_paused' },
    },
    {
      name: 'owner signed in at a closed counter',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at({ state: 'closed' })],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'counter_closed' },
    },
    {
      name: 'owner at no counter',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at({ staffId: 'x' })],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'manager_not_at_counter' },
    },
    {
      name: 'owner’s desk off the network',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at()],
        ownerOnline: false,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'desk_offline' },
    },
    {
      name: 'owner deactivated',
      input: {
        cases: [aCase()],
        serviceId: 'svc-a',
        owner: clerk({ active: false }),
        counters: [at()],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'manager_inactive' },
    },
    {
      name: 'the soonest-promised owner is away: not another owner’s counter',
      input: {
        cases: [aCase({ ownerStaffId: 'own', dueAt: T }), aCase({ ownerStaffId: 'x' })],
        serviceId: 'svc-a',
        owner: clerk(),
        counters: [at({ state: 'paused' }), aCounter({ id: 'ctr-9', staffId: 'x' })],
        ownerOnline: true,
      },
      expected: { route: 'owner_away', ownerStaffId: 'own', why: 'counter_paused' },
    },
  ])('$name', ({ input, expected }) => {
    expect(routeCaseOwner(input)).toEqual(expected);
  });
});

describe('mayRouteToCaseOwner (a kiosk: one routed ticket per account and service)', () => {
  it.each<{
    name: string;
    today: Parameters<typeof mayRouteToCaseOwner>[0];
    expected: boolean;
  }>([
    { name: 'no ticket today', today: [], expected: true },
    {
      name: 'a ticket of the service waiting',
      today: [{ state: 'waiting', serviceId: 'svc-a' }],
      expected: false,
    },
    {
      name: 'a ticket of the service being served',
      today: [{ state: 'serving', serviceId: 'svc-a' }],
      expected: false,
    },
    {
      name: 'a ticket of the service done',
      today: [{ state: 'done', serviceId: 'svc-a' }],
      expected: true,
    },
    {
      name: 'a ticket of another service waiting',
      today: [{ state: 'waiting', serviceId: 'svc-b' }],
      expected: true,
    },
  ])('$name', ({ today, expected }) => {
    expect(mayRouteToCaseOwner(today, 'svc-a')).toBe(expected);
  });
});

describe('release of a ticket held for its case owner (the same safeguards as a VIP’s)', () => {
  const held = aTicket({
    id: 'c1',
    priority: 'normal',
    targetCounterId: 'ctr-2',
    stateReason: HELD_FOR_CASE_OWNER,
    queuedAt: T - 60_000,
  });
  const guideNamed = aTicket({ id: 'g1', priority: 'normal', targetCounterId: 'ctr-2' });
  const transferred = aTicket({
    id: 't1',
    targetCounterId: 'ctr-2',
    stateReason: HELD_FOR_CASE_OWNER,
    transferCount: 1,
  });
  const vipHeld = aTicket({ id: 'v1', priority: 'vip', targetCounterId: 'ctr-2' });
  const waiting = [held, guideNamed, transferred, vipHeld];

  it.each([
    { name: 'open with its clerk', counter: at(), released: [] },
    { name: 'paused', counter: at({ state: 'paused' }), released: ['c1', 'v1'] },
    { name: 'closed', counter: at({ state: 'closed' }), released: ['c1', 'v1'] },
    {
      name: 'its clerk gone',
      counter: at({ state: 'closed', staffId: null }),
      released: ['c1', 'v1'],
    },
  ])('$name → $released', ({ counter, released }) => {
    const out = releaseHeldVipTickets(waiting, at(), counter, null, T);
    expect(out.map((c) => c.ticket.id)).toEqual(released);
  });

  it('keeps its place and priority, drops the mark, and records why', () => {
    const out = releaseHeldVipTickets(waiting, at(), at({ state: 'paused' }), null, T);
    const owner = out.find((c) => c.ticket.id === 'c1')!;
    expect(owner.ticket).toMatchObject({
      state: 'waiting',
      priority: 'normal',
      targetCounterId: null,
      stateReason: null,
      queuedAt: held.queuedAt,
    });
    expect(owner.transition.reason).toBe(CASE_OWNER_AWAY);
    expect(out.find((c) => c.ticket.id === 'v1')!.transition.reason).toBe(MANAGER_AWAY);
  });
});
