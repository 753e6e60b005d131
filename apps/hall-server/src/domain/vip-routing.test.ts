import type { Counter, Staff } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { callOrder } from './calling';
import { aCounter, aService, aTicket } from './test-fixtures';
import {
  checkManager,
  isFitManager,
  MANAGER_AWAY,
  mayAcknowledge,
  mayTakeVipTicket,
  releaseHeldVipTickets,
  routeVip,
  type VipRoute,
} from './vip-routing';

const T = 2_000_000;
const clerk = (over: Partial<Staff> = {}) => ({
  id: 'mgr',
  active: true,
  roles: ['clerk' as const],
  ...over,
});
const vipOf = (accountManagerStaffId: string | null, vip = true) => ({
  vip,
  accountManagerStaffId,
});
const at = (over: Partial<Counter>) => aCounter({ id: 'ctr-3', staffId: 'mgr', ...over });

describe('routeVip', () => {
  it.each<{ name: string; input: Parameters<typeof routeVip>[0]; expected: VipRoute }>([
    {
      name: 'not on the list',
      input: { customer: undefined, manager: undefined, counters: [], managerOnline: true },
      expected: { route: 'none' },
    },
    {
      name: 'listed, not a VIP, even with a manager set',
      input: {
        customer: vipOf('mgr', false),
        manager: clerk(),
        counters: [at({})],
        managerOnline: true,
      },
      expected: { route: 'none' },
    },
    {
      name: 'a VIP without a manager',
      input: { customer: vipOf(null), manager: undefined, counters: [at({})], managerOnline: true },
      expected: { route: 'none' },
    },
    {
      name: 'manager at an open counter',
      input: { customer: vipOf('mgr'), manager: clerk(), counters: [at({})], managerOnline: true },
      expected: { route: 'manager_counter', managerStaffId: 'mgr', counterId: 'ctr-3' },
    },
    {
      name: 'manager at an open counter not serving the service (served whatever the service)',
      input: {
        customer: vipOf('mgr'),
        manager: clerk(),
        counters: [aCounter({ id: 'ctr-1', staffId: 'other' }), at({ serviceIds: ['svc-z'] })],
        managerOnline: true,
      },
      expected: { route: 'manager_counter', managerStaffId: 'mgr', counterId: 'ctr-3' },
    },
    {
      name: 'manager at a paused counter',
      input: {
        customer: vipOf('mgr'),
        manager: clerk(),
        counters: [at({ state: 'paused' })],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'counter_paused' },
    },
    {
      name: 'manager signed in at a closed counter',
      input: {
        customer: vipOf('mgr'),
        manager: clerk(),
        counters: [at({ state: 'closed' })],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'counter_closed' },
    },
    {
      name: 'manager not at any counter',
      input: {
        customer: vipOf('mgr'),
        manager: clerk(),
        counters: [at({ staffId: 'other' })],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'manager_not_at_counter' },
    },
    {
      name: 'manager at an open counter whose desk dropped off the network',
      input: { customer: vipOf('mgr'), manager: clerk(), counters: [at({})], managerOnline: false },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'desk_offline' },
    },
    {
      name: 'manager deactivated since',
      input: {
        customer: vipOf('mgr'),
        manager: clerk({ active: false }),
        counters: [at({})],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'manager_inactive' },
    },
    {
      name: 'manager no longer a clerk',
      input: {
        customer: vipOf('mgr'),
        manager: clerk({ roles: ['guide'] }),
        counters: [at({})],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'manager_inactive' },
    },
    {
      name: 'manager unknown',
      input: {
        customer: vipOf('mgr'),
        manager: undefined,
        counters: [at({})],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'manager_inactive' },
    },
    {
      name: 'a different staff record than the one named',
      input: {
        customer: vipOf('mgr'),
        manager: clerk({ id: 'x' }),
        counters: [at({})],
        managerOnline: true,
      },
      expected: { route: 'priority', managerStaffId: 'mgr', why: 'manager_inactive' },
    },
  ])('$name', ({ input, expected }) => {
    expect(routeVip(input)).toEqual(expected);
  });
});

