import { z } from 'zod';
import type { DeviceKind } from './common';
import { printerStates } from '../contract/bridge';
import { BusinessDay, EpochMs, Id } from './common';

// Device health (issue 19 item 2): what each paired device reports of itself (its heartbeat),
// the faults found in it or reported by staff, tracked to a fix, and the daily opening
// check-list. The rules are in apps/hall-server/src/domain/device-health.ts; docs/device-health.md
// tells the hall how they work.

/** The kiosk shell's ticket printer, as the OS queue tells it (`unknown`: no shell or no word). */
export const PrinterState = z.enum(printerStates);
export type PrinterState = z.infer<typeof PrinterState>;

/** `blocked`: the browser will not play sound until someone touches the screen. */
export const AudioState = z.enum(['ok', 'blocked', 'none']);
export type AudioState = z.infer<typeof AudioState>;

export const ScreenOrientation = z.enum(['landscape', 'portrait']);
export type ScreenOrientation = z.infer<typeof ScreenOrientation>;

export const ScreenInfo = z.strictObject({
  width: z.number().int().min(1).max(16_384),
  height: z.number().int().min(1).max(16_384),
  orientation: ScreenOrientation,
});
export type ScreenInfo = z.infer<typeof ScreenInfo>;

/** The app's version as built (e.g. `0.19.0` or `0.19.0+abc123`). */
export const AppVersion = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z.+_-]+$/, 'letters, digits and . + _ - only');

/** What a device says of itself in a heartbeat. */
export const DeviceReport = z.strictObject({
  version: AppVersion,
  screen: ScreenInfo,
  audio: AudioState,
  /** Only a kiosk's counts; other kinds send `unknown` or leave it out. */
  printer: PrinterState.optional(),
});
export type DeviceReport = z.infer<typeof DeviceReport>;

/** A device's latest health as the hall keeps it. */
export const DeviceHealth = z.object({
  deviceId: Id,
  version: z.string(),
  screen: ScreenInfo,
  audio: AudioState,
  /** Null for kinds without a printer. */
  printer: PrinterState.nullable(),
  /** Its latest heartbeat. */
  reportedAt: EpochMs,
  /** Since when the audio has been blocked, while it is. */
  audioBlockedSince: EpochMs.nullable(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/** One change of a device's health (the history the device panel shows). */
export const HealthChange = z.object({
  deviceId: Id,
  at: EpochMs,
  /** What changed: the new values of the fields that changed. */
  version: z.string().nullable(),
  screen: ScreenInfo.nullable(),
  audio: AudioState.nullable(),
  printer: PrinterState.nullable(),
});
export type HealthChange = z.infer<typeof HealthChange>;

export const DeviceFaultKind = z.enum([
  'printer_paper_out',
  'printer_cover_open',
  'printer_offline',
  /** Sound blocked for longer than the hall allows (a display that cannot announce). */
  'audio',
  /** Off the network (the hall's `device_offline` alert). */
  'offline',
  /** Reported by a staff member, by hand or as a failed opening check. */
  'reported',
]);
export type DeviceFaultKind = z.infer<typeof DeviceFaultKind>;

/**
 * A fault of one device, from when it was found to when it was fixed. `clearedAt`: the device
 * reported healthy again (or came back); `fixedAt`: a staff member marked it fixed, with a note.
 * It is open while neither is set.
 */
export const DeviceFault = z.object({
  id: Id,
  deviceId: Id,
  kind: DeviceFaultKind,
  openedAt: EpochMs,
  /** The staff member who reported it; null when the device or the hall found it. */
  reportedBy: Id.nullable(),
  /** What the reporter wrote, or the opening check's item that failed. */
  detail: z.string().nullable(),
  clearedAt: EpochMs.nullable(),
  fixedAt: EpochMs.nullable(),
  fixedBy: Id.nullable(),
  fixNote: z.string().nullable(),
});
export type DeviceFault = z.infer<typeof DeviceFault>;

// ---- The daily opening check-list (开门检查)

export const CheckItem = z.enum([
  'test_slip',
  'touch',
  'test_announcement',
  'screen',
  'sign_in',
  'pad_rating',
]);
export type CheckItem = z.infer<typeof CheckItem>;

/** What each kind of device is checked for when the hall opens. */
export const CHECK_ITEMS: Readonly<Record<DeviceKind, readonly CheckItem[]>> = {
  kiosk: ['test_slip', 'touch'],
  display: ['test_announcement', 'screen'],
  desk: ['sign_in'],
  pad: ['pad_rating', 'touch'],
  integration: [],
};

export const CheckResult = z.object({ item: CheckItem, passed: z.boolean() });
export type CheckResult = z.infer<typeof CheckResult>;

/** One device's opening check on a business day (a later one the same day replaces it). */
export const DeviceCheck = z.object({
  id: Id,
  deviceId: Id,
  businessDay: BusinessDay,
  checkedAt: EpochMs,
  checkedBy: Id,
  results: z.array(CheckResult),
  note: z.string().nullable(),
});
export type DeviceCheck = z.infer<typeof DeviceCheck>;
