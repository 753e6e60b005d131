import type { DeviceFault, DeviceHealth } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  HEARTBEAT_RULES,
  REPORT_RULES,
  endedAt,
  faultsOf,
  judgeHeartbeat,
  judgeOpeningCheck,
  judgeReport,
  markFixed,
  newFault,
  type HeartbeatInput,
} from './device-health';
import { deviceReport as report } from '../test-support/device-report';

const NOW = 1_800_000_000_000;
const health = (over: Partial<DeviceHealth> = {}): DeviceHealth => ({
  deviceId: 'dev-kiosk-1',
  version: '0.19.0',
  screen: { width: 1080, height: 1920, orientation: 'portrait' },
  audio: 'none',
  printer: 'ok',
  reportedAt: NOW - 30_000,
  audioBlockedSince: null,
  ...over,
});
const fault = (kind: DeviceFault['kind'], over: Partial<DeviceFault> = {}): DeviceFault => ({
  ...newFault(`f-${kind}`, 'dev-kiosk-1', kind, NOW - 60_000),
  ...over,
});
const input = (over: Partial<HeartbeatInput> = {}): HeartbeatInput => ({
  deviceId: 'dev-kiosk-1',
  kind: 'kiosk',
  report: report(),
  latest: health(),
  open: [],
  changesLastMinute: 0,
  now: NOW,
  ...over,
});

describe('faultsOf', () => {
  it.each([
    ['ok', []],
    ['paper_low', []],
    ['unknown', []],
    ['paper_out', ['printer_paper_out']],
    ['cover_open', ['printer_cover_open']],
    ['offline', ['printer_offline']],
  ] as const)('printer %s → %j', (printer, kinds) => {
    expect(faultsOf(health({ printer }), NOW)).toEqual(kinds);
  });

  it.each([
    ['blocked a moment', NOW - 1000, []],
    ['blocked long', NOW - HEARTBEAT_RULES.audioBlockedAfterMs, ['audio']],
    ['not blocked', null, []],
  ] as const)('sound %s', (_, since, kinds) => {
    expect(faultsOf(health({ audioBlockedSince: since }), NOW)).toEqual(kinds);
  });
});

describe('judgeHeartbeat', () => {
  it('records the first heartbeat with everything as changed', () => {
    const r = judgeHeartbeat(input({ latest: null }));
    expect(r).toMatchObject({ ok: true, value: { recorded: true, openKinds: [], clear: [] } });
    if (r.ok && r.value.recorded) expect(r.value.change).toMatchObject({ version: '0.19.0' });
  });

  it('does not record a repeat within the repeat time, and records it after', () => {
    const soon = health({ reportedAt: NOW - HEARTBEAT_RULES.repeatAfterMs + 1 });
    expect(judgeHeartbeat(input({ latest: soon }))).toEqual({
      ok: true,
      value: { recorded: false },
    });
    const r = judgeHeartbeat(input());
    expect(r).toMatchObject({ ok: true, value: { recorded: true, change: null } });
  });

  it.each([
    ['paper out', { printer: 'paper_out' }, ['printer_paper_out']],
    ['cover open', { printer: 'cover_open' }, ['printer_cover_open']],
    ['printer offline', { printer: 'offline' }, ['printer_offline']],
    ['paper low (a warning, no fault)', { printer: 'paper_low' }, []],
  ] as const)('%s opens %j', (_, over, kinds) => {
    const r = judgeHeartbeat(input({ report: report(over) }));
    expect(r.ok && r.value.recorded && r.value.openKinds).toEqual(kinds);
  });

  it('does not open a fault already open, and clears it when healthy again', () => {
    const open = [fault('printer_paper_out')];
    const still = judgeHeartbeat(input({ report: report({ printer: 'paper_out' }), open }));
    expect(still.ok && still.value.recorded && still.value.openKinds).toEqual([]);
    expect(still.ok && still.value.recorded && still.value.clear).toEqual([]);
    const healed = judgeHeartbeat(input({ open }));
    expect(healed.ok && healed.value.recorded && healed.value.clear).toEqual(open);
  });

  it('clears an offline fault on any heartbeat, even a repeat', () => {
    const open = [fault('offline')];
    const r = judgeHeartbeat(input({ latest: health({ reportedAt: NOW - 1 }), open }));
    expect(r.ok && r.value.recorded && r.value.clear).toEqual(open);
  });

  it('never clears a fault reported by staff', () => {
    const open = [fault('reported', { reportedBy: 'stf-guide', detail: 'jammed' })];
    const r = judgeHeartbeat(input({ open }));
    expect(r.ok && r.value.recorded && r.value.clear).toEqual([]);
  });

  it('keeps a printer only on a kiosk', () => {
    const r = judgeHeartbeat(input({ kind: 'display', latest: null, report: report() }));
    expect(r.ok && r.value.recorded && r.value.health.printer).toBeNull();
    const none = judgeHeartbeat(input({ latest: null, report: report({ printer: undefined }) }));
    expect(none.ok && none.value.recorded && none.value.health.printer).toBe('unknown');
  });

  it('counts blocked sound from its first report, and opens the fault once it is long', () => {
    const first = judgeHeartbeat(input({ report: report({ audio: 'blocked' }) }));
    expect(first.ok && first.value.recorded && first.value.health.audioBlockedSince).toBe(NOW);
    const since = NOW - HEARTBEAT_RULES.audioBlockedAfterMs;
    const later = judgeHeartbeat(
      input({
        report: report({ audio: 'blocked' }),
        latest: health({ audio: 'blocked', audioBlockedSince: since }),
      }),
    );
    expect(later.ok && later.value.recorded && later.value.openKinds).toEqual(['audio']);
  });

  it('refuses a change beyond the changes a minute allows', () => {
    const r = judgeHeartbeat(
      input({
        report: report({ version: '9.9.9' }),
        changesLastMinute: HEARTBEAT_RULES.changesPerMinute,
      }),
    );
    expect(r).toMatchObject({ ok: false, code: 'rate_limited' });
  });
});

