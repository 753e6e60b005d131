import {
  AudioState,
  CheckResult,
  DeviceFaultKind,
  PrinterState,
  ScreenInfo,
  ScreenOrientation,
  type DeviceCheck,
  type DeviceFault,
  type DeviceHealth,
  type HealthChange,
} from '@onestop/shared';
import { z } from 'zod';
import type { Db } from './db';
import { field, type SqlRow } from './fields';

// Device health (migration 021): each device's latest heartbeat, the changes of its health,
// its faults and its opening checks. Hall-local tables, not record kinds: the console asks for
// them (device:health, device:history); what it must hear at once travels as alerts.

const health = field.object<DeviceHealth>({
  deviceId: field.text('device_id'),
  version: field.text('version'),
  screen: field.object({
    width: field.int('screen_width'),
    height: field.int('screen_height'),
    orientation: field.enum('orientation', ScreenOrientation),
  }),
  audio: field.enum('audio', AudioState),
  printer: field.enumOrNull('printer', PrinterState),
  reportedAt: field.int('reported_at'),
  audioBlockedSince: field.intOrNull('audio_blocked_since'),
});

const change = field.object<HealthChange>({
  deviceId: field.text('device_id'),
  at: field.int('at'),
  version: field.textOrNull('version'),
  screen: field.json('screen', ScreenInfo.nullable()),
  audio: field.enumOrNull('audio', AudioState),
  printer: field.enumOrNull('printer', PrinterState),
});

const fault = field.object<DeviceFault>({
  id: field.text('id'),
  deviceId: field.text('device_id'),
  kind: field.enum('kind', DeviceFaultKind),
  openedAt: field.int('opened_at'),
  reportedBy: field.textOrNull('reported_by'),
  detail: field.textOrNull('detail'),
  clearedAt: field.intOrNull('cleared_at'),
  fixedAt: field.intOrNull('fixed_at'),
  fixedBy: field.textOrNull('fixed_by'),
  fixNote: field.textOrNull('fix_note'),
});

const check = field.object<DeviceCheck>({
  id: field.text('id'),
  deviceId: field.text('device_id'),
  businessDay: field.text('business_day'),
  checkedAt: field.int('checked_at'),
  checkedBy: field.text('checked_by'),
  results: field.json('results', z.array(CheckResult)),
  note: field.textOrNull('note'),
});

function params<T>(codec: { write(value: T, into: Record<string, unknown>): void }, value: T) {
  const into: Record<string, unknown> = {};
  codec.write(value, into);
  return into;
}

const OPEN = 'cleared_at IS NULL AND fixed_at IS NULL';

