import {
  AlertKind,
  Ticket,
  type Alert,
  type Appointment,
  type Handover,
  type Opinion,
} from '@onestop/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCounter, aService, aTicket, T0 } from '../domain/test-fixtures';
import { aCase, aCaseType, aFollowUp, aStaff, aTask, anEvaluation } from '../domain/work-fixtures';
import { openDatabase, type Db } from './db';
import { field, RowError, type Field } from './fields';
import type { AppendOnlyKind, VersionedKind } from './record-kind';
import { appendOnlyTable, recordTable, type LocalValues } from './record-table';
import * as kinds from './records';
import { RECORD_KINDS } from './records';

// The codec builder: each field kind reads what it wrote and refuses what it does not expect;
// every record kind comes back from its table as it was stored.

describe('a field', () => {
  const read = <T>(f: Field<T>, value: unknown) => f.read({ c: value });
  const write = <T>(f: Field<T>, value: T) => {
    const into = {};
    f.write(value, into);
    return into;
  };

  it.each([
    ['text', field.text('c'), 'A001', 'A001'],
    ['text or null', field.textOrNull('c'), null, null],
    ['integer', field.int('c'), 42, 42],
    ['integer or null', field.intOrNull('c'), null, null],
    ['boolean', field.bool('c'), true, 1],
    ['boolean', field.bool('c'), false, 0],
    ['enum', field.enum('c', AlertKind), 'clock_jump', 'clock_jump'],
    ['enum or null', field.enumOrNull('c', AlertKind), null, null],
    ['JSON', field.json('c', Ticket.shape.items), ['电费缴纳', 'x'], '["电费缴纳","x"]'],
  ] as const)('%s writes %j as %j and reads it back', (_, f: Field<unknown>, value, stored) => {
    expect(write(f, value)).toEqual({ c: stored });
    expect(read(f, stored)).toEqual(value);
  });

  it.each([
    ['text', field.text('c'), 5, /column c: expected text, found 5/],
    ['text', field.text('c'), null, /expected text, found null/],
    ['text', field.text('other'), 'x', /column other: expected text, found no such column/],
    ['integer', field.int('c'), '5', /expected an integer, found '5'/],
    ['integer', field.int('c'), 1.5, /expected an integer, found 1.5/],
    ['boolean', field.bool('c'), 2, /expected 0 or 1, found 2/],
    ['enum', field.enum('c', AlertKind), 'fire', /'fire' is not one of dissatisfied, wait_/],
    ['enum or null', field.enumOrNull('c', AlertKind), '', /'' is not one of/],
    ['JSON', field.json('c', Ticket.shape.items), '{', /expected JSON, found '\{'/],
    ['JSON', field.json('c', Ticket.shape.items), '[1]', /JSON of another shape/],
  ] as const)('%s refuses %j', (_, f: Field<unknown>, stored, message) => {
    expect(() => read(f, stored)).toThrow(RowError);
    expect(() => read(f, stored)).toThrow(message);
  });

  it('groups columns into one nested object', () => {
    const customer = kinds.customerColumns;
    const value = { phone: '13800000001', accountNo: null, name: '王' };
    const stored = {
      customer_phone: '13800000001',
      customer_account_no: null,
      customer_name: '王',
    };
    expect(customer.columns).toEqual(['customer_phone', 'customer_account_no', 'customer_name']);
    expect(write(customer, value)).toEqual(stored);
    expect(customer.read(stored)).toEqual(value);
  });
});

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = OFF'); // each kind alone, without the records it refers to
});
afterEach(() => db.close());

/** A record stored in its table and read back, through the repositories' table helpers. */
function versionedSample<T extends { changeSeq: number }, L extends string>(
  kind: VersionedKind<T, L>,
  record: T,
  local: LocalValues<L> = {},
) {
  return {
    table: kind.table,
    record,
    roundTrip(): T[] {
      const table = recordTable(db, kind);
      table.insert(record, local);
      return table.select('ORDER BY rowid')();
    },
  };
}

function appendOnlySample<T, L extends string>(kind: AppendOnlyKind<T, L>, record: T) {
  return {
    table: kind.table,
    record,
    roundTrip(): T[] {
      const table = appendOnlyTable(db, kind);
      table.add(record);
      return table.select('ORDER BY rowid')();
    },
  };
}

