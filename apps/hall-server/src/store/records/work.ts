import {
  AlertKind,
  Case,
  CaseKind,
  CaseOutcome,
  CaseState,
  CaseType,
  Evaluation,
  EvaluationScore,
  EvaluationState,
  FollowUp,
  FollowUpState,
  Handover,
  HandoverState,
  PromiseClock,
  PromiseUnit,
  TaskState,
  SupportTask,
  type Alert,
} from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';
import { customerColumns } from './tickets';

// The work post's records (migration 003): case types, evaluations, alerts, cases, support
// tasks, follow-ups and handovers.

export const caseTypes = versioned<CaseType>({
  table: 'case_types',
  key: 'id',
  fields: {
    id: field.text('id'),
    nameZh: field.text('name_zh'),
    nameEn: field.text('name_en'),
    serviceId: field.textOrNull('service_id'),
    limitDays: field.int('limit_days'),
    kind: field.enum('kind', CaseKind),
    // 承诺 (migration 014): the promised time as three columns.
    promise: field.object({
      amount: field.int('promise_amount'),
      unit: field.enum('promise_unit', PromiseUnit),
      clock: field.enum('promise_clock', PromiseClock),
    }),
    steps: field.json('steps', CaseType.shape.steps),
    active: field.bool('active'),
    sortOrder: field.int('sort_order'),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'caseTypes', to: 'staff' },
});

export const evaluations = versioned<Evaluation>({
  table: 'evaluations',
  key: 'id',
  fields: {
    id: field.text('id'),
    ticketId: field.text('ticket_id'),
    counterId: field.text('counter_id'),
    staffId: field.textOrNull('staff_id'),
    state: field.enum('state', EvaluationState),
    score: field.enumOrNull('score', EvaluationScore),
    reasons: field.json('reasons', Evaluation.shape.reasons),
    createdAt: field.int('created_at'),
    deadlineAt: field.int('deadline_at'),
    answeredAt: field.intOrNull('answered_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'ticket', column: 'ticket_id' } },
  // A pad sees its own counter's besides (app/projection.ts).
  shown: { as: 'evaluations', to: 'staff' },
});

export const alerts = versioned<Alert>({
  table: 'alerts',
  key: 'id',
  fields: {
    id: field.text('id'),
    kind: field.enum('kind', AlertKind),
    subjectId: field.textOrNull('subject_id'),
    ticketId: field.textOrNull('ticket_id'),
    counterId: field.textOrNull('counter_id'),
    staffId: field.textOrNull('staff_id'),
    createdAt: field.int('created_at'),
    acknowledgedAt: field.intOrNull('acknowledged_at'),
    acknowledgedBy: field.textOrNull('acknowledged_by'),
    note: field.textOrNull('note'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'alerts', to: 'staff' },
});

export const cases = versioned<Case>({
  table: 'cases',
  key: 'id',
  fields: {
    id: field.text('id'),
    number: field.text('number'),
    caseTypeId: field.text('case_type_id'),
    ticketId: field.textOrNull('ticket_id'),
    ownerStaffId: field.text('owner_staff_id'),
    customer: customerColumns,
    summary: field.text('summary'),
    state: field.enum('state', CaseState),
    // A case's steps are part of the case record, so they travel with it.
    steps: field.json('steps', Case.shape.steps),
    openedAt: field.int('opened_at'),
    dueAt: field.int('due_at'),
    promisedAt: field.int('promised_at').writtenOnce(),
    promiseChanges: field.json('promise_changes', Case.shape.promiseChanges),
    closedAt: field.intOrNull('closed_at'),
    outcome: field.enumOrNull('outcome', CaseOutcome),
    result: field.textOrNull('result'),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'opened_at' } },
  shown: { as: 'cases', to: 'staff' },
});

export const tasks = versioned<SupportTask>({
  table: 'tasks',
  key: 'id',
  fields: {
    id: field.text('id'),
    ownerStaffId: field.text('owner_staff_id'),
    caseId: field.textOrNull('case_id'),
    ticketId: field.textOrNull('ticket_id'),
    text: field.text('text'),
    state: field.enum('state', TaskState),
    assigneeStaffId: field.textOrNull('assignee_staff_id'),
    dueAt: field.int('due_at'),
    promisedAt: field.int('promised_at').writtenOnce(),
    promiseChanges: field.json('promise_changes', SupportTask.shape.promiseChanges),
    createdAt: field.int('created_at'),
    acceptedAt: field.intOrNull('accepted_at'),
    closedAt: field.intOrNull('closed_at'),
    result: field.textOrNull('result'),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'tasks', to: 'staff' },
});

export const followUps = versioned<FollowUp>({
  table: 'follow_ups',
  key: 'id',
  fields: {
    id: field.text('id'),
    source: field.enum('source', FollowUp.shape.source),
    ticketId: field.textOrNull('ticket_id'),
    alertId: field.textOrNull('alert_id'),
    assigneeStaffId: field.textOrNull('assignee_staff_id'),
    createdBy: field.textOrNull('created_by'),
    note: field.text('note'),
    callbackPhone: field.textOrNull('callback_phone'),
    state: field.enum('state', FollowUpState),
    dueAt: field.int('due_at'),
    createdAt: field.int('created_at'),
    closedAt: field.intOrNull('closed_at'),
    closedBy: field.textOrNull('closed_by'),
    result: field.textOrNull('result'),
    updatedAt: field.int('updated_at'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'followUps', to: 'staff' },
});

export const handovers = versioned<Handover>({
  table: 'handovers',
  key: 'id',
  fields: {
    id: field.text('id'),
    fromStaffId: field.text('from_staff_id'),
    toStaffId: field.text('to_staff_id'),
    note: field.text('note'),
    items: field.json('items', Handover.shape.items),
    state: field.enum('state', HandoverState),
    createdAt: field.int('created_at'),
    closedAt: field.intOrNull('closed_at'),
    closedBy: field.textOrNull('closed_by'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' } },
  shown: { as: 'handovers', to: 'staff' },
});
