import type { DeviceFault } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { newFault } from '../domain/device-health';
import { hardwareReport, hardwareTable, type HardwareFacts } from './hardware';

const MIN = 60_000;
const FROM = 1_800_000_000_000;
const TO = FROM + 30 * 24 * 60 * MIN;

const fault = (
  id: string,
  deviceId: string,
  kind: DeviceFault['kind'],
  openedAt: number,
  end: { clearedAt?: number; fixedAt?: number } = {},
): DeviceFault => ({ ...newFault(id, deviceId, kind, openedAt), ...end });

const facts = (faults: DeviceFault[], over: Partial<HardwareFacts> = {}): HardwareFacts => ({
  faults,
  devices: [
    { id: 'k1', name: '取号机 1', kind: 'kiosk' },
    { id: 'd1', name: '叫号屏 1', kind: 'display' },
  ],
  checks: [],
  fromMs: FROM,
  toMs: TO,
  ...over,
});

describe('hardwareReport', () => {
  it('is empty for a month without faults', () => {
    expect(hardwareReport(facts([]))).toMatchObject({
      faults: 0,
      repaired: 0,
      meanRepairMin: null,
      byDevice: [],
      checks: 0,
    });
  });

  it('counts faults by kind and device, the device that fails most first, with time to repair', () => {
    const r = hardwareReport(
      facts([
        fault('a', 'k1', 'printer_paper_out', FROM + MIN, { clearedAt: FROM + 11 * MIN }),
        fault('b', 'k1', 'printer_cover_open', FROM + 100 * MIN, { fixedAt: FROM + 130 * MIN }),
        // Cleared by the device before it was marked fixed: repaired when cleared.
        fault('c', 'd1', 'audio', FROM + 200 * MIN, {
          clearedAt: FROM + 205 * MIN,
          fixedAt: FROM + 300 * MIN,
        }),
      ]),
    );
    expect(r.faults).toBe(3);
    expect(r.byKind).toMatchObject({ printer_paper_out: 1, printer_cover_open: 1, audio: 1 });
    expect(r.repaired).toBe(3);
    expect(r.meanRepairMin).toBe(15); // (10 + 30 + 5) / 3
    expect(r.byDevice).toEqual([
      {
        deviceId: 'k1',
        name: '取号机 1',
        kind: 'kiosk',
        faults: 2,
        meanRepairMin: 20,
        downMin: 40,
      },
      {
        deviceId: 'd1',
        name: '叫号屏 1',
        kind: 'display',
        faults: 1,
        meanRepairMin: 5,
        downMin: 5,
      },
    ]);
  });

  it('counts a fault still open as down to the range’s end, unrepaired', () => {
    const r = hardwareReport(facts([fault('a', 'k1', 'printer_offline', TO - 60 * MIN)]));
    expect(r).toMatchObject({ faults: 1, repaired: 0, meanRepairMin: null });
    expect(r.byDevice[0]).toMatchObject({ downMin: 60, meanRepairMin: null });
  });

  it('counts a fault from before the range only for its repair and down time in the range', () => {
    const r = hardwareReport(
      facts([fault('a', 'k1', 'offline', FROM - 30 * MIN, { clearedAt: FROM + 30 * MIN })]),
    );
    expect(r).toMatchObject({ faults: 0, repaired: 1, meanRepairMin: 60 });
    expect(r.byDevice[0]).toMatchObject({ faults: 0, downMin: 30 });
  });

  it('counts the opening checks and their failed items', () => {
    const check = (results: { item: 'test_slip' | 'touch'; passed: boolean }[]) => ({
      id: 'x',
      deviceId: 'k1',
      businessDay: '2027-01-05',
      checkedAt: FROM,
      checkedBy: 'stf-guide',
      results,
      note: null,
    });
    const r = hardwareReport(
      facts([], {
        checks: [
          check([
            { item: 'test_slip', passed: false },
            { item: 'touch', passed: true },
          ]),
          check([{ item: 'test_slip', passed: false }]),
        ],
      }),
    );
    expect(r.checks).toBe(2);
    expect(r.checkItemsFailed).toMatchObject({ test_slip: 2, touch: 0 });
  });

  it('exports one row per device, the total, then the kinds found', () => {
    const r = hardwareReport(
      facts([fault('a', 'k1', 'printer_paper_out', FROM + MIN, { clearedAt: FROM + 11 * MIN })]),
    );
    expect(hardwareTable(r, 'zh').rows).toEqual([
      ['取号机 1', 1, 10, 10],
      ['合计', 1, 10, null],
      ['打印机缺纸', 1, null, null],
    ]);
  });
});
