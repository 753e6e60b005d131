import type {
  CallPlace,
  Case,
  ShiftLogEntry,
  Snapshot,
  StaffRole,
  StaffSession,
  SyncStatus,
} from '@onestop/shared';
import { defaultSyncStatus } from '@onestop/hall-server/test-support/sync-status';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { alert, counter, ticket } from '../../../test-support/fixtures';
import { enAll, zhAll } from '../../i18n/resources';
import { categoryName } from './admin/ServicesAdmin';
import { alertSubject, groupAlerts, sortAlerts } from './alert-groups';
import { rowsOf } from './CallingQueue';
import { arrivals } from './chime';
import { keptCases, offSince } from './KeptCasesPanel';
import { shiftSummary } from './ShiftPanel';
import { sessionsHere } from './StepIn';
import { pushedStatus } from './SyncPanel';
import { initialTab, tabCounts, tabsFor } from './tabs';
import { actionsFor } from './TicketsPanel';
import { ago, waitingFor } from './timing';
import { callWhy } from './use-call-order';

// The console's rules, table by table, without a browser: which tabs a person has and what
// waits behind them, how alerts group and what they are about, the overrides a ticket allows,
// the calling order's rows and their why, the cases kept while their owner is off, the
// summary at the end of a shift, who is on this console.