const customer = { phone: '13800000001', accountNo: '1234567890', name: '王小明' };
const alert: Alert = {
  id: 'a-1',
  kind: 'dissatisfied',
  subjectId: 'e-1',
  ticketId: 't-1',
  counterId: 'ctr-1',
  staffId: 'clerk-1',
  createdAt: T0,
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  changeSeq: 3,
};
const opinion: Opinion = {
  id: 'o-1',
  category: 'complaint',
  text: '等太久',
  contact: null,
  ticketId: 't-1',
  source: 'kiosk',
  staffId: 'clerk-1',
  handlerStaffId: null,
  customerKey: '13800000001',
  repeated: true,
  state: 'open',
  createdAt: T0,
  closedAt: null,
  resolution: null,
  changeSeq: 4,
};

const appointment: Appointment = {
  id: 'ap-1',
  code: '123456',
  serviceId: 'svc-a',
  customer,
  windowStart: T0,
  windowEnd: T0 + 1_800_000,
  state: 'booked',
  ticketId: null,
  createdAt: T0 - 86_400_000,
  changeSeq: 5,
};
const handover: Handover = {
  id: 'h-1',
  fromStaffId: 'clerk-1',
  toStaffId: 'clerk-2',
  note: '',
  items: [{ kind: 'case', id: 'c-1', label: '20261124-001', dueAt: T0 }],
  state: 'pending',
  createdAt: T0,
  closedAt: null,
  closedBy: null,
  changeSeq: 6,
};

const samples = [
  versionedSample(
    kinds.tickets,
    aTicket({ customer, outcome: 'completed', items: ['电费缴纳'], returning: true, note: '急' }),
  ),
  appendOnlySample(kinds.ticketTransitions, {
    ticketId: 't-1',
    fromState: null,
    toState: 'waiting',
    at: T0,
    serviceId: 'svc-a',
    counterId: null,
    staffId: null,
    reason: null,
  }),
  versionedSample(
    kinds.evaluations,
    anEvaluation({ state: 'rated', score: 'dissatisfied', reasons: ['waiting'], answeredAt: T0 }),
  ),
  versionedSample(kinds.alerts, alert),
  versionedSample(kinds.opinions, opinion),
  versionedSample(kinds.appointments, appointment, { business_day: '2026-11-24' }),
  versionedSample(kinds.cases, aCase({ customer, outcome: 'withdrawn', closedAt: T0 })),
  versionedSample(kinds.tasks, aTask({ assigneeStaffId: 'bo-1', acceptedAt: T0 })),
  versionedSample(kinds.followUps, aFollowUp({ callbackPhone: '138****0001' })),
  versionedSample(kinds.handovers, handover),
  versionedSample(kinds.notifications, {
    id: 'n-1',
    purpose: 'promise_changed',
    subjectKind: 'case',
    subjectId: 'c-1',
    phone: '13800000001',
    accountNo: null,
    lang: 'en',
    text: 'Your case will now be done by 5 Dec 17:00.',
    state: 'failed',
    attempts: 3,
    nextAttemptAt: null,
    lastError: 'HTTP 500',
    gateway: 'webhook',
    sentAt: null,
    createdAt: T0,
    staffId: 'clerk-1',
    changeSeq: 7,
  }),
  versionedSample(
    kinds.staffSessions,
    {
      id: 's-1',
      staffId: 'clerk-1',
      deviceId: 'd-1',
      counterId: 'ctr-1',
      startedAt: T0,
      endedAt: null,
      changeSeq: 7,
    },
    { token_hash: 'hash-1' },
  ),
  appendOnlySample(kinds.auditLog, {
    at: T0,
    deviceId: 'd-1',
    staffId: null,
    command: 'ticket:issue',
    commandId: 'cmd-1',
    payload: '{}',
    result: 'ok',
    reason: null,
    seq: 8,
  }),
  versionedSample(kinds.services, aService({ dailyCap: 200, active: false })),
  versionedSample(kinds.counters, aCounter({ state: 'paused', pauseReason: 'break' })),
  versionedSample(kinds.staff, aStaff({ roles: ['clerk', 'duty_leader'], photoUrl: '/p.png' }), {
    pin_hash: 'pin-hash',
  }),
  versionedSample(
    kinds.devices,
    {
      id: 'd-1',
      name: '1号窗口',
      kind: 'desk',
      counterId: 'ctr-1',
      pairedAt: T0,
      revokedAt: null,
      lastSeenAt: T0,
      changeSeq: 9,
    },
    { token_hash: 'hash-d' },
  ),
  versionedSample(kinds.customers, {
    accountNo: '1234567890',
    name: '王小明',
    phone: null,
    vip: true,
    accountManagerStaffId: null,
    changeSeq: 10,
  }),
  versionedSample(kinds.caseTypes, aCaseType()),
  versionedSample(kinds.remedyKinds, {
    id: 'waive-penalty',
    code: 'waive-penalty',
    nameZh: '减免违约金',
    nameEn: 'Waive penalty',
    unit: 'yuan',
    complaintClass: 'billing',
    limits: {
      clerk: { perGrant: 20_000, perCustomerPerDay: 20_000, perStaffPerMonth: 200_000 },
      backoffice: null,
      guide: null,
      duty_leader: null,
    },
    approvalTimeoutMin: 30,
    active: true,
    sortOrder: 1,
    changeSeq: 12,
  }),
  versionedSample(
    kinds.remedyGrants,
    {
      id: 'g-1',
      remedyKindId: 'waive-penalty',
      amount: 30_000,
      reason: '抄表错误',
      ticketId: 't-1',
      caseId: null,
      customerMasked: '138****0001',
      complaintClass: 'meter',
      grantedByStaffId: 'clerk-1',
      grantingRole: 'clerk',
      state: 'rejected',
      exceeded: 'per_grant',
      exceededLimit: 20_000,
      requestedAt: T0,
      approvalDueAt: T0 + 1_800_000,
      remindedAt: T0 + 900_000,
      decidedByStaffId: 'leader-1',
      decidedAt: T0 + 1_000_000,
      decisionNote: '不属实',
      businessDay: '2026-11-24',
      changeSeq: 13,
    },
    { customer_key: '13800000001' },
  ),
  versionedSample(kinds.syncStatus, {
    id: 'sync',
    data: { configured: true, centerUrl: 'https://center', failures: 2 },
    changeSeq: 11,
  }),
  versionedSample(kinds.displayLayouts, {
    id: 'dev-display-1',
    layout: 'calls_notices_media',
    orientation: 'portrait',
    updatedAt: T0,
    changeSeq: 14,
  }),
];