describe('checkManager (admin naming a manager)', () => {
  it.each([
    { name: 'none', id: null, vip: true, staff: undefined, ok: true },
    { name: 'none for a non-VIP', id: null, vip: false, staff: undefined, ok: true },
    { name: 'an active clerk', id: 'mgr', vip: true, staff: clerk(), ok: true },
    {
      name: 'a clerk who is also duty leader',
      id: 'mgr',
      vip: true,
      staff: clerk({ roles: ['clerk', 'duty_leader'] }),
      ok: true,
    },
    { name: 'for a non-VIP', id: 'mgr', vip: false, staff: clerk(), ok: false },
    { name: 'an unknown id', id: 'ghost', vip: true, staff: undefined, ok: false },
    { name: 'inactive', id: 'mgr', vip: true, staff: clerk({ active: false }), ok: false },
    { name: 'a guide', id: 'mgr', vip: true, staff: clerk({ roles: ['guide'] }), ok: false },
    { name: 'an admin', id: 'mgr', vip: true, staff: clerk({ roles: ['admin'] }), ok: false },
  ])('$name → ok $ok', ({ id, vip, staff, ok }) => {
    const r = checkManager(id, vip, staff);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe('manager_unfit');
  });

  it('a fit manager is active and a clerk', () => {
    expect(isFitManager({ active: true, roles: ['backoffice'] })).toBe(false);
  });
});

describe('releaseHeldVipTickets (the manager’s counter can no longer call them)', () => {
  const held = aTicket({
    id: 'v1',
    priority: 'vip',
    targetCounterId: 'ctr-3',
    queuedAt: T - 60_000,
  });
  const waiting = [
    held,
    // transferred there by a clerk: the transfer's own rule (waits for that counter)
    aTicket({ id: 't1', priority: 'vip', targetCounterId: 'ctr-3', transferCount: 1 }),
    // an ordinary ticket held for the counter by the guide
    aTicket({ id: 'n1', priority: 'normal', targetCounterId: 'ctr-3' }),
    // a VIP held for another counter
    aTicket({ id: 'v2', priority: 'vip', targetCounterId: 'ctr-9' }),
  ];

  it.each([
    { name: 'open with its clerk', counter: at({}), released: [] },
    { name: 'paused', counter: at({ state: 'paused' }), released: ['v1'] },
    { name: 'closed', counter: at({ state: 'closed' }), released: ['v1'] },
    { name: 'its clerk gone', counter: at({ state: 'closed', staffId: null }), released: ['v1'] },
  ])('$name → $released', ({ counter, released }) => {
    const out = releaseHeldVipTickets(waiting, at({}), counter, 'mgr', T);
    expect(out.map((c) => c.ticket.id)).toEqual(released);
  });

  it.each([
    {
      name: 'a clerk signing in at a closed counter',
      before: at({ state: 'closed', staffId: null }),
    },
    { name: 'a paused counter closing', before: at({ state: 'paused' }) },
    { name: 'a counter the hall did not have', before: undefined },
  ])('releases nothing when it was not calling before: $name', ({ before }) => {
    expect(releaseHeldVipTickets(waiting, before, at({ state: 'closed' }), null, T)).toEqual([]);
  });

  it('keeps VIP priority, its place and its number; records why', () => {
    const [change] = releaseHeldVipTickets(waiting, at({}), at({ state: 'closed' }), null, T);
    expect(change!.ticket).toMatchObject({
      id: 'v1',
      state: 'waiting',
      priority: 'vip',
      targetCounterId: null,
      queuedAt: held.queuedAt,
      number: held.number,
      updatedAt: T,
    });
    expect(change!.transition).toMatchObject({
      fromState: 'waiting',
      toState: 'waiting',
      reason: MANAGER_AWAY,
      staffId: null,
    });
  });

  it('once released, any counter of its service calls it, ahead of normal tickets', () => {
    const [change] = releaseHeldVipTickets(waiting, at({}), at({ state: 'closed' }), null, T);
    const normal = aTicket({ id: 'a1', priority: 'normal', queuedAt: T - 600_000 });
    const other = aCounter({ id: 'ctr-1', staffId: 'clerk-1' });
    const services = new Map([['svc-a', aService()]]);
    const weights = {
      returning: 1000,
      appointment: 800,
      priority: 600,
      vip: 400,
      normal: 0,
      perMinutePastTarget: 1,
    };
    const order = callOrder([normal, change!.ticket], other, services, weights, T);
    expect(order.map((t) => t.id)).toEqual(['v1', 'a1']);
  });
});

