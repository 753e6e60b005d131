-- Issue 18 item 2, 承诺: the time promised to the customer.
-- A case type's promise rule (amount, unit, clock) and kind (a case, or a repair). Types made
-- before it keep 限时办结's meaning: limit_days calendar days to the end of the due day.
ALTER TABLE case_types ADD COLUMN kind TEXT NOT NULL DEFAULT 'case'
  CHECK (kind IN ('case', 'repair'));
ALTER TABLE case_types ADD COLUMN promise_amount INTEGER NOT NULL DEFAULT 1
  CHECK (promise_amount BETWEEN 1 AND 720);
ALTER TABLE case_types ADD COLUMN promise_unit TEXT NOT NULL DEFAULT 'days'
  CHECK (promise_unit IN ('hours', 'days'));
ALTER TABLE case_types ADD COLUMN promise_clock TEXT NOT NULL DEFAULT 'calendar'
  CHECK (promise_clock IN ('business', 'calendar'));
UPDATE case_types SET promise_amount = limit_days, promise_unit = 'days', promise_clock = 'calendar';

-- On cases and support tasks: the first promise (never changed; due_at stays the current one)
-- and every re-set, JSON [{at, by, fromDueAt, toDueAt, reason, told, notificationId}].
ALTER TABLE cases ADD COLUMN promised_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN promise_changes TEXT NOT NULL DEFAULT '[]';
UPDATE cases SET promised_at = due_at;
ALTER TABLE tasks ADD COLUMN promised_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN promise_changes TEXT NOT NULL DEFAULT '[]';
UPDATE tasks SET promised_at = due_at;

-- The phone status page shows the promises of the cases opened from its visit.
CREATE INDEX cases_ticket ON cases (ticket_id) WHERE ticket_id IS NOT NULL;
