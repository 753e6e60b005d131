-- The hall's state. Every mutable record carries change_seq: the hall-wide sequence number of
-- the command that last wrote it, so devices and the nightly upward sync can read
-- "everything changed since N". Append-only tables use their integer id as the cursor.

CREATE TABLE hall_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  config TEXT NOT NULL,
  config_change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  description_zh TEXT NOT NULL,
  description_en TEXT NOT NULL,
  target_wait_sec INTEGER NOT NULL CHECK (target_wait_sec > 0),
  target_handle_sec INTEGER NOT NULL CHECK (target_handle_sec > 0),
  daily_cap INTEGER,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  staff_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  photo_url TEXT,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  service_ids TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'paused', 'closed')),
  pause_reason TEXT CHECK (pause_reason IN ('break', 'meeting', 'system', 'other')),
  staff_id TEXT REFERENCES staff (id),
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX counters_staff ON counters (staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'pad', 'desk', 'integration')),
  counter_id TEXT REFERENCES counters (id),
  token_hash TEXT NOT NULL UNIQUE,
  paired_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER,
  change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE pairing_codes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  counter_id TEXT,
  issued_by TEXT,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;

CREATE TABLE staff_sessions (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device_id TEXT NOT NULL REFERENCES devices (id),
  counter_id TEXT REFERENCES counters (id),
  token_hash TEXT NOT NULL UNIQUE,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX staff_sessions_open ON staff_sessions (staff_id) WHERE ended_at IS NULL;
CREATE INDEX staff_sessions_change ON staff_sessions (change_seq);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  business_day TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services (id),
  number TEXT NOT NULL,
  daily_seq INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled')),
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'vip', 'priority', 'appointment')),
  is_returning INTEGER NOT NULL CHECK (is_returning IN (0, 1)),
  source TEXT NOT NULL,
  customer_phone TEXT,
  customer_account_no TEXT,
  customer_name TEXT,
  note TEXT,
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  target_counter_id TEXT,
  counter_id TEXT,
  serving_staff_id TEXT,
  owner_staff_id TEXT,
  called_at INTEGER,
  first_called_at INTEGER,
  recall_count INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  outcome TEXT,
  items TEXT NOT NULL,
  state_reason TEXT,
  transfer_count INTEGER NOT NULL,
  estimated_wait_sec INTEGER,
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
-- A ticket number is unique within its service and business day; the prefix letter names the service.
CREATE UNIQUE INDEX tickets_number ON tickets (business_day, number);
CREATE INDEX tickets_state ON tickets (state, counter_id);
CREATE INDEX tickets_day ON tickets (business_day, service_id);
-- Recent handling times per service, for the estimated wait (read on every issue).
CREATE INDEX tickets_done ON tickets (business_day, service_id, finished_at) WHERE state = 'done';
CREATE INDEX tickets_change ON tickets (change_seq);
CREATE INDEX tickets_owner ON tickets (owner_staff_id) WHERE owner_staff_id IS NOT NULL;

CREATE TABLE ticket_numbers (
  business_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (business_day, service_id)
) STRICT;

CREATE TABLE ticket_transitions (
  id INTEGER PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  at INTEGER NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT,
  staff_id TEXT,
  reason TEXT
) STRICT;
CREATE INDEX ticket_transitions_ticket ON ticket_transitions (ticket_id);

-- First result of every acknowledged command, so a retried command id changes nothing.
CREATE TABLE command_results (
  command_id TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  device_id TEXT,
  result TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX command_results_at ON command_results (at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  device_id TEXT,
  staff_id TEXT,
  command TEXT NOT NULL,
  command_id TEXT,
  payload TEXT NOT NULL,
  result TEXT NOT NULL,
  reason TEXT,
  seq INTEGER
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER ticket_transitions_no_update BEFORE UPDATE ON ticket_transitions
BEGIN SELECT RAISE(ABORT, 'ticket transitions are append-only'); END;
CREATE TRIGGER ticket_transitions_no_delete BEFORE DELETE ON ticket_transitions
BEGIN SELECT RAISE(ABORT, 'ticket transitions are append-only'); END;
