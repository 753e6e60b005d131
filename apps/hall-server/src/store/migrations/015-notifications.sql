-- Issue 18, item 3: customer notifications. The outbox: one row per text to a customer, written
-- in the transaction of the change that caused it and sent later by the delivery worker
-- (app/notification-outbox.ts). The phone is the channel: kept whole here, masked in every
-- record a device is sent, never sent up to the regional center.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('turn_near', 'called', 'promise_changed', 'follow_up')),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('ticket', 'case', 'task', 'follow_up')),
  subject_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  account_no TEXT,
  lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  -- Rendered from the hall's template when queued.
  text TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'held', 'suppressed')),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER,
  last_error TEXT,
  gateway TEXT,
  sent_at INTEGER,
  created_at INTEGER NOT NULL,
  staff_id TEXT,
  change_seq INTEGER NOT NULL
) STRICT;
-- The worker's question: which queued or held rows are due.
CREATE INDEX notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX notifications_change ON notifications (change_seq);
-- The per-customer limit and a customer's log.
CREATE INDEX notifications_phone ON notifications (phone, created_at);
CREATE INDEX notifications_subject ON notifications (subject_kind, subject_id, purpose);

-- A phone's latest word on being texted: consent given (1) or withdrawn (0, opt-out). Kept in
-- the hall only, like the number itself: no record kind (no change_seq), never sent to a device
-- or the regional center; staff read it through notification:list, the phone masked. Every
-- change is in the audit log (notification:consent, ticket:issue with notifyConsent).
CREATE TABLE notification_consents (
  phone TEXT PRIMARY KEY,
  account_no TEXT,
  given INTEGER NOT NULL CHECK (given IN (0, 1)),
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'desk', 'reply')),
  -- A kiosk's consent covers the visit it was given with only: anyone can type any number at a
  -- kiosk. A desk's (staff saw the customer) or a reply's stands until withdrawn.
  ticket_id TEXT,
  at INTEGER NOT NULL,
  by_staff_id TEXT,
  by_device_id TEXT
) STRICT;
CREATE INDEX notification_consents_account ON notification_consents (account_no)
  WHERE account_no IS NOT NULL;
