import type {
  CaseType,
  Counter,
  CustomerRecord,
  Device,
  HallConfig,
  RemedyKind,
  Service,
  Staff,
  StaffRole,
} from '@onestop/shared';
import { DEFAULT_ANNOUNCE_EN, DEFAULT_ANNOUNCE_ZH, DEFAULT_CALL_WEIGHTS } from '@onestop/shared';
import { businessDayOf } from '../domain/business-day';
import type { Store } from '../store/store';
import {
  counterDevices,
  demoCaseTypes,
  demoCounters,
  demoCustomers,
  demoDevices,
  demoServices,
  demoStaff,
} from './demo-hall';
import { demoRemedyKinds } from './demo-remedies';
import { hashPin, tokenHash } from './secrets';

// Setting up a hall's first records: the demo hall that `npm start` embeds (its records in
// demo-hall.ts), a large hall for load tests, and the bare minimum (config and one admin) for
// a real hall.

export const defaultConfig = (over: Partial<HallConfig> = {}): HallConfig => ({
  hallId: 'hall-demo',
  nameZh: '示范供电营业厅',
  nameEn: 'Demo Power Supply Service Hall',
  timeZone: 'Asia/Shanghai',
  recallsBeforeNoShow: 2,
  noShowAfterSec: 180,
  evaluationTimeoutSec: 30,
  callWeights: DEFAULT_CALL_WEIGHTS,
  ticketFooterZh: '请留意叫号屏与语音提示,过号请到引导台。',
  ticketFooterEn: 'Please watch the display; if you miss your call, ask at the guide desk.',
  counterDropGraceSec: 60,
  businessHours: null,
  announceZh: DEFAULT_ANNOUNCE_ZH,
  announceEn: DEFAULT_ANNOUNCE_EN,
  notice: null,
  ...over,
});

export type ServiceSeed = Omit<Service, 'changeSeq' | 'active' | 'dailyCap'> & {
  dailyCap?: number;
};
export type CounterSeed = Pick<Counter, 'id' | 'number' | 'name' | 'serviceIds'>;

export interface StaffSeed {
  id: string;
  staffNo: string;
  name: string;
  roles: StaffRole[];
  pin: string;
}

export interface DeviceSeed {
  id: string;
  name: string;
  kind: Device['kind'];
  counterId: string | null;
  token: string;
}

export interface SeedOptions {
  config: HallConfig;
  services: ServiceSeed[];
  counters: CounterSeed[];
  staff: StaffSeed[];
  devices: DeviceSeed[];
  customers?: (Omit<CustomerRecord, 'changeSeq' | 'accountManagerStaffId'> &
    Partial<Pick<CustomerRecord, 'accountManagerStaffId'>>)[];
  caseTypes?: Omit<CaseType, 'changeSeq'>[];
  /** The remedy catalogue (a real hall starts with none). */
  remedyKinds?: Omit<RemedyKind, 'changeSeq'>[];
  now: number;
}

/** Writes a hall's first records, once; a hall that has state already is left untouched. */
export async function seedHall(store: Store, seed: SeedOptions): Promise<boolean> {
  if (store.hall.isInitialised()) return false;
  const pinHashes = await Promise.all(seed.staff.map((s) => hashPin(s.pin)));
  store.db.transaction(() => {
    if (store.hall.isInitialised()) return;
    store.hall.init(seed.config, businessDayOf(seed.now, seed.config.timeZone));
    for (const s of seed.services)
      store.services.save({ dailyCap: null, ...s, active: true, changeSeq: 0 }, 0);
    seed.staff.forEach((s, i) => {
      const staff: Staff = {
        id: s.id,
        staffNo: s.staffNo,
        name: s.name,
        roles: s.roles,
        photoUrl: null,
        active: true,
        changeSeq: 0,
      };
      store.staff.insert(staff, pinHashes[i]!, 0);
    });
    for (const c of seed.counters) {
      store.counters.save(
        {
          ...c,
          state: 'closed',
          pauseReason: null,
          staffId: null,
          updatedAt: seed.now,
          changeSeq: 0,
        },
        0,
      );
    }
    for (const c of seed.customers ?? []) {
      store.customers.save({ accountManagerStaffId: null, ...c, changeSeq: 0 }, 0);
    }
    for (const t of seed.caseTypes ?? []) store.caseTypes.save({ ...t, changeSeq: 0 }, 0);
    for (const k of seed.remedyKinds ?? []) store.remedies.saveKind({ ...k, changeSeq: 0 }, 0);
    for (const d of seed.devices) {
      store.devices.insert(
        {
          id: d.id,
          name: d.name,
          kind: d.kind,
          counterId: d.counterId,
          pairedAt: seed.now,
          revokedAt: null,
          lastSeenAt: null,
          changeSeq: 0,
        },
        tokenHash(d.token),
      );
    }
  })();
  return true;
}

export const demoSeed = (now: number, config: Partial<HallConfig> = {}): SeedOptions => ({
  config: defaultConfig(config),
  services: demoServices,
  counters: demoCounters,
  staff: demoStaff,
  devices: demoDevices,
  customers: demoCustomers,
  caseTypes: demoCaseTypes,
  remedyKinds: demoRemedyKinds,
  now,
});

/** `count` devices of one kind not at a counter: `dev-load-<kind>-N`, token `load-<kind>-N`. */
function loadDevices(kind: 'kiosk' | 'display', name: string, count: number): DeviceSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `dev-load-${kind}-${i + 1}`,
    name: `${name} ${i + 1}`,
    kind,
    counterId: null,
    token: `load-${kind}-${i + 1}`,
  }));
}

/**
 * A large hall for load tests and benchmarks: the demo services, `counters` counters serving
 * all of them, a clerk (staff no. 2000 + i, PIN the same), a desk (`load-desk-N`) and a pad
 * (`load-pad-N`) per counter, plus kiosks `load-kiosk-1..6` and displays `load-display-1..10`.
 */
export function loadTestSeed(now: number, options: { counters: number }): SeedOptions {
  const base = demoSeed(now);
  const serviceIds = base.services.map((s) => s.id);
  const counters = Array.from({ length: options.counters }, (_, i) => ({
    id: `ctr-${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    serviceIds,
  }));
  const staff: StaffSeed[] = counters.map((_, i) => ({
    id: `stf-load-${i + 1}`,
    staffNo: String(2000 + i),
    name: `柜员${i + 1}`,
    roles: ['clerk'],
    pin: String(2000 + i),
  }));
  const devices: DeviceSeed[] = [
    ...loadDevices('kiosk', '取号机', 6),
    ...loadDevices('display', '叫号屏', 10),
    ...counterDevices(counters, { ids: 'dev-load', tokens: 'load' }),
  ];
  return { ...base, counters, staff: [...base.staff, ...staff], devices };
}

/**
 * A real hall's first records (`npm run setup`): its config and one admin, nothing else. No
 * device is paired (the console is paired with a one-time code), no service or counter (the
 * admin configures them in the console), no customer.
 */
export function realHallSeed(
  now: number,
  config: Pick<HallConfig, 'hallId' | 'nameZh' | 'nameEn' | 'timeZone'>,
  admin: Omit<StaffSeed, 'roles'>,
): SeedOptions {
  return {
    config: defaultConfig(config),
    services: [],
    counters: [],
    staff: [{ ...admin, roles: ['admin'] }],
    devices: [],
    now,
  };
}
