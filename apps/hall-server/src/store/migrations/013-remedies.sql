-- Remedy authority (授权, issue 18): the hall's remedy catalogue and every grant made from it.

-- The catalogue (hall configuration, kept by the admin). Amounts and limits are in the unit:
-- fen for 'yuan', a count for 'count'.
CREATE TABLE remedy_kinds (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('yuan', 'count')),
  complaint_class TEXT NOT NULL,
  -- JSON {clerk, backoffice, guide, duty_leader}: each {perGrant, perCustomerPerDay,
  -- perStaffPerMonth} or null (that role may not grant it).
  limits TEXT NOT NULL,
  approval_timeout_min INTEGER NOT NULL CHECK (approval_timeout_min > 0),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX remedy_kinds_change ON remedy_kinds (change_seq);

CREATE TABLE remedy_grants (
  id TEXT PRIMARY KEY,
  remedy_kind_id TEXT NOT NULL REFERENCES remedy_kinds (id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets (id),
  case_id TEXT REFERENCES cases (id),
  -- The customer's whole phone or account number (or the visit or case when neither is known):
  -- what the per-customer limit sums over. Never sent to a device: the record carries it masked.
  customer_key TEXT NOT NULL,
  customer_masked TEXT,
  complaint_class TEXT NOT NULL,
  granted_by_staff_id TEXT NOT NULL REFERENCES staff (id),
  granting_role TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('granted', 'pending', 'approved', 'rejected', 'cancelled', 'expired')),
  exceeded TEXT,
  exceeded_limit INTEGER,
  requested_at INTEGER NOT NULL,
  approval_due_at INTEGER,
  reminded_at INTEGER,
  decided_by_staff_id TEXT REFERENCES staff (id),
  decided_at INTEGER,
  decision_note TEXT,
  business_day TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  CHECK (ticket_id IS NOT NULL OR case_id IS NOT NULL)
) STRICT;
CREATE INDEX remedy_grants_change ON remedy_grants (change_seq);
-- The per-customer-per-day sum, and the daily review's days.
CREATE INDEX remedy_grants_customer ON remedy_grants (customer_key, business_day, remedy_kind_id);
-- The per-staff-per-month sum (business_day LIKE 'YYYY-MM-%' uses it as a range).
CREATE INDEX remedy_grants_staff ON remedy_grants (granted_by_staff_id, business_day);
CREATE INDEX remedy_grants_day ON remedy_grants (business_day);
CREATE INDEX remedy_grants_pending ON remedy_grants (state) WHERE state = 'pending';
