import type {
  CaseType,
  Counter,
  CustomerRecord,
  Device,
  HallConfig,
  Service,
  Staff,
  StaffRole,
} from '@onestop/shared';
import { DEFAULT_ANNOUNCE_EN, DEFAULT_ANNOUNCE_ZH } from '@onestop/shared';
import { businessDayOf } from '../domain/business-day';
import type { Store } from '../store/store';
import { hashPin, tokenHash } from './secrets';

// Setting up a hall's first records: the demo hall that `npm start` embeds, and the bare
// minimum (config and one admin) for a real hall.

export const defaultConfig = (over: Partial<HallConfig> = {}): HallConfig => ({
  hallId: 'hall-demo',
  nameZh: '示范供电营业厅',
  nameEn: 'Demo Power Supply Service Hall',
  timeZone: 'Asia/Shanghai',
  recallsBeforeNoShow: 2,
  noShowAfterSec: 180,
  evaluationTimeoutSec: 30,
  callWeights: {
    returning: 1000,
    appointment: 800,
    priority: 600,
    vip: 400,
    normal: 0,
    perMinutePastTarget: 1,
    // Chosen with `npm run bench:policy -- --grid` (docs/benchmarks.md): a ticket that just
    // missed its target may be passed over for up to 1.5 target waits by tickets still within.
    passOverTargets: 1.5,
  },
  ticketFooterZh: '请留意叫号屏与语音提示,过号请到引导台。',
  ticketFooterEn: 'Please watch the display; if you miss your call, ask at the guide desk.',
  counterDropGraceSec: 60,
  businessHours: null,
  announceZh: DEFAULT_ANNOUNCE_ZH,
  announceEn: DEFAULT_ANNOUNCE_EN,
  notice: null,
  ...over,
});

type ServiceSeed = Omit<Service, 'changeSeq' | 'active' | 'dailyCap'> & { dailyCap?: number };

export const demoServices: ServiceSeed[] = [
  {
    id: 'svc-billing',
    prefix: 'A',
    nameZh: '电费缴纳',
    nameEn: 'Bill payment',
    category: 'billing',
    descriptionZh: '缴纳电费、预存电费、查询欠费',
    descriptionEn: 'Pay or prepay your bill, check arrears',
    targetWaitSec: 600,
    targetHandleSec: 180,
    sortOrder: 1,
  },
  {
    id: 'svc-connection',
    prefix: 'B',
    nameZh: '业扩报装',
    nameEn: 'New connection',
    category: 'connection',
    descriptionZh: '新装、增容、临时用电申请',
    descriptionEn: 'New supply, capacity increase, temporary supply',
    targetWaitSec: 900,
    targetHandleSec: 900,
    sortOrder: 2,
  },
  {
    id: 'svc-account',
    prefix: 'C',
    nameZh: '更名过户',
    nameEn: 'Account change',
    category: 'account',
    descriptionZh: '更名、过户、销户',
    descriptionEn: 'Rename, transfer or close an account',
    targetWaitSec: 900,
    targetHandleSec: 600,
    sortOrder: 3,
  },
  {
    id: 'svc-fault',
    prefix: 'D',
    nameZh: '故障报修与咨询',
    nameEn: 'Faults and enquiries',
    category: 'enquiry',
    descriptionZh: '停电报修、电压质量、计量表计咨询',
    descriptionEn: 'Outages, voltage quality, meter questions',
    targetWaitSec: 600,
    targetHandleSec: 300,
    sortOrder: 4,
  },
  {
    id: 'svc-invoice',
    prefix: 'E',
    nameZh: '发票打印',
    nameEn: 'Invoices',
    category: 'billing',
    descriptionZh: '打印增值税发票、电费清单',
    descriptionEn: 'Print VAT invoices and statements',
    targetWaitSec: 300,
    targetHandleSec: 120,
    sortOrder: 5,
    dailyCap: 200,
  },
];

export const demoCounters: Pick<Counter, 'id' | 'number' | 'name' | 'serviceIds'>[] = [
  { id: 'ctr-1', number: 1, name: '1号窗口', serviceIds: ['svc-billing', 'svc-invoice'] },
  { id: 'ctr-2', number: 2, name: '2号窗口', serviceIds: ['svc-billing', 'svc-fault'] },
  { id: 'ctr-3', number: 3, name: '3号窗口', serviceIds: ['svc-connection', 'svc-account'] },
  { id: 'ctr-4', number: 4, name: '4号窗口', serviceIds: ['svc-connection'] },
  {
    id: 'ctr-5',
    number: 5,
    name: '5号窗口',
    serviceIds: ['svc-account', 'svc-fault', 'svc-billing'],
  },
  {
    id: 'ctr-6',
    number: 6,
    name: '6号窗口(绿色通道)',
    serviceIds: ['svc-billing', 'svc-connection', 'svc-account', 'svc-fault', 'svc-invoice'],
  },
];

export interface StaffSeed {
  id: string;
  staffNo: string;
  name: string;
  roles: StaffRole[];
  pin: string;
}

export const demoStaff: StaffSeed[] = [
  { id: 'stf-admin', staffNo: '9000', name: '系统管理员', roles: ['admin'], pin: '9000' },
  {
    id: 'stf-leader',
    staffNo: '8001',
    name: '王值班',
    roles: ['duty_leader', 'clerk'],
    pin: '8001',
  },
  { id: 'stf-guide', staffNo: '7001', name: '赵引导', roles: ['guide'], pin: '7001' },
  { id: 'stf-back', staffNo: '6001', name: '孙后台', roles: ['backoffice'], pin: '6001' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    id: `stf-clerk-${n}`,
    staffNo: `100${n}`,
    name: ['李明', '张丽', '陈刚', '刘芳', '周强', '吴敏'][n - 1]!,
    roles: ['clerk'] as StaffRole[],
    pin: `100${n}`,
  })),
];