const words = i18next.createInstance();
void words.init({
  lng: 'zh',
  resources: { zh: { translation: zhAll }, en: { translation: enAll } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = words.getFixedT('zh');
const tEn = words.getFixedT('en');

const hall = (over: Partial<Snapshot> = {}) =>
  ({
    businessDay: '2026-11-24',
    tickets: [],
    counters: [counter()],
    services: [{ id: 'svc-billing', prefix: 'A', nameZh: '电费缴纳', nameEn: 'Bill payment' }],
    staff: [{ id: 'stf-clerk-1', name: '李明', staffNo: '1001' }],
    alerts: [],
    sessions: [],
    opinions: [],
    followUps: [],
    evaluations: [],
    devices: [],
    cases: [],
    tasks: [],
    caseTypes: [],
    ...over,
  }) as unknown as Snapshot;

const session = (over: Partial<StaffSession>): StaffSession => ({
  id: 'ses-1',
  staffId: 'stf-clerk-1',
  deviceId: 'dev-console',
  counterId: null,
  startedAt: 100,
  endedAt: null,
  changeSeq: 1,
  ...over,
});

describe('the tabs a person has', () => {
  const leader = 'hall alerts tickets opinions remedies spotChecks devices shift sync reports';
  it.each<[string, StaffRole[], string]>([
    ['a duty leader', ['duty_leader'], leader],
    ['a duty leader who is admin too', ['duty_leader', 'admin'], `${leader} admin`],
    ['the admin', ['admin'], 'admin hall devices shift sync reports'],
    ['a clerk', ['clerk'], ''],
  ])('%s', (_who, roles, tabs) => {
    expect(tabsFor(roles)).toEqual(tabs.split(' ').filter(Boolean));
  });

  it.each([
    ['the tab in the address', '#alerts', ['hall', 'alerts'], 'alerts'],
    ['their first: the address names a tab not theirs', '#admin', ['hall', 'alerts'], 'hall'],
    ['their first: no address', '', ['admin', 'hall'], 'admin'],
  ] as const)('opens at %s', (_what, hash, tabs, first) => {
    expect(initialTab(tabs, hash)).toBe(first);
  });

  it('counts what waits: open alerts (urgent), waiting tickets, open opinions and follow-ups', () => {
    const counts = tabCounts(
      hall({
        alerts: [alert({ id: 'a' }), alert({ id: 'b', acknowledgedAt: 5 })],
        tickets: [ticket({ id: 'x', state: 'waiting' }), ticket({ id: 'y', state: 'serving' })],
        opinions: [{ state: 'open' }, { state: 'closed' }] as Snapshot['opinions'],
        followUps: [{ state: 'open' }, { state: 'closed' }] as Snapshot['followUps'],
      }),
    );
    expect(counts).toEqual({
      alerts: { n: 1, urgent: true },
      tickets: { n: 1, urgent: false },
      opinions: { n: 2, urgent: false },
      remedies: { n: 0, urgent: false },
    });
    expect(tabCounts(hall()).alerts).toEqual({ n: 0, urgent: false });
    const waiting = [{ state: 'pending' }, { state: 'approved' }] as Snapshot['remedyGrants'];
    expect(tabCounts(hall({ remedyGrants: waiting })).remedies).toEqual({ n: 1, urgent: true });
  });
});

describe('alerts', () => {
  it('sorts open ones first, then newest first', () => {
    const sorted = sortAlerts([
      alert({ id: 'old-open', createdAt: 1 }),
      alert({ id: 'new-done', createdAt: 9, acknowledgedAt: 10 }),
      alert({ id: 'new-open', createdAt: 5 }),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['new-open', 'old-open', 'new-done']);
  });

  it('groups by kind and counter: groups with open alerts first, then by their newest', () => {
    const groups = groupAlerts([
      alert({ id: 'w1', kind: 'wait_over_target', createdAt: 10 }),
      alert({ id: 'w2', kind: 'wait_over_target', createdAt: 30 }),
      alert({ id: 'h1', kind: 'handling_over_target', counterId: 'ctr-1', createdAt: 20 }),
      alert({ id: 'h2', kind: 'handling_over_target', counterId: 'ctr-2', createdAt: 50 }),
      alert({
        id: 'd1',
        kind: 'dissatisfied',
        counterId: 'ctr-1',
        createdAt: 90,
        acknowledgedAt: 95,
      }),
    ]);
    expect(
      groups.map((g) => [g.key, g.alerts.map((a) => a.id), g.open.length, g.newestAt]),
    ).toEqual([
      ['handling_over_target|ctr-2', ['h2'], 1, 50],
      ['wait_over_target|', ['w2', 'w1'], 2, 30],
      ['handling_over_target|ctr-1', ['h1'], 1, 20],
      ['dissatisfied|ctr-1', ['d1'], 0, 90],
    ]);
  });

  const subjects = hall({
    tickets: [
      ticket({ id: 'tkt-1', number: 'A007' }),
      ticket({
        id: 'tkt-v',
        number: 'B012',
        customer: { accountNo: '3100001234', phone: null, name: null },
      }),
    ],
    devices: [{ id: 'dev-pad-1', name: '评价器 1' }] as Snapshot['devices'],
    evaluations: [{ id: 'ev-1', reasons: ['attitude', 'waiting'] }] as Snapshot['evaluations'],
    cases: [{ id: 'case-1', number: '20261124-003', summary: '新装' }] as Snapshot['cases'],
  });
  it.each([
    [
      'counter, clerk and ticket',
      alert({ counterId: 'ctr-1', staffId: 'stf-clerk-1', ticketId: 'tkt-1' }),
      '1号窗口 · 李明 (1001) · A007',
    ],
    [
      'the reasons of a 不满意 rating',
      alert({ kind: 'dissatisfied', subjectId: 'ev-1' }),
      '服务态度、等候时间',
    ],
    ['the device', alert({ kind: 'device_offline', subjectId: 'dev-pad-1' }), '评价器 1'],
    [
      'a device the hall no longer has',
      alert({ kind: 'device_offline', subjectId: 'dev-x' }),
      'dev-x',
    ],
    ['the service', alert({ kind: 'service_unstaffed', subjectId: 'svc-billing' }), 'A 电费缴纳'],
    ['the case', alert({ kind: 'case_overdue', subjectId: 'case-1' }), '20261124-003 新装'],
    ['nothing more for a wait', alert({ kind: 'wait_over_target' }), ''],
    [
      'a VIP arrived: their manager, ticket and account masked',
      alert({ kind: 'vip_arrived', staffId: 'stf-clerk-1', ticketId: 'tkt-v' }),
      '李明 (1001) · B012 · 户号 ******1234',
    ],
    [
      'a VIP arrived whose manager is no longer active',
      alert({ kind: 'vip_arrived', ticketId: 'tkt-v' }),
      'B012 · 户号 ******1234 · 其客户经理已停用,请重新指定',
    ],
  ])('says what it is about: %s', (_what, a, said) => {
    expect(alertSubject(subjects, a, 'zh', t)).toBe(said);
  });
});

describe('new alerts', () => {
  it.each([
    ['nothing new', ['a'], [alert({ id: 'a' })], []],
    ['a new open alert', ['a'], [alert({ id: 'a' }), alert({ id: 'b' })], ['b']],
    ['new but already acknowledged', [], [alert({ id: 'c', acknowledgedAt: 5 })], []],
    ['two at once', [], [alert({ id: 'd' }), alert({ id: 'e' })], ['d', 'e']],
  ])('%s', (_what, before, alerts, arrived) => {
    const seen = new Set(before);
    expect(arrivals(seen, alerts).map((a) => a.id)).toEqual(arrived);
    expect(arrivals(seen, alerts)).toEqual([]); // chimed once only
  });
});

describe('the overrides a ticket allows', () => {
  it.each([
    ['waiting', null, ['front', 'priority', 'counter', 'cancel']],
    ['called', null, ['cancel']],
    ['no_show', null, ['reinstate']],
    ['cancelled', null, ['reinstate']],
    ['serving', 'stf-clerk-1', ['owner']],
    ['parked', 'stf-clerk-1', ['owner']],
    ['done', 'stf-clerk-1', ['owner']],
    ['done', null, []],
  ] as const)('%s (owner %s): %j', (state, ownerStaffId, actions) => {
    expect(actionsFor(ticket({ state, ownerStaffId }))).toEqual(actions);
  });
});

describe('the calling order', () => {
  const billing = { id: 'svc-billing' } as Snapshot['services'][number];
  const waiting = [
    ticket({ id: 'a', serviceId: 'svc-billing', queuedAt: 3 }),
    ticket({ id: 'b', serviceId: 'svc-billing', queuedAt: 1 }),
    ticket({ id: 'c', serviceId: 'svc-billing', queuedAt: 2 }),
    ticket({ id: 'z', serviceId: 'svc-fault', queuedAt: 0 }),
  ];
  const place = (ticketId: string): CallPlace => ({
    ticketId,
    heldForCounterId: null,
    priorityClass: 'normal',
    band: 'within',
    pastTargetSec: -60,
  });
  it.each([
    ['before the server answers: issue order', undefined, ['b', 'c', 'a']],
    ["the server's order", [place('a'), place('b'), place('c')], ['a', 'b', 'c']],
    ['issued since the answer: after it', [place('c'), place('a')], ['c', 'a', 'b']],
    ['gone since the answer: left out', [place('x'), place('b')], ['b', 'c', 'a']],
  ])('%s', (_what, places, ids) => {
    expect(rowsOf(billing, waiting, places).map((r) => r.ticket.id)).toEqual(ids);
  });

  it("lists a service's waiting tickets, longest waiting first", () => {
    const h = hall({
      tickets: [...waiting, ticket({ id: 'd', serviceId: 'svc-billing', state: 'serving' })],
    });
    expect(waitingFor(h, 'svc-billing').map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it.each([
    [
      'held for a counter',
      { heldForCounterId: 'ctr-1' },
      '指定 1 号窗口先叫',
      '目标等候内,还剩 1分',
    ],
    ['a VIP', { priorityClass: 'vip' }, 'VIP 客户', '目标等候内,还剩 1分'],
    [
      'past its target',
      { band: 'overdue', pastTargetSec: 300 },
      null,
      '已超目标 5分,不再让位,先叫',
    ],
  ] as const)('says why a ticket stands there: %s', (_what, over, badge, wait) => {
    expect(callWhy({ ...place('a'), ...over }, hall(), t, 'zh')).toEqual({ badge, wait });
  });
});

describe('cases kept while their owner is off', () => {
  const kept = (id: string, over: Partial<Case>) => ({ id, state: 'open', ...over }) as Case;
  const h = hall({
    cases: [
      kept('late', { ownerStaffId: 'stf-off', dueAt: 300 }),
      kept('soon', { ownerStaffId: 'stf-off', dueAt: 100 }),
      kept('on', { ownerStaffId: 'stf-on', dueAt: 50 }),
      kept('closed', { ownerStaffId: 'stf-off', dueAt: 10, state: 'closed' }),
    ],
    sessions: [
      session({ id: 's1', staffId: 'stf-on' }),
      session({ id: 's2', staffId: 'stf-off', endedAt: 40 }),
      session({ id: 's3', staffId: 'stf-off', endedAt: 70 }),
    ],
  });
  it('lists the open cases of owners signed in nowhere, soonest due first', () => {
    expect(keptCases(h).map((c) => c.id)).toEqual(['soon', 'late']);
  });
  it.each([
    ['signed off twice: the last time', 'stf-off', 70],
    ['still signed in', 'stf-on', null],
    ['not seen today', 'stf-gone', null],
  ])('knows when the owner signed off: %s', (_what, staffId, at) => {
    expect(offSince(h, staffId)).toBe(at);
  });
});

describe('who is on this console', () => {
  it('lists the open sessions on this device, the holder first', () => {
    const here = sessionsHere(
      [
        session({ id: 'admin', startedAt: 200 }),
        session({ id: 'holder', startedAt: 100 }),
        session({ id: 'ended', startedAt: 50, endedAt: 60 }),
        session({ id: 'elsewhere', startedAt: 10, deviceId: 'dev-desk-1' }),
      ],
      'dev-console',
    );
    expect(here.map((s) => s.id)).toEqual(['holder', 'admin']);
  });
});

describe('the end-of-shift summary', () => {
  it("counts the day's tickets, the ratings, the open items and the log by kind", () => {
    const entry = (group: ShiftLogEntry['group']) => ({ group }) as ShiftLogEntry;
    const summary = shiftSummary(
      hall({
        tickets: [
          ticket({ id: 'a', state: 'done' }),
          ticket({ id: 'b', state: 'waiting' }),
          ticket({ id: 'c', state: 'no_show' }),
          ticket({ id: 'd', state: 'done', businessDay: '2026-11-23' }),
        ],
        evaluations: [{ score: 'dissatisfied' }, { score: 'satisfied' }] as Snapshot['evaluations'],
        alerts: [alert({}), alert({ id: 'b', acknowledgedAt: 1 })],
      }),
      [entry('override'), entry('override'), entry('alert'), entry('admin')],
    );
    expect(Object.fromEntries(summary)).toEqual({
      issued: 3,
      served: 1,
      waiting: 1,
      noShow: 1,
      dissatisfied: 1,
      overrides: 2,
      alertsAcknowledged: 1,
      alertsOpen: 1,
      opinionsOpen: 0,
      opinionsClosed: 0,
      followUpsOpen: 0,
      handovers: 0,
      adminChanges: 1,
    });
  });
});

describe('words', () => {
  it.each([
    [30_000, '1分前', '1 min ago'],
    [3_900_000, '1小时5分前', '1 h 5 min ago'],
    [2 * 86_400_000 + 5, '2 天前', '2 day(s) ago'],
  ])('%i ms ago is said as %s', (ms, zh, en) => {
    expect(ago(ms, 'zh', t)).toBe(zh);
    expect(ago(ms, 'en', tEn)).toBe(en);
  });

  it.each([
    ['billing', '电费与票据'],
    ['enquiry', '报修与咨询'],
    ['自定义分类', '自定义分类'],
  ])('names the service category %s as %s', (code, name) => {
    expect(categoryName(code, t)).toBe(name);
  });
});

describe('the pushed sync status', () => {
  const status: SyncStatus = { ...defaultSyncStatus(), changeSeq: 4 };
  it.each([
    ['none pushed', hall(), undefined],
    ['one pushed', { ...hall(), syncStatus: [status] }, [status]],
    ['not a status', { ...hall(), syncStatus: [{ nonsense: true }] }, undefined],
  ])('%s', (_what, h, expected) => {
    expect(pushedStatus(h)).toEqual(expected);
  });
});
