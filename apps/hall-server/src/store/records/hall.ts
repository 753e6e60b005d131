import {
  Counter,
  CounterState,
  DeviceKind,
  PauseReason,
  Staff,
  SyncStatus,
  type Device,
  type Service,
  type StaffSession,
} from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';

// The hall's set-up and who works in it: services, counters, staff, devices and the staff
// sessions opened on them; and the sync's status record.

export const services = versioned<Service>({
  table: 'services',
  key: 'id',
  fields: {
    id: field.text('id'),
    prefix: field.text('prefix'),
    nameZh: field.text('name_zh'),
    nameEn: field.text('name_en'),
    category: field.text('category'),
    descriptionZh: field.text('description_zh'),
    descriptionEn: field.text('description_en'),
    targetWaitSec: field.int('target_wait_sec'),
    targetHandleSec: field.int('target_handle_sec'),
    dailyCap: field.intOrNull('daily_cap'),
    active: field.bool('active'),
    sortOrder: field.int('sort_order'),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'services', to: 'public' },
});

export const counters = versioned<Counter>({
  table: 'counters',
  key: 'id',
  fields: {
    id: field.text('id'),
    number: field.int('number'),
    name: field.text('name'),
    serviceIds: field.json('service_ids', Counter.shape.serviceIds),
    state: field.enum('state', CounterState),
    pauseReason: field.enumOrNull('pause_reason', PauseReason),
    staffId: field.textOrNull('staff_id'),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'counters', to: 'public' },
});

/** The PIN's hash, and the sign-in lock of before migration 011 (no longer used). */
type StaffSecrets = 'pin_hash' | 'failed_sign_ins' | 'locked_until';

export const staff = versioned<Staff, StaffSecrets>({
  table: 'staff',
  key: 'id',
  fields: {
    id: field.text('id'),
    staffNo: field.text('staff_no'),
    name: field.text('name'),
    roles: field.json('roles', Staff.shape.roles),
    photoUrl: field.textOrNull('photo_url'),
    active: field.bool('active'),
    changeSeq: field.int('change_seq'),
  },
  local: ['pin_hash', 'failed_sign_ins', 'locked_until'],
  sync: 'hall-local',
  shown: { as: 'staff', to: 'public' },
});

export const devices = versioned<Device, 'token_hash'>({
  table: 'devices',
  key: 'id',
  fields: {
    id: field.text('id'),
    name: field.text('name'),
    kind: field.enum('kind', DeviceKind).writtenOnce(),
    counterId: field.textOrNull('counter_id'),
    pairedAt: field.int('paired_at').writtenOnce(),
    revokedAt: field.intOrNull('revoked_at'),
    lastSeenAt: field.intOrNull('last_seen_at'),
    changeSeq: field.int('change_seq'),
  },
  local: ['token_hash'],
  sync: 'hall-local',
  shown: { as: 'devices', to: 'staff' },
});

export const staffSessions = versioned<StaffSession, 'token_hash' | 'last_active_at'>({
  table: 'staff_sessions',
  key: 'id',
  fields: {
    id: field.text('id'),
    staffId: field.text('staff_id').writtenOnce(),
    deviceId: field.text('device_id').writtenOnce(),
    counterId: field.textOrNull('counter_id'),
    startedAt: field.int('started_at').writtenOnce(),
    endedAt: field.intOrNull('ended_at'),
    changeSeq: field.int('change_seq'),
  },
  // last_active_at: the idle limit's clock, touched apart from the record (no change_seq).
  local: ['token_hash', 'last_active_at'],
  sync: { day: { kind: 'time', column: 'started_at' }, omit: ['token_hash'] },
  shown: { as: 'sessions', to: 'staff' },
});

/** The console's view of the sync and backups: one record, its whole self as JSON in `data`. */
export interface StoredSyncStatus {
  id: string;
  data: Partial<SyncStatus>;
  changeSeq: number;
}

export const syncStatus = versioned<StoredSyncStatus>({
  table: 'sync_status',
  key: 'id',
  fields: {
    id: field.text('id'),
    data: field.json('data', SyncStatus.partial()),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'syncStatus', to: 'staff' },
});
