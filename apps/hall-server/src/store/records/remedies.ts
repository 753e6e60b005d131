import {
  ComplaintClass,
  ExceededLimit,
  GrantingRole,
  GrantState,
  RemedyKind,
  RemedyUnit,
  type RemedyGrant,
} from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';

// Remedy authority (migration 013): the hall's remedy catalogue and the grants made from it.

export const remedyKinds = versioned<RemedyKind>({
  table: 'remedy_kinds',
  key: 'id',
  fields: {
    id: field.text('id'),
    code: field.text('code'),
    nameZh: field.text('name_zh'),
    nameEn: field.text('name_en'),
    unit: field.enum('unit', RemedyUnit),
    complaintClass: field.enum('complaint_class', ComplaintClass),
    limits: field.json('limits', RemedyKind.shape.limits),
    approvalTimeoutMin: field.int('approval_timeout_min'),
    active: field.bool('active'),
    sortOrder: field.int('sort_order'),
    changeSeq: field.int('change_seq'),
  },
  sync: 'hall-local',
  shown: { as: 'remedyKinds', to: 'staff' },
});

/** What was granted, on what and to whom is kept as first written; its handling changes. */
export const remedyGrants = versioned<RemedyGrant, 'customer_key'>({
  table: 'remedy_grants',
  key: 'id',
  fields: {
    id: field.text('id'),
    remedyKindId: field.text('remedy_kind_id').writtenOnce(),
    amount: field.int('amount').writtenOnce(),
    reason: field.text('reason').writtenOnce(),
    ticketId: field.textOrNull('ticket_id').writtenOnce(),
    caseId: field.textOrNull('case_id').writtenOnce(),
    customerMasked: field.textOrNull('customer_masked').writtenOnce(),
    complaintClass: field.enum('complaint_class', ComplaintClass).writtenOnce(),
    grantedByStaffId: field.text('granted_by_staff_id').writtenOnce(),
    grantingRole: field.enum('granting_role', GrantingRole).writtenOnce(),
    state: field.enum('state', GrantState),
    exceeded: field.enumOrNull('exceeded', ExceededLimit).writtenOnce(),
    exceededLimit: field.intOrNull('exceeded_limit').writtenOnce(),
    requestedAt: field.int('requested_at').writtenOnce(),
    approvalDueAt: field.intOrNull('approval_due_at').writtenOnce(),
    remindedAt: field.intOrNull('reminded_at'),
    decidedByStaffId: field.textOrNull('decided_by_staff_id'),
    decidedAt: field.intOrNull('decided_at'),
    decisionNote: field.textOrNull('decision_note'),
    businessDay: field.text('business_day').writtenOnce(),
    changeSeq: field.int('change_seq'),
  },
  local: ['customer_key'],
  sync: { day: { kind: 'column', column: 'business_day' } },
  shown: { as: 'remedyGrants', to: 'staff' },
});
