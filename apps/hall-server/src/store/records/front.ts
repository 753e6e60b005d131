import {
  AppointmentState,
  Opinion,
  OpinionCategory,
  OpinionState,
  type Appointment,
  type CustomerRecord,
} from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';
import { customerColumns } from './tickets';

// The hall-facing posts' records: the customer list, appointments and supervision-box opinions.

export const customers = versioned<CustomerRecord, 'note' | 'id_card_hmac' | 'id_card_last4'>({
  table: 'customers',
  key: 'accountNo',
  fields: {
    accountNo: field.text('account_no'),
    name: field.text('name'),
    phone: field.textOrNull('phone'),
    vip: field.bool('is_vip'),
    accountManagerStaffId: field.textOrNull('account_manager_staff_id'),
    changeSeq: field.int('change_seq'),
  },
  // note: a column of migration 002 the hall has never written. The registered ID card
  // (migration 023, store/identity-repo.ts) is no part of the record any device is sent.
  local: ['note', 'id_card_hmac', 'id_card_last4'],
  sync: 'hall-local',
  shown: { as: 'customers', to: 'staff' },
});

/** Only its state and ticket change once booked; its business day is kept beside it. */
export const appointments = versioned<Appointment, 'business_day'>({
  table: 'appointments',
  key: 'id',
  fields: {
    id: field.text('id'),
    code: field.text('code').writtenOnce(),
    serviceId: field.text('service_id').writtenOnce(),
    customer: customerColumns.writtenOnce(),
    windowStart: field.int('window_start').writtenOnce(),
    windowEnd: field.int('window_end').writtenOnce(),
    state: field.enum('state', AppointmentState),
    ticketId: field.textOrNull('ticket_id'),
    createdAt: field.int('created_at').writtenOnce(),
    changeSeq: field.int('change_seq'),
  },
  local: ['business_day'],
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'appointments', to: 'staff' },
});

/** What the customer said is kept as said: only its handling changes. */
export const opinions = versioned<Opinion>({
  table: 'opinions',
  key: 'id',
  fields: {
    id: field.text('id'),
    category: field.enum('category', OpinionCategory).writtenOnce(),
    text: field.text('text').writtenOnce(),
    contact: field.textOrNull('contact').writtenOnce(),
    ticketId: field.textOrNull('ticket_id').writtenOnce(),
    source: field.enum('source', Opinion.shape.source).writtenOnce(),
    staffId: field.textOrNull('staff_id').writtenOnce(),
    handlerStaffId: field.textOrNull('handler_staff_id'),
    customerKey: field.textOrNull('customer_key').writtenOnce(),
    repeated: field.bool('is_repeated').writtenOnce(),
    state: field.enum('state', OpinionState),
    createdAt: field.int('created_at').writtenOnce(),
    closedAt: field.intOrNull('closed_at'),
    resolution: field.textOrNull('resolution'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'opinions', to: 'staff' },
});
