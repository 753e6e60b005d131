-- Issue 4 (work post): the hall's case types, evaluations from the pads, alerts for the duty
-- leader, first-handler cases, support tasks, follow-ups and shift handovers. None of them is
-- cancelled by the business-day rollover: open items stay with their owner across days.

CREATE TABLE case_types (
  id TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  service_id TEXT REFERENCES services (id),
  limit_days INTEGER NOT NULL CHECK (limit_days > 0),
  -- JSON [{nameZh, nameEn, limitDays}], in order; the first is the acceptance (受理).
  steps TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id),
  counter_id TEXT NOT NULL,
  staff_id TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'rated', 'not_rated')),
  -- NULL unless rated: "not rated" is never a default score.
  score TEXT CHECK (score IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied')),
  reasons TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  answered_at INTEGER,
  change_seq INTEGER NOT NULL,
  CHECK ((state = 'rated') = (score IS NOT NULL))
) STRICT;
CREATE INDEX evaluations_pending ON evaluations (deadline_at) WHERE state = 'pending';
CREATE INDEX evaluations_created ON evaluations (created_at);
CREATE INDEX evaluations_change ON evaluations (change_seq);

-- Kinds are checked by the contract, not here: the console adds more without a migration.
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_id TEXT,
  ticket_id TEXT,
  counter_id TEXT,
  staff_id TEXT,
  created_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  note TEXT,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX alerts_open ON alerts (created_at) WHERE acknowledged_at IS NULL;
CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_change ON alerts (change_seq);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  -- YYYYMMDD-NNN: the business day it was opened and its sequence that day.
  number TEXT NOT NULL UNIQUE,
  case_type_id TEXT NOT NULL REFERENCES case_types (id),
  ticket_id TEXT REFERENCES tickets (id),
  owner_staff_id TEXT NOT NULL REFERENCES staff (id),
  customer_phone TEXT,
  customer_account_no TEXT,
  customer_name TEXT,
  summary TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  -- JSON [{nameZh, nameEn, dueAt, doneAt, doneBy, note}]
  steps TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  closed_at INTEGER,
  outcome TEXT CHECK (outcome IN ('completed', 'withdrawn')),
  result TEXT,
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_owner ON cases (owner_staff_id) WHERE state = 'open';
CREATE INDEX cases_closed ON cases (closed_at) WHERE state = 'closed';
CREATE INDEX cases_phone ON cases (customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX cases_account ON cases (customer_account_no) WHERE customer_account_no IS NOT NULL;
CREATE INDEX cases_change ON cases (change_seq);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  owner_staff_id TEXT NOT NULL REFERENCES staff (id),
  case_id TEXT REFERENCES cases (id),
  ticket_id TEXT REFERENCES tickets (id),
  text TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'done', 'cancelled')),
  assignee_staff_id TEXT REFERENCES staff (id),
  due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  closed_at INTEGER,
  result TEXT,
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX tasks_open ON tasks (owner_staff_id) WHERE state IN ('open', 'accepted');
CREATE INDEX tasks_accepted ON tasks (assignee_staff_id) WHERE state = 'accepted';
CREATE INDEX tasks_closed ON tasks (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX tasks_change ON tasks (change_seq);

CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('dissatisfied', 'duty_leader')),
  ticket_id TEXT REFERENCES tickets (id),
  alert_id TEXT REFERENCES alerts (id),
  assignee_staff_id TEXT REFERENCES staff (id),
  created_by TEXT,
  note TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER,
  closed_by TEXT,
  result TEXT,
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX follow_ups_open ON follow_ups (assignee_staff_id) WHERE state = 'open';
CREATE INDEX follow_ups_closed ON follow_ups (closed_at) WHERE state = 'closed';
CREATE INDEX follow_ups_change ON follow_ups (change_seq);

CREATE TABLE handovers (
  id TEXT PRIMARY KEY,
  from_staff_id TEXT NOT NULL REFERENCES staff (id),
  to_staff_id TEXT NOT NULL REFERENCES staff (id),
  note TEXT NOT NULL,
  -- JSON [{kind, id, label, dueAt}]: the giver's open items when it was made.
  items TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged', 'cancelled')),
  created_at INTEGER NOT NULL,
  closed_at INTEGER,
  closed_by TEXT,
  change_seq INTEGER NOT NULL
) STRICT;
-- One handover at a time per giver: the items of two could overlap.
CREATE UNIQUE INDEX handovers_pending ON handovers (from_staff_id) WHERE state = 'pending';
CREATE INDEX handovers_created ON handovers (created_at);
CREATE INDEX handovers_change ON handovers (change_seq);

-- A customer's earlier visits, by account number or phone (the counter's one-stop context).
CREATE INDEX tickets_customer_phone ON tickets (customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX tickets_customer_account ON tickets (customer_account_no)
  WHERE customer_account_no IS NOT NULL;
