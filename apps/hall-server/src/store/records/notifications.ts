import {
  NotificationPurpose,
  NotificationState,
  NotificationSubjectKind,
  NotifyLang,
  type Notification,
} from '@onestop/shared';
import { field } from '../fields';
import { versioned } from '../record-kind';

// Customer notifications (migration 015, issue 18 item 3): the outbox. Staff are sent them with
// the phone masked (app/notification-records.ts), customer-facing devices never; the regional
// center gets them by day without the phone (the channel has no business leaving the hall).
// Consents (notification_consents) are no record kind: hall-local, read by the repository.

export const notifications = versioned<Notification>({
  table: 'notifications',
  key: 'id',
  fields: {
    id: field.text('id'),
    purpose: field.enum('purpose', NotificationPurpose),
    subjectKind: field.enum('subject_kind', NotificationSubjectKind),
    subjectId: field.text('subject_id'),
    phone: field.text('phone'),
    accountNo: field.textOrNull('account_no'),
    lang: field.enum('lang', NotifyLang),
    text: field.text('text'),
    state: field.enum('state', NotificationState),
    attempts: field.int('attempts'),
    nextAttemptAt: field.intOrNull('next_attempt_at'),
    lastError: field.textOrNull('last_error'),
    gateway: field.textOrNull('gateway'),
    sentAt: field.intOrNull('sent_at'),
    createdAt: field.int('created_at'),
    staffId: field.textOrNull('staff_id'),
    changeSeq: field.int('change_seq'),
  },
  sync: { day: { kind: 'time', column: 'created_at' }, omit: ['phone'] },
  shown: { as: 'notifications', to: 'staff' },
});
