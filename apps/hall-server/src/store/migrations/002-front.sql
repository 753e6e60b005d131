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
