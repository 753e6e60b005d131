import {
  CHECK_ITEMS,
  type CheckResult,
  type DeviceFault,
  type DeviceFaultKind,
  type DeviceHealth,
  type DeviceKind,
  type HealthChange,
  type DeviceReport,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Device health (issue 19 item 2), pure: what a heartbeat changes, which faults a device's
// health shows, a fault's fix, the opening check-list. The handlers (app/handlers/
// device-handlers.ts) read the store, call these and write what they return.

export const HEARTBEAT_RULES = {
  /** A repeat of the latest report sooner than this is acknowledged and not recorded. */
  repeatAfterMs: 10_000,
  /** Changes recorded per device per minute; more is a broken or hostile device. */
  changesPerMinute: 10,
  /** Sound blocked this long is a fault (a display that cannot announce). */
  audioBlockedAfterMs: 5 * 60_000,
};

/** The faults a device's health finds by itself (printer, sound); `offline` comes from the sweep. */
export const AUTO_FAULTS: readonly DeviceFaultKind[] = [
  'printer_paper_out',
  'printer_cover_open',
  'printer_offline',
  'audio',
];

export function faultsOf(health: DeviceHealth, now: number): DeviceFaultKind[] {
  const found: DeviceFaultKind[] = [];
  switch (health.printer) {
    case 'paper_out':
      found.push('printer_paper_out');
      break;
    case 'cover_open':
      found.push('printer_cover_open');
      break;
    case 'offline':
      found.push('printer_offline');
      break;
    case 'ok':
    case 'paper_low':
    case 'unknown':
    case null:
      break;
  }
  if (
    health.audioBlockedSince !== null &&
    now - health.audioBlockedSince >= HEARTBEAT_RULES.audioBlockedAfterMs
  ) {
    found.push('audio');
  }
  return found;
}

export interface HeartbeatInput {
  deviceId: string;
  kind: DeviceKind;
  report: DeviceReport;
  /** The device's latest health; null before its first heartbeat. */
  latest: DeviceHealth | null;
  /** Its faults open now. */
  open: readonly DeviceFault[];
  /** Health changes recorded for it in the last minute. */
  changesLastMinute: number;
  now: number;
}

export type HeartbeatOutcome =
  | { recorded: false }
  | {
      recorded: true;
      health: DeviceHealth;
      /** What changed, or null when only the time moved on. */
      change: HealthChange | null;
      /** Fault kinds to open, and open faults to clear (healthy again, or back online). */
      openKinds: DeviceFaultKind[];
      clear: DeviceFault[];
    };

const sameScreen = (a: DeviceHealth['screen'], b: DeviceHealth['screen']) =>
  a.width === b.width && a.height === b.height && a.orientation === b.orientation;

/** The health a report makes: a printer only where the kind has one (a kiosk). */
function healthOf(input: HeartbeatInput): DeviceHealth {
  const { report, latest, now } = input;
  const blocked = report.audio === 'blocked';
  return {
    deviceId: input.deviceId,
    version: report.version,
    screen: report.screen,
    audio: report.audio,
    printer: input.kind === 'kiosk' ? (report.printer ?? 'unknown') : null,
    reportedAt: now,
    audioBlockedSince: blocked ? (latest?.audioBlockedSince ?? now) : null,
  };
}

function changeOf(before: DeviceHealth | null, after: DeviceHealth): HealthChange | null {
  const differs = <T>(a: T | undefined, b: T, same = (x: T, y: T) => x === y) =>
    a === undefined || !same(a, b);
  const change: HealthChange = {
    deviceId: after.deviceId,
    at: after.reportedAt,
    version: differs(before?.version, after.version) ? after.version : null,
    screen: differs(before?.screen, after.screen, sameScreen) ? after.screen : null,
    audio: differs(before?.audio, after.audio) ? after.audio : null,
    printer: differs(before?.printer, after.printer) ? after.printer : null,
  };
  const any = change.version ?? change.screen ?? change.audio ?? change.printer;
  return any === null ? null : change;
}

/**
 * What one heartbeat does. A repeat of the latest report within `repeatAfterMs` is not
 * recorded (a device that floods changes nothing); a change beyond `changesPerMinute` is
 * refused. Any heartbeat clears an open `offline` fault: the device is back.
 */
export function judgeHeartbeat(input: HeartbeatInput): Result<HeartbeatOutcome> {
  const health = healthOf(input);
  const change = changeOf(input.latest, health);
  const lastAt = input.latest?.reportedAt ?? -Infinity;
  const openOffline = input.open.some((f) => f.kind === 'offline');
  if (change === null && !openOffline && input.now - lastAt < HEARTBEAT_RULES.repeatAfterMs) {
    return accept({ recorded: false });
  }
  if (change !== null && input.changesLastMinute >= HEARTBEAT_RULES.changesPerMinute) {
    return reject('rate_limited', 'retry after 60 s');
  }
  const found = new Set(faultsOf(health, input.now));
  const openKinds = [...found].filter((k) => !input.open.some((f) => f.kind === k));
  const clear = input.open.filter(
    (f) => f.kind === 'offline' || (AUTO_FAULTS.includes(f.kind) && !found.has(f.kind)),
  );
  return accept({ recorded: true, health, change, openKinds, clear });
}

export const isOpen = (f: DeviceFault) => f.clearedAt === null && f.fixedAt === null;

export function newFault(
  id: string,
  deviceId: string,
  kind: DeviceFaultKind,
  now: number,
  by: { staffId: string; detail: string } | null = null,
): DeviceFault {
  return {
    id,
    deviceId,
    kind,
    openedAt: now,
    reportedBy: by?.staffId ?? null,
    detail: by?.detail ?? null,
    clearedAt: null,
    fixedAt: null,
    fixedBy: null,
    fixNote: null,
  };
}

export const REPORT_RULES = {
  /** Faults one staff member may open by hand in an hour; a repeat of an open one is free. */
  perStaffPerHour: 20,
};

export interface ReportInput {
  /** The device's faults open now. */
  open: readonly DeviceFault[];
  /** Faults the reporting staff member opened by hand in the last hour. */
  reportedLastHour: number;
}

/**
 * A staff member reports a device's failure by hand. While a `reported` fault of the device is
 * open, another report adds to it: the open fault is the answer and nothing new is opened (one
 * alert per failure, however many report it). Otherwise a fault opens, up to
 * `perStaffPerHour` per staff member; more is refused.
 */
export function judgeReport(input: ReportInput): Result<{ existing: DeviceFault | null }> {
  const existing = input.open.find((f) => f.kind === 'reported' && isOpen(f));
  if (existing) return accept({ existing });
  if (input.reportedLastHour >= REPORT_RULES.perStaffPerHour) {
    return reject('rate_limited', 'too many faults reported; retry later');
  }
  return accept({ existing: null });
}

/** A staff member marks a fault fixed; once only. A fault the device cleared may still be. */
export function markFixed(
  fault: DeviceFault,
  staffId: string,
  note: string,
  now: number,
): Result<DeviceFault> {
  if (fault.fixedAt !== null) return reject('invalid_transition', 'already marked fixed');
  return accept({ ...fault, fixedAt: now, fixedBy: staffId, fixNote: note });
}

/** When a fault ended (cleared by the device or fixed by staff), whichever came first. */
export function endedAt(f: DeviceFault): number | null {
  if (f.clearedAt === null) return f.fixedAt;
  if (f.fixedAt === null) return f.clearedAt;
  return Math.min(f.clearedAt, f.fixedAt);
}

/**
 * An opening check's results against its device kind's list: each item of the kind at most
 * once, none of another kind. The failed items, to open as faults.
 */
export function judgeOpeningCheck(
  kind: DeviceKind,
  results: readonly CheckResult[],
): Result<{ failed: CheckResult['item'][] }> {
  const allowed = CHECK_ITEMS[kind];
  if (allowed.length === 0) return reject('invalid_payload', `a ${kind} has no opening check`);
  const seen = new Set<string>();
  for (const r of results) {
    if (!allowed.includes(r.item)) {
      return reject('invalid_payload', `results: ${r.item} is not checked on a ${kind}`);
    }
    if (seen.has(r.item)) return reject('invalid_payload', `results: ${r.item} twice`);
    seen.add(r.item);
  }
  return accept({ failed: results.filter((r) => !r.passed).map((r) => r.item) });
}
