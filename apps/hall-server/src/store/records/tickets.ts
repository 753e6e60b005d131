import {
  type Customer,
  Ticket,
  TicketOutcome,
  TicketPriority,
  TicketSource,
  TicketState,
  type TicketTransition,
} from '@onestop/shared';
import { field } from '../fields';
import { appendOnly, versioned } from '../record-kind';

/** A customer as three columns (tickets, appointments, cases). */
export const customerColumns = field.object<Customer>({
  phone: field.textOrNull('customer_phone'),
  accountNo: field.textOrNull('customer_account_no'),
  name: field.textOrNull('customer_name'),
});

/** The wait told at issue, beside the ticket for the accuracy report (tickets-repo recordWaitRange). */
type WaitTold =
  'estimated_wait_low_sec' | 'estimated_wait_high_sec' | 'naive_wait_sec' | 'no_counter_open';

export const tickets = versioned<Ticket, WaitTold>({
  table: 'tickets',
  key: 'id',
  fields: {
    id: field.text('id'),
    businessDay: field.text('business_day').writtenOnce(),
    serviceId: field.text('service_id'),
    number: field.text('number').writtenOnce(),
    dailySeq: field.int('daily_seq').writtenOnce(),
    state: field.enum('state', TicketState),
    priority: field.enum('priority', TicketPriority),
    returning: field.bool('is_returning'),
    source: field.enum('source', TicketSource).writtenOnce(),
    customer: customerColumns.writtenOnce(),
    note: field.textOrNull('note'),
    issuedAt: field.int('issued_at').writtenOnce(),
    queuedAt: field.int('queued_at'),
    targetCounterId: field.textOrNull('target_counter_id'),
    counterId: field.textOrNull('counter_id'),
    servingStaffId: field.textOrNull('serving_staff_id'),
    ownerStaffId: field.textOrNull('owner_staff_id'),
    calledAt: field.intOrNull('called_at'),
    firstCalledAt: field.intOrNull('first_called_at'),
    recallCount: field.int('recall_count'),
    startedAt: field.intOrNull('started_at'),
    finishedAt: field.intOrNull('finished_at'),
    outcome: field.enumOrNull('outcome', TicketOutcome),
    items: field.json('items', Ticket.shape.items),
    stateReason: field.textOrNull('state_reason'),
    transferCount: field.int('transfer_count'),
    estimatedWaitSec: field.intOrNull('estimated_wait_sec'),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  local: ['estimated_wait_low_sec', 'estimated_wait_high_sec', 'naive_wait_sec', 'no_counter_open'],
  sync: { day: { kind: 'column', column: 'business_day' } },
  shown: { as: 'tickets', to: 'public' },
});

/** A ticket's path, one row per change of state; its `id` is the row number (field.rowId). */
export const ticketTransitions = appendOnly<Omit<TicketTransition, 'id'>>({
  table: 'ticket_transitions',
  fields: {
    ticketId: field.text('ticket_id'),
    fromState: field.enumOrNull('from_state', TicketState),
    toState: field.enum('to_state', TicketState),
    at: field.int('at'),
    serviceId: field.text('service_id'),
    counterId: field.textOrNull('counter_id'),
    staffId: field.textOrNull('staff_id'),
    reason: field.textOrNull('reason'),
  },
  sync: { day: { kind: 'ticket', column: 'ticket_id' } },
});