describe('markFixed and endedAt', () => {
  it('marks once, with who and the note', () => {
    const fixed = markFixed(fault('printer_paper_out'), 'stf-leader', 'paper loaded', NOW);
    expect(fixed).toMatchObject({ ok: true, value: { fixedAt: NOW, fixedBy: 'stf-leader' } });
    if (!fixed.ok) return;
    expect(markFixed(fixed.value, 'stf-admin', 'again', NOW)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it.each([
    [null, null, null],
    [10, null, 10],
    [null, 20, 20],
    [30, 20, 20],
  ])('cleared %s fixed %s → ended %s', (clearedAt, fixedAt, ended) => {
    expect(endedAt(fault('audio', { clearedAt, fixedAt }))).toBe(ended);
  });
});

describe('judgeOpeningCheck', () => {
  it.each([
    ['kiosk', [{ item: 'test_slip', passed: true }], { ok: true, value: { failed: [] } }],
    [
      'kiosk',
      [
        { item: 'test_slip', passed: false },
        { item: 'touch', passed: true },
      ],
      { ok: true, value: { failed: ['test_slip'] } },
    ],
    [
      'kiosk',
      [{ item: 'test_announcement', passed: true }],
      { ok: false, code: 'invalid_payload' },
    ],
    [
      'display',
      [
        { item: 'screen', passed: true },
        { item: 'screen', passed: false },
      ],
      { ok: false, code: 'invalid_payload' },
    ],
    ['integration', [{ item: 'touch', passed: true }], { ok: false, code: 'invalid_payload' }],
  ] as const)('%s %j', (kind, results, expected) => {
    expect(judgeOpeningCheck(kind, results)).toMatchObject(expected);
  });
});

describe('judgeReport', () => {
  const reported = fault('reported', { reportedBy: 'stf-guide', detail: '卡纸' });

  it('opens a fault when none of the kind is open on the device', () => {
    expect(judgeReport({ open: [fault('printer_paper_out')], reportedLastHour: 0 })).toEqual({
      ok: true,
      value: { existing: null },
    });
  });

  it('a second report while one is open adds to it: the open fault, nothing new', () => {
    expect(judgeReport({ open: [reported], reportedLastHour: 0 })).toEqual({
      ok: true,
      value: { existing: reported },
    });
    // Even for a staff member at the bound: nothing is opened, so nothing is refused.
    expect(
      judgeReport({ open: [reported], reportedLastHour: REPORT_RULES.perStaffPerHour }),
    ).toMatchObject({ ok: true, value: { existing: reported } });
  });

  it('a staff member opening more than the bound in an hour is refused', () => {
    expect(
      judgeReport({ open: [], reportedLastHour: REPORT_RULES.perStaffPerHour - 1 }),
    ).toMatchObject({ ok: true });
    expect(judgeReport({ open: [], reportedLastHour: REPORT_RULES.perStaffPerHour })).toMatchObject(
      { ok: false, code: 'rate_limited' },
    );
  });
});
