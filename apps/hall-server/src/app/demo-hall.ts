import { promiseOfLimitDays, type CaseType, type CustomerRecord } from '@onestop/shared';
import type { CounterSeed, DeviceSeed, ServiceSeed, StaffSeed } from './seed';

// The demo hall that `npm start` embeds and the tests run against: five services, six
// counters, a staff member for each role, pre-paired devices, VIP customers and case types.

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

export const demoCounters: CounterSeed[] = [
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
  ...['李明', '张丽', '陈刚', '刘芳', '周强', '吴敏'].map((name, i): StaffSeed => ({
    id: `stf-clerk-${i + 1}`,
    staffNo: `100${i + 1}`,
    name,
    roles: ['clerk'],
    pin: `100${i + 1}`,
  })),
];

/** A desk and an evaluation pad at each counter, named after it; tokens `<tokens>-desk-N`. */
export function counterDevices(
  counters: readonly CounterSeed[],
  prefix: { ids: string; tokens: string },
): DeviceSeed[] {
  return counters.flatMap((c) =>
    (['desk', 'pad'] as const).map((kind) => ({
      id: `${prefix.ids}-${kind}-${c.number}`,
      name: kind === 'desk' ? `${c.number}号窗口终端` : `${c.number}号评价器`,
      kind,
      counterId: c.id,
      token: `${prefix.tokens}-${kind}-${c.number}`,
    })),
  );
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
  ...counterDevices(demoCounters, { ids: 'dev', tokens: 'demo' }),
];

/** The demo hall's customer list: VIPs are recognised at the kiosk by account number. */
export const demoCustomers: Omit<CustomerRecord, 'changeSeq' | 'accountManagerStaffId'>[] = [
  { accountNo: '3100000001', name: '上海某某制造有限公司', phone: '13900000001', vip: true },
  { accountNo: '3100000002', name: '钱老先生', phone: '13900000002', vip: true },
  { accountNo: '3100000003', name: '孙女士', phone: '13900000003', vip: false },
];

type CaseStep = CaseType['steps'][number];
const step = (nameZh: string, nameEn: string, limitDays: number): CaseStep => ({
  nameZh,
  nameEn,
  limitDays,
});

/** The hall's case types (限时办结 limits in calendar days); the first step is the acceptance. */
export const demoCaseTypes: Omit<CaseType, 'changeSeq'>[] = [
  {
    id: 'ct-connection',
    nameZh: '业扩报装',
    nameEn: 'New connection',
    serviceId: 'svc-connection',
    limitDays: 15,
    kind: 'case',
    promise: promiseOfLimitDays(15),
    steps: [
      step('受理', 'Acceptance', 0),
      step('勘查/方案答复', 'Site survey and supply plan', 3),
      step('收费', 'Fees', 2),
      step('施工', 'Construction', 6),
      step('竣工验收', 'Completion inspection', 2),
      step('装表接电', 'Meter and connection', 2),
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
    kind: 'case',
    promise: promiseOfLimitDays(5),
    steps: [
      step('受理', 'Acceptance', 0),
      step('资料审核', 'Document check', 2),
      step('系统变更', 'Account update', 2),
      step('回访', 'Callback', 1),
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
    kind: 'repair',
    promise: promiseOfLimitDays(2),
    steps: [
      step('受理', 'Acceptance', 0),
      step('派单', 'Dispatch', 0),
      step('抢修', 'Repair', 1),
      step('回访', 'Callback', 1),
    ],
    active: true,
    sortOrder: 3,
  },
];