describe('mayAcknowledge', () => {
  it.each([
    {
      name: 'the duty leader, any alert',
      kind: 'dissatisfied',
      to: 'c1',
      roles: ['duty_leader'],
      ok: true,
    },
    {
      name: 'a manager, a VIP arrival addressed to them',
      kind: 'vip_arrived',
      to: 'mgr',
      roles: ['clerk'],
      ok: true,
    },
    {
      name: 'a clerk, another manager’s VIP arrival',
      kind: 'vip_arrived',
      to: 'other',
      roles: ['clerk'],
      ok: false,
    },
    {
      name: 'a clerk, a VIP arrival addressed to nobody',
      kind: 'vip_arrived',
      to: null,
      roles: ['clerk'],
      ok: false,
    },
    {
      name: 'a case owner, their case customer’s arrival addressed to them',
      kind: 'case_customer_arrived',
      to: 'mgr',
      roles: ['clerk'],
      ok: true,
    },
    {
      name: 'a clerk, another owner’s case customer’s arrival',
      kind: 'case_customer_arrived',
      to: 'other',
      roles: ['clerk'],
      ok: false,
    },
    {
      name: 'a clerk, a 不满意 rating about themselves',
      kind: 'dissatisfied',
      to: 'mgr',
      roles: ['clerk'],
      ok: false,
    },
    {
      name: 'a clerk, their own handling over target',
      kind: 'handling_over_target',
      to: 'mgr',
      roles: ['clerk'],
      ok: false,
    },
  ] as const)('$name → $ok', ({ kind, to, roles, ok }) => {
    const r = mayAcknowledge({ kind, staffId: to }, 'mgr', roles);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe('forbidden');
  });
});

describe('mayTakeVipTicket (one open VIP ticket per account)', () => {
  it.each<{ name: string; today: Parameters<typeof mayTakeVipTicket>[0]; expected: boolean }>([
    { name: 'no ticket today', today: [], expected: true },
    {
      name: 'a VIP ticket waiting',
      today: [{ state: 'waiting', priority: 'vip' }],
      expected: false,
    },
    { name: 'a VIP ticket called', today: [{ state: 'called', priority: 'vip' }], expected: false },
    {
      name: 'a VIP ticket served',
      today: [{ state: 'serving', priority: 'vip' }],
      expected: false,
    },
    { name: 'a VIP ticket parked', today: [{ state: 'parked', priority: 'vip' }], expected: false },
    { name: 'the VIP ticket done', today: [{ state: 'done', priority: 'vip' }], expected: true },
    {
      name: 'the VIP ticket no-show',
      today: [{ state: 'no_show', priority: 'vip' }],
      expected: true,
    },
    {
      name: 'the VIP ticket cancelled',
      today: [{ state: 'cancelled', priority: 'vip' }],
      expected: true,
    },
    {
      name: 'only ordinary tickets open (the downgraded ones)',
      today: [
        { state: 'waiting', priority: 'normal' },
        { state: 'serving', priority: 'priority' },
      ],
      expected: true,
    },
    {
      name: 'one done, one waiting',
      today: [
        { state: 'done', priority: 'vip' },
        { state: 'waiting', priority: 'vip' },
      ],
      expected: false,
    },
  ])('$name', ({ today, expected }) => {
    expect(mayTakeVipTicket(today)).toBe(expected);
  });
});
