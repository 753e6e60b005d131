import { z } from 'zod';
import { DeviceKind, EpochMs, Id, StaffRole } from './common';

// The hall's set-up and who works in it: services, counters, staff, devices, staff sessions.

export const PauseReason = z.enum(['break', 'meeting', 'system', 'other']);
export type PauseReason = z.infer<typeof PauseReason>;

export const CounterState = z.enum(['open', 'paused', 'closed']);
export type CounterState = z.infer<typeof CounterState>;

export const Service = z.object({
  id: Id,
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  category: z.string().min(1).max(40),
  descriptionZh: z.string().max(200),
  descriptionEn: z.string().max(300),
  targetWaitSec: z.number().int().positive(),
  targetHandleSec: z.number().int().positive(),
  dailyCap: z.number().int().positive().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  changeSeq: z.number().int().nonnegative(),
});
export type Service = z.infer<typeof Service>;

export const Counter = z.object({
  id: Id,
  number: z.number().int().positive(),
  name: z.string(),
  serviceIds: z.array(Id),
  state: CounterState,
  pauseReason: PauseReason.nullable(),
  staffId: Id.nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Counter = z.infer<typeof Counter>;

export const Staff = z.object({
  id: Id,
  staffNo: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  photoUrl: z.string().nullable(),
  active: z.boolean(),
  changeSeq: z.number().int().nonnegative(),
});
export type Staff = z.infer<typeof Staff>;

export const Device = z.object({
  id: Id,
  name: z.string(),
  kind: DeviceKind,
  counterId: Id.nullable(),
  pairedAt: EpochMs,
  revokedAt: EpochMs.nullable(),
  lastSeenAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Device = z.infer<typeof Device>;

export const StaffSession = z.object({
  id: Id,
  staffId: Id,
  deviceId: Id,
  counterId: Id.nullable(),
  startedAt: EpochMs,
  endedAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type StaffSession = z.infer<typeof StaffSession>;
