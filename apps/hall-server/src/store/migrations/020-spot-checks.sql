-- Spot checks (抽查, issue 19): the checklist per service and the duty leader's checks.
-- Both are hall-local (no change_seq: not record kinds, not synced upward); the commands that
-- write them are in the audit log, which is.

-- A service's own checklist; a service without a row uses the hall's default
-- (DEFAULT_SPOT_CHECK_ITEMS in packages/shared/src/model/spot-checks.ts).
CREATE TABLE spot_checklists (
  service_id TEXT PRIMARY KEY REFERENCES services (id),
  -- JSON [{id, nameZh, nameEn, weight}]
  items TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff (id)
) STRICT;

-- A check is final once saved: the triggers refuse edits and deletes.
CREATE TABLE spot_checks (
  id TEXT PRIMARY KEY,
  subject TEXT NOT NULL CHECK (subject IN ('ticket', 'case')),
  ticket_id TEXT REFERENCES tickets (id),
  case_id TEXT REFERENCES cases (id),
  subject_label TEXT NOT NULL,
  service_id TEXT,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  leader_staff_id TEXT NOT NULL REFERENCES staff (id),
  -- JSON [{id, nameZh, nameEn, weight, score}]: the checklist's items as scored.
  items TEXT NOT NULL,
  total_pct INTEGER NOT NULL CHECK (total_pct BETWEEN 0 AND 100),
  comment TEXT NOT NULL,
  checked_at INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  CHECK ((subject = 'ticket') = (ticket_id IS NOT NULL)),
  CHECK ((subject = 'case') = (case_id IS NOT NULL)),
  CHECK (staff_id <> leader_staff_id)
) STRICT;
-- One check per piece of work.
CREATE UNIQUE INDEX spot_checks_ticket ON spot_checks (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE UNIQUE INDEX spot_checks_case ON spot_checks (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX spot_checks_staff ON spot_checks (staff_id, business_day);
CREATE INDEX spot_checks_day ON spot_checks (business_day);
CREATE TRIGGER spot_checks_no_update BEFORE UPDATE ON spot_checks
BEGIN
  SELECT RAISE(ABORT, 'spot checks are final once saved');
END;
CREATE TRIGGER spot_checks_no_delete BEFORE DELETE ON spot_checks
BEGIN
  SELECT RAISE(ABORT, 'spot checks are final once saved');
END;