export interface DeviceSeed {
  id: string;
  name: string;
  kind: Device['kind'];
  counterId: string | null;
  token: string;
}

/** Demo devices come pre-paired with well-known tokens, printed on start; never in a real hall. */
export const demoDevices: DeviceSeed[] = [
  { id: 'dev-kiosk-1', name: '取号机 1', kind: 'kiosk', counterId: null, token: 'demo-kiosk-1' },
  {
    id: 'dev-display-1',
    name: '叫号屏 1',
    kind: 'display',
    counterId: null,
    token: 'demo-display-1',
  },
  { id: 'dev-console', name: '值班台', kind: 'desk', counterId: null, token: 'demo-console' },
  { id: 'dev-guide', name: '引导台平板', kind: 'desk', counterId: null, token: 'demo-guide' },
  { id: 'dev-backoffice', name: '后台', kind: 'desk', counterId: null, token: 'demo-backoffice' },
  {
    id: 'dev-website',
    name: '网上营业厅(预约)',
    kind: 'integration',
    counterId: null,
    token: 'demo-website',
  },
  ...demoCounters.flatMap((c) => [
    {
      id: `dev-desk-${c.number}`,
      name: `${c.number}号窗口终端`,
      kind: 'desk' as const,
      counterId: c.id,
      token: `demo-desk-${c.number}`,
    },
    {
      id: `dev-pad-${c.number}`,
      name: `${c.number}号评价器`,
      kind: 'pad' as const,
      counterId: c.id,
      token: `demo-pad-${c.number}`,
    },
  ]),
];

/** The demo hall's customer list: VIPs are recognised at the kiosk by account number. */
export const demoCustomers: Omit<CustomerRecord, 'changeSeq'>[] = [
  { accountNo: '3100000001', name: '上海某某制造有限公司', phone: '13900000001', vip: true },
  { accountNo: '3100000002', name: '钱老先生', phone: '13900000002', vip: true },
  { accountNo: '3100000003', name: '孙女士', phone: '13900000003', vip: false },
];

/** The hall's case types (限时办结 limits in calendar days); the first step is the acceptance. */
export const demoCaseTypes: Omit<CaseType, 'changeSeq'>[] = [
  {
    id: 'ct-connection',
    nameZh: '业扩报装',
    nameEn: 'New connection',
    serviceId: 'svc-connection',
    limitDays: 15,
    steps: [
      { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
      { nameZh: '勘查/方案答复', nameEn: 'Site survey and supply plan', limitDays: 3 },
      { nameZh: '收费', nameEn: 'Fees', limitDays: 2 },
      { nameZh: '施工', nameEn: 'Construction', limitDays: 6 },
      { nameZh: '竣工验收', nameEn: 'Completion inspection', limitDays: 2 },
      { nameZh: '装表接电', nameEn: 'Meter and connection', limitDays: 2 },
    ],
    active: true,
    sortOrder: 1,
  },
  {
    id: 'ct-account',
    nameZh: '更名过户',
    nameEn: 'Account change',
    serviceId: 'svc-account',
    limitDays: 5,
    steps: [
      { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
      { nameZh: '资料审核', nameEn: 'Document check', limitDays: 2 },
      { nameZh: '系统变更', nameEn: 'Account update', limitDays: 2 },
      { nameZh: '回访', nameEn: 'Callback', limitDays: 1 },
    ],
    active: true,
    sortOrder: 2,
  },
  {
    id: 'ct-fault',
    nameZh: '故障报修',
    nameEn: 'Fault repair',
    serviceId: 'svc-fault',
    limitDays: 2,
    steps: [
      { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
      { nameZh: '派单', nameEn: 'Dispatch', limitDays: 0 },
      { nameZh: '抢修', nameEn: 'Repair', limitDays: 1 },
      { nameZh: '回访', nameEn: 'Callback', limitDays: 1 },
    ],
    active: true,
    sortOrder: 3,
  },
];

export interface SeedOptions {
  config: HallConfig;
  services: ServiceSeed[];
  counters: typeof demoCounters;
  staff: StaffSeed[];
  devices: DeviceSeed[];
  customers?: Omit<CustomerRecord, 'changeSeq'>[];
  caseTypes?: Omit<CaseType, 'changeSeq'>[];
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
    for (const c of seed.customers ?? []) store.customers.save({ ...c, changeSeq: 0 }, 0);
    for (const t of seed.caseTypes ?? []) store.caseTypes.save({ ...t, changeSeq: 0 }, 0);
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
  now,
});

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
    ...Array.from({ length: 6 }, (_, i) => ({
      id: `dev-load-kiosk-${i + 1}`,
      name: `取号机 ${i + 1}`,
      kind: 'kiosk' as const,
      counterId: null,
      token: `load-kiosk-${i + 1}`,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `dev-load-display-${i + 1}`,
      name: `叫号屏 ${i + 1}`,
      kind: 'display' as const,
      counterId: null,
      token: `load-display-${i + 1}`,
    })),
    ...counters.flatMap((c) => [
      {
        id: `dev-load-desk-${c.number}`,
        name: `${c.number}号窗口终端`,
        kind: 'desk' as const,
        counterId: c.id,
        token: `load-desk-${c.number}`,
      },
      {
        id: `dev-load-pad-${c.number}`,
        name: `${c.number}号评价器`,
        kind: 'pad' as const,
        counterId: c.id,
        token: `load-pad-${c.number}`,
      },
    ]),
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
