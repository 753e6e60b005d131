import type { Alert, Device, Snapshot, SyncStatus } from '@onestop/shared';
import { DEFAULT_CALL_WEIGHTS } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { counter, ticket } from '../../../test-support/fixtures';
import { changedSettings } from './admin/SettingsAdmin';
import { maskContact } from './OpinionsPanel';
import { logTime, startOfLocalDay } from './ShiftPanel';
import { latestStatus } from './SyncPanel';
import { levelOf, offlineSince, servedToday } from './timing';

// The console's reading of the hall, table by table: colour thresholds, what a shift-log line
// is, masked contacts, which sync status is newest, which settings changed.

const hall = (over: Partial<Snapshot> = {}) =>
  ({
    businessDay: '2026-11-24',
    tickets: [],
    counters: [counter()],
    staff: [{ id: 'stf-clerk-1', name: '李明' }],
    alerts: [],
    sessions: [],
    opinions: [],
    followUps: [],
    devices: [],
    ...over,
  }) as unknown as Snapshot;

describe('colour against a target', () => {
  it.each([
    [0, 180, 'ok'],
    [143, 180, 'ok'],
    [144, 180, 'warn'],
    [179, 180, 'warn'],
    [180, 180, 'bad'],
    [900, 180, 'bad'],
    [10, 0, 'ok'],
  ] as const)('%i s of %i s is %s', (elapsed, target, level) => {
    expect(levelOf(elapsed, target)).toBe(level);
  });
});

describe('served today', () => {
  it("counts the counter's finished visits of the business day only", () => {
    const h = hall({
      tickets: [
        ticket({ id: 'a', state: 'done', counterId: 'ctr-1' }),
        ticket({ id: 'b', state: 'serving', counterId: 'ctr-1' }),
        ticket({ id: 'c', state: 'done', counterId: 'ctr-2' }),
        ticket({ id: 'd', state: 'done', counterId: 'ctr-1', businessDay: '2026-11-23' }),
      ],
    });
    expect(servedToday(h, 'ctr-1')).toBe(1);
  });
});

describe('a device off the network', () => {
  const device = { id: 'dev-pad-1' } as Device;
  const offline = (at: number) =>
    ({ kind: 'device_offline', subjectId: 'dev-pad-1', createdAt: at }) as Alert;
  it.each([
    ['never reported', [], [], null],
    ['reported', [offline(100)], [], 100],
    ['reported twice: the latest', [offline(100), offline(300)], [], 300],
    ['signed in on since', [offline(100)], [{ deviceId: 'dev-pad-1', startedAt: 200 }], null],
    ['signed in on before', [offline(100)], [{ deviceId: 'dev-pad-1', startedAt: 50 }], 100],
  ] as const)('%s', (_what, alerts, sessions, expected) => {
    expect(
      offlineSince(hall({ alerts: [...alerts], sessions: [...sessions] as never }), device),
    ).toBe(expected);
  });
});

describe('the shift log', () => {
  // What a line says, and its kind, come from the server (app/shift-log.ts and its test).
  it.each([
    ['the same day: the time only', '2026-11-24T06:05:00Z', '14:05'],
    ['another day: the date too', '2026-11-23T06:05:00Z', '11月23日 14:05'],
  ])('%s', (_what, at, shown) => {
    const now = Date.parse('2026-11-24T09:00:00Z');
    expect(logTime(Date.parse(at), now, 'Asia/Shanghai', 'zh')).toBe(shown);
  });

  it("starts today at the hall's local midnight", () => {
    const at = Date.parse('2026-11-24T03:30:15.250Z'); // 11:30:15 in Shanghai
    expect(new Date(startOfLocalDay(at, 'Asia/Shanghai')).toISOString()).toBe(
      '2026-11-23T16:00:00.000Z',
    );
  });
});

describe('contacts on the opinions desk', () => {
  it.each([
    [null, '—'],
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['3100000003', '******0003'],
    ['wechat:zhang', 'we**********'],
  ])('%s is shown as %s', (contact, shown) => {
    expect(maskContact(contact)).toBe(shown);
  });
});

describe('the sync status', () => {
  const status = (changeSeq: number) => ({ changeSeq }) as SyncStatus;
  it('takes the newest of the asked and the pushed', () => {
    expect(latestStatus(null, undefined)).toBeNull();
    expect(latestStatus(status(3), undefined)?.changeSeq).toBe(3);
    expect(latestStatus(status(3), [status(5)])?.changeSeq).toBe(5);
    expect(latestStatus(status(7), [status(5)])?.changeSeq).toBe(7);
  });
});

describe('hall settings', () => {
  const before = {
    nameZh: '厅',
    nameEn: 'Hall',
    recallsBeforeNoShow: 2,
    noShowAfterSec: 180,
    evaluationTimeoutSec: 30,
    counterDropGraceSec: 60,
    callWeights: DEFAULT_CALL_WEIGHTS,
    ticketFooterZh: 'a',
    ticketFooterEn: 'b',
    announceZh: '请{number}号到{counter}号窗口办理',
    announceEn: 'Number {number}, counter {counter}.',
    businessHours: null,
  };
  it('sends business hours as a whole, and null for any time', () => {
    const hours = { open: '08:30', close: '17:30' };
    expect(changedSettings(before, { ...before, businessHours: hours })).toEqual({
      businessHours: hours,
    });
    expect(changedSettings({ ...before, businessHours: hours }, before)).toEqual({
      businessHours: null,
    });
  });

  it('sends only what changed, weights as a whole', () => {
    expect(changedSettings(before, before)).toEqual({});
    expect(changedSettings(before, { ...before, recallsBeforeNoShow: 3 })).toEqual({
      recallsBeforeNoShow: 3,
    });
    const weights = { ...before.callWeights, vip: 500 };
    expect(changedSettings(before, { ...before, callWeights: weights })).toEqual({
      callWeights: weights,
    });
  });
});