describe('every record kind', () => {
  it('has a sample here', () => {
    expect(samples.map((s) => s.table).sort()).toEqual(RECORD_KINDS.map((k) => k.table).sort());
  });

  it.each(samples.map((s) => [s.table, s] as const))(
    '%s comes back from its table as stored',
    (_, sample) => {
      expect(sample.roundTrip()).toEqual([sample.record]);
    },
  );
});

describe('reading a row its kind does not allow', () => {
  it('refuses an enum value the contract does not know, naming the table, record and column', () => {
    const alerts = recordTable(db, kinds.alerts);
    alerts.save(alert, 3);
    db.prepare("UPDATE alerts SET kind = 'fire_drill' WHERE id = 'a-1'").run();
    expect(() => alerts.byKey('a-1')).toThrow(RowError);
    expect(() => alerts.byKey('a-1')).toThrow(
      /^alerts a-1: column kind: 'fire_drill' is not one of dissatisfied, wait_over_target/,
    );
    expect(() => alerts.changedSince(0)).toThrow(/'fire_drill' is not one of/);
  });

  it('refuses JSON of another shape', () => {
    const handovers = recordTable(db, kinds.handovers);
    handovers.save(handover, 6);
    db.prepare(`UPDATE handovers SET items = '[{"kind":"parcel"}]'`).run();
    expect(() => handovers.byKey('h-1')).toThrow(/^handovers h-1: column items: JSON of another/);
  });
});

describe('saving a record again', () => {
  it('leaves its written-once columns as first stored', () => {
    const opinions = recordTable(db, kinds.opinions);
    opinions.save(opinion, 4);
    opinions.save({ ...opinion, text: 'changed', state: 'closed', closedAt: T0 + 1 }, 5);
    expect(opinions.byKey('o-1')).toEqual({
      ...opinion,
      state: 'closed',
      closedAt: T0 + 1,
      changeSeq: 5,
    });
  });

  it('keeps local columns out of the record and out of later saves', () => {
    const appointments = recordTable(db, kinds.appointments);
    appointments.save(appointment, 5, { business_day: '2026-11-24' });
    appointments.save({ ...appointment, state: 'checked_in' }, 12, { business_day: '2026-11-25' });
    const day = db.prepare('SELECT business_day FROM appointments').pluck().get();
    expect(day).toBe('2026-11-24');
    expect(appointments.byKey('ap-1')).toEqual({
      ...appointment,
      state: 'checked_in',
      changeSeq: 12,
    });
  });
});
