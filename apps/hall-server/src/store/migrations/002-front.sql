-- Issue 3: the hall's customer list (VIP and priority recognition), appointments, and
-- supervision-box opinions.
CREATE TABLE customers (
  account_no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT,
  is_vip INTEGER NOT NULL DEFAULT 0 CHECK (is_vip IN (0, 1)),
  note TEXT,
  change_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services (id),
  customer_phone TEXT,
  customer_account_no TEXT,
  customer_name TEXT,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL CHECK (window_end > window_start),
  business_day TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('booked', 'checked_in', 'cancelled', 'expired')),
  ticket_id TEXT REFERENCES tickets (id),
  created_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
-- A code is unique among the appointments still to be checked in.
CREATE UNIQUE INDEX appointments_code ON appointments (code) WHERE state = 'booked';
CREATE INDEX appointments_day ON appointments (business_day);
CREATE INDEX appointments_phone ON appointments (customer_phone) WHERE state = 'booked';
CREATE INDEX appointments_change ON appointments (change_seq);

CREATE TABLE opinions (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL CHECK (category IN ('complaint', 'suggestion', 'praise', 'correction')),
  text TEXT NOT NULL,
  contact TEXT,
  ticket_id TEXT REFERENCES tickets (id),
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'guide', 'duty_leader')),
  staff_id TEXT,
  handler_staff_id TEXT,
  customer_key TEXT,
  is_repeated INTEGER NOT NULL DEFAULT 0 CHECK (is_repeated IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('open', 'in_progress', 'closed')),
  created_at INTEGER NOT NULL,
  closed_at INTEGER,
  resolution TEXT,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX opinions_open ON opinions (state, created_at);
CREATE INDEX opinions_change ON opinions (change_seq);
CREATE INDEX opinions_customer ON opinions (customer_key, created_at) WHERE customer_key IS NOT NULL;

-- The key that signs the status tokens printed in ticket QR codes; made once per hall.
CREATE TABLE hall_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  status_key BLOB NOT NULL
) STRICT;
INSERT INTO hall_keys (id, status_key) VALUES (1, randomblob(32));
