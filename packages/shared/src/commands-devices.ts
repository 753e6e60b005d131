import { z } from 'zod';
import { Note, Reason, command, def, query } from './command-kit';
import {
  BusinessDay,
  CheckItem,
  CheckResult,
  DeviceCheck,
  DeviceFault,
  DeviceFaultKind,
  DeviceHealth,
  DeviceKind,
  HealthChange,
  DeviceReport,
  Id,
} from './model';

// Device health (issue 19 item 2): every paired device's heartbeat, the console's device panel
// (health, faults, history), faults tracked to a fix, the daily opening check-list. The rules
// are in apps/hall-server/src/domain/device-health.ts; docs/device-health.md tells the hall.

const WATCHERS = ['guide', 'duty_leader', 'admin'] as const;
const STAFF = ['guide', 'clerk', 'backoffice', 'duty_leader', 'admin'] as const;
const FIXERS = ['duty_leader', 'admin'] as const;
const OPENERS = ['guide', 'duty_leader'] as const;

export const deviceCommands = {
  'device:heartbeat': def({
    kind: 'command',
    input: command({ report: DeviceReport }),
    output: z.object({
      /** False when it repeated the latest report too soon and was not recorded. */
      recorded: z.boolean(),
    }),
    roles: 'paired',
    summary:
      'A paired device tells the hall its version, screen, audio and (kiosk) printer state: on connect, every 30 s and when something changes. A fault it shows opens a device fault and a `device_fault` alert; healthy again clears them. About itself only; a repeat within 10 s is not recorded, more than 10 changes a minute are refused.',
  }),

  'device:health': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      health: z.array(DeviceHealth),
      /** Faults open now (neither cleared nor fixed), oldest first. */
      openFaults: z.array(DeviceFault),
    }),
    roles: WATCHERS,
    summary: "Every device's latest health and the faults open now (the console's device panel).",
  }),

  'device:history': def({
    kind: 'query',
    input: query({ deviceId: Id }),
    output: z.object({
      health: DeviceHealth.nullable(),
      /** Its latest 50 faults, newest first. */
      faults: z.array(DeviceFault),
      /** Its latest 50 health changes, newest first. */
      changes: z.array(HealthChange),
      checks: z.array(DeviceCheck),
    }),
    roles: WATCHERS,
    summary: "One device's health, faults, health changes and opening checks (newest first).",
  }),

  'device:report-fault': def({
    kind: 'command',
    input: command({ deviceId: Id, detail: Reason }),
    output: z.object({ fault: DeviceFault }),
    roles: STAFF,
    summary:
      'A staff member reports a failure of a device by hand (a jammed printer, a dead touch screen); it is tracked like any fault.',
  }),

  'device:mark-fixed': def({
    kind: 'command',
    input: command({ faultId: Id, note: Note.refine((n) => n.trim().length >= 2, 'a note') }),
    output: z.object({ fault: DeviceFault }),
    roles: FIXERS,
    summary:
      'The duty leader (or admin) marks a fault fixed with what was done; its alert is closed. A fault already fixed is refused.',
  }),

  'device:opening-check': def({
    kind: 'command',
    input: command({
      deviceId: Id,
      results: z.array(CheckResult).min(1).max(10),
      note: Note.optional(),
    }),
    output: z.object({ check: DeviceCheck, faults: z.array(DeviceFault) }),
    roles: OPENERS,
    summary:
      "Whoever opens the hall (duty leader or guide) records a device's opening check: each item of its kind passed or not; a failed item opens a fault. A second check the same day replaces the first.",
  }),

  'device:opening-checks': def({
    kind: 'query',
    input: query({ businessDay: BusinessDay.optional() }),
    output: z.object({ businessDay: BusinessDay, checks: z.array(DeviceCheck) }),
    roles: WATCHERS,
    summary: 'The opening checks of a business day (default: today), one per device checked.',
  }),
} as const;

// The monthly hardware report (commands-reports.ts holds it in HallReport).

const Count = z.number().int().nonnegative();

export const HardwareReport = z.object({
  /** Faults opened in the range, by kind. */
  byKind: z.record(DeviceFaultKind, Count),
  faults: Count,
  /** Faults ended (cleared or fixed) in the range, and their mean time to repair. */
  repaired: Count,
  meanRepairMin: z.number().nonnegative().nullable(),
  /** Per device with a fault in the range, the most faults first. */
  byDevice: z.array(
    z.object({
      deviceId: Id,
      name: z.string(),
      kind: DeviceKind,
      faults: Count,
      meanRepairMin: z.number().nonnegative().nullable(),
      /** Minutes open in the range, fixed or not (a fault still open counts to the range's end). */
      downMin: Count,
    }),
  ),
  /** Opening checks recorded in the range, and the items that failed. */
  checks: Count,
  checkItemsFailed: z.record(CheckItem, Count),
});
export type HardwareReport = z.infer<typeof HardwareReport>;