export function createDeviceHealthRepo(db: Db) {
  const healthOf = db.prepare<[string], SqlRow>('SELECT * FROM device_health WHERE device_id = ?');
  const allHealth = db.prepare<[], SqlRow>('SELECT * FROM device_health ORDER BY device_id');
  const putHealth = db.prepare(
    `INSERT INTO device_health (device_id, version, screen_width, screen_height, orientation,
       audio, printer, reported_at, audio_blocked_since)
     VALUES (@device_id, @version, @screen_width, @screen_height, @orientation, @audio, @printer,
       @reported_at, @audio_blocked_since)
     ON CONFLICT (device_id) DO UPDATE SET version = excluded.version,
       screen_width = excluded.screen_width, screen_height = excluded.screen_height,
       orientation = excluded.orientation, audio = excluded.audio, printer = excluded.printer,
       reported_at = excluded.reported_at, audio_blocked_since = excluded.audio_blocked_since`,
  );
  const addChange = db.prepare(
    `INSERT INTO device_health_changes (device_id, at, version, screen, audio, printer)
     VALUES (@device_id, @at, @version, @screen, @audio, @printer)`,
  );
  const changesSince = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM device_health_changes WHERE device_id = ? AND at > ?',
  );
  const latestChanges = db.prepare<[string, number], SqlRow>(
    'SELECT * FROM device_health_changes WHERE device_id = ? ORDER BY at DESC, id DESC LIMIT ?',
  );
  const faultById = db.prepare<[string], SqlRow>('SELECT * FROM device_faults WHERE id = ?');
  const openFaultsOf = db.prepare<[string], SqlRow>(
    `SELECT * FROM device_faults WHERE device_id = ? AND ${OPEN} ORDER BY opened_at`,
  );
  const allOpenFaults = db.prepare<[], SqlRow>(
    `SELECT * FROM device_faults WHERE ${OPEN} ORDER BY opened_at, id`,
  );
  const reportedSince = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM device_faults WHERE reported_by = ? AND opened_at > ?',
  );
  const faultsOfDevice = db.prepare<[string, number], SqlRow>(
    'SELECT * FROM device_faults WHERE device_id = ? ORDER BY opened_at DESC, id DESC LIMIT ?',
  );
  // Faults that were open at some time within [from, to): opened before its end, not ended before its start.
  const faultsInRange = db.prepare<[number, number], SqlRow>(
    `SELECT * FROM device_faults WHERE opened_at < ? AND (${OPEN}
       OR MIN(COALESCE(cleared_at, fixed_at), COALESCE(fixed_at, cleared_at)) >= ?)
     ORDER BY opened_at, id`,
  );
  const putFault = db.prepare(
    `INSERT INTO device_faults (id, device_id, kind, opened_at, reported_by, detail, cleared_at,
       fixed_at, fixed_by, fix_note, alert_id)
     VALUES (@id, @device_id, @kind, @opened_at, @reported_by, @detail, @cleared_at, @fixed_at,
       @fixed_by, @fix_note, @alert_id)
     ON CONFLICT (id) DO UPDATE SET cleared_at = excluded.cleared_at,
       fixed_at = excluded.fixed_at, fixed_by = excluded.fixed_by, fix_note = excluded.fix_note,
       alert_id = COALESCE(excluded.alert_id, device_faults.alert_id)`,
  );
  const alertOf = db.prepare<[string], { alert_id: string | null }>(
    'SELECT alert_id FROM device_faults WHERE id = ?',
  );
  const putCheck = db.prepare(
    `INSERT INTO device_checks (id, device_id, business_day, checked_at, checked_by, results, note)
     VALUES (@id, @device_id, @business_day, @checked_at, @checked_by, @results, @note)
     ON CONFLICT (device_id, business_day) DO UPDATE SET id = excluded.id,
       checked_at = excluded.checked_at, checked_by = excluded.checked_by,
       results = excluded.results, note = excluded.note`,
  );
  const checksOfDay = db.prepare<[string], SqlRow>(
    'SELECT * FROM device_checks WHERE business_day = ? ORDER BY checked_at',
  );
  const checksInRange = db.prepare<[string, string], SqlRow>(
    'SELECT * FROM device_checks WHERE business_day >= ? AND business_day <= ?',
  );
  const checksOfDevice = db.prepare<[string, number], SqlRow>(
    'SELECT * FROM device_checks WHERE device_id = ? ORDER BY business_day DESC LIMIT ?',
  );

  return {
    health(deviceId: string): DeviceHealth | null {
      const r = healthOf.get(deviceId);
      return r ? health.read(r) : null;
    },
    allHealth: (): DeviceHealth[] => allHealth.all().map((r) => health.read(r)),
    saveHealth(value: DeviceHealth): void {
      putHealth.run(params(health, value));
    },
    addChange(value: HealthChange): void {
      addChange.run(params(change, value));
    },
    changesSince: (deviceId: string, since: number): number =>
      changesSince.get(deviceId, since)?.n ?? 0,
    latestChanges: (deviceId: string, limit: number): HealthChange[] =>
      latestChanges.all(deviceId, limit).map((r) => change.read(r)),

    faultById(id: string): DeviceFault | null {
      const r = faultById.get(id);
      return r ? fault.read(r) : null;
    },
    openFaults: (deviceId: string): DeviceFault[] =>
      openFaultsOf.all(deviceId).map((r) => fault.read(r)),
    allOpenFaults: (): DeviceFault[] => allOpenFaults.all().map((r) => fault.read(r)),
    /** Faults a staff member opened (by hand or by an opening check) since a time. */
    reportedSince: (staffId: string, since: number): number =>
      reportedSince.get(staffId, since)?.n ?? 0,
    faultsOfDevice: (deviceId: string, limit: number): DeviceFault[] =>
      faultsOfDevice.all(deviceId, limit).map((r) => fault.read(r)),
    /** Faults open at any time in [from, to): opened before `to`, not ended before `from`. */
    faultsInRange(from: number, to: number): DeviceFault[] {
      return faultsInRange.all(to, from).map((r) => fault.read(r));
    },
    /** A new fault or its end; `alertId`: the alert told for it (kept once set). */
    saveFault(value: DeviceFault, alertId: string | null = null): void {
      putFault.run({ ...params(fault, value), alert_id: alertId });
    },
    alertOfFault: (faultId: string): string | null => alertOf.get(faultId)?.alert_id ?? null,

    saveCheck(value: DeviceCheck): void {
      putCheck.run(params(check, value));
    },
    checksOfDay: (day: string): DeviceCheck[] => checksOfDay.all(day).map((r) => check.read(r)),
    checksInRange: (from: string, to: string): DeviceCheck[] =>
      checksInRange.all(from, to).map((r) => check.read(r)),
    checksOfDevice: (deviceId: string, limit: number): DeviceCheck[] =>
      checksOfDevice.all(deviceId, limit).map((r) => check.read(r)),
  };
}
export type DeviceHealthRepo = ReturnType<typeof createDeviceHealthRepo>;
