import {
  CheckItem,
  DeviceFaultKind,
  type DeviceCheck,
  type DeviceFault,
  type DeviceKind,
  type HardwareReport,
} from '@onestop/shared';
import { endedAt } from '../domain/device-health';
import type { Db } from '../store/db';
import { createDeviceHealthRepo } from '../store/device-health-repo';
import type { ExportLang } from './readable';
import type { Table } from './tables';

// The monthly hardware report (issue 19 item 2, 硬件故障汇总): faults found in the range by
// kind and per device (the devices that fail most first), the time each took to repair (found
// → cleared by the device or marked fixed, whichever first), and the opening checks' failures.

export interface HardwareFacts {
  /** Faults open at any time in the range. */
  faults: DeviceFault[];
  devices: { id: string; name: string; kind: DeviceKind }[];
  /** Opening checks of the range's business days. */
  checks: DeviceCheck[];
  fromMs: number;
  /** The first instant after the range (or now, if sooner): a fault still open counts to it. */
  toMs: number;
}

/** The range's faults, devices and opening checks (when the tables exist: migration 021). */
export function readHardware(
  db: Db,
  range: { from: string; to: string; fromMs: number; toMs: number },
): HardwareFacts {
  const repo = createDeviceHealthRepo(db);
  const devices = db
    .prepare<[], { id: string; name: string; kind: DeviceKind }>(
      'SELECT id, name, kind FROM devices',
    )
    .all();
  return {
    faults: repo.faultsInRange(range.fromMs, range.toMs),
    devices,
    checks: repo.checksInRange(range.from, range.to),
    fromMs: range.fromMs,
    toMs: range.toMs,
  };
}

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
const mean = (xs: readonly number[]) =>
  xs.length === 0 ? null : minutes(xs.reduce((a, b) => a + b, 0) / xs.length);

export function hardwareReport(facts: HardwareFacts): HardwareReport {
  const inRange = (at: number) => at >= facts.fromMs && at < facts.toMs;
  const opened = facts.faults.filter((f) => inRange(f.openedAt));
  const byKind = Object.fromEntries(DeviceFaultKind.options.map((k) => [k, 0])) as Record<
    DeviceFaultKind,
    number
  >;
  for (const f of opened) byKind[f.kind]++;
  const repairMs = (f: DeviceFault) => {
    const end = endedAt(f);
    return end !== null && inRange(end) ? end - f.openedAt : null;
  };
  const repairs = facts.faults.map(repairMs).filter((ms): ms is number => ms !== null);

  const names = new Map(facts.devices.map((d) => [d.id, d]));
  const perDevice = new Map<string, DeviceFault[]>();
  for (const f of facts.faults)
    perDevice.set(f.deviceId, [...(perDevice.get(f.deviceId) ?? []), f]);
  const byDevice = [...perDevice].map(([deviceId, faults]) => {
    const down = faults.reduce((sum, f) => {
      const start = Math.max(f.openedAt, facts.fromMs);
      const end = Math.min(endedAt(f) ?? facts.toMs, facts.toMs);
      return sum + Math.max(0, end - start);
    }, 0);
    const device = names.get(deviceId);
    return {
      deviceId,
      name: device?.name ?? deviceId,
      kind: device?.kind ?? ('kiosk' as const),
      faults: faults.filter((f) => inRange(f.openedAt)).length,
      meanRepairMin: mean(faults.map(repairMs).filter((ms): ms is number => ms !== null)),
      downMin: Math.round(down / 60_000),
    };
  });
  byDevice.sort(
    (a, b) => b.faults - a.faults || b.downMin - a.downMin || (a.name < b.name ? -1 : 1),
  );

  const checkItemsFailed = Object.fromEntries(CheckItem.options.map((i) => [i, 0])) as Record<
    CheckItem,
    number
  >;
  for (const c of facts.checks)
    for (const r of c.results) if (!r.passed) checkItemsFailed[r.item]++;
  return {
    byKind,
    faults: opened.length,
    repaired: repairs.length,
    meanRepairMin: mean(repairs),
    byDevice,
    checks: facts.checks.length,
    checkItemsFailed,
  };
}

const KIND_NAMES: Record<ExportLang, Record<DeviceFaultKind, string>> = {
  zh: {
    printer_paper_out: '打印机缺纸',
    printer_cover_open: '打印机上盖打开',
    printer_offline: '打印机脱机',
    audio: '声音被阻止',
    offline: '设备离线',
    reported: '人工报告',
  },
  en: {
    printer_paper_out: 'Printer out of paper',
    printer_cover_open: 'Printer cover open',
    printer_offline: 'Printer offline',
    audio: 'Sound blocked',
    offline: 'Device offline',
    reported: 'Reported by staff',
  },
};

const HEADERS: Record<ExportLang, string[]> = {
  zh: ['设备', '故障次数', '平均修复(分钟)', '停用(分钟)'],
  en: ['Device', 'Faults', 'Mean time to repair (min)', 'Down (min)'],
};

/** The export's hardware sheet: per device, the most faults first, then the total and kinds. */
export function hardwareTable(report: HardwareReport, lang: ExportLang): Table {
  const total = lang === 'zh' ? '合计' : 'Total';
  return {
    name: lang === 'zh' ? '硬件故障' : 'Hardware',
    headers: HEADERS[lang],
    kinds: ['text', 'count', 'decimal', 'count'],
    widths: [20, 10, 18, 12],
    rows: [
      ...report.byDevice.map((d) => [d.name, d.faults, d.meanRepairMin, d.downMin]),
      [total, report.faults, report.meanRepairMin, null],
      ...DeviceFaultKind.options
        .filter((k) => report.byKind[k] > 0)
        .map((k) => [KIND_NAMES[lang][k], report.byKind[k], null, null]),
    ],
  };
}
