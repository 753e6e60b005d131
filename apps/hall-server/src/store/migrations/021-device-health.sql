-- Device health (issue 19 item 2): each device's latest heartbeat, the changes of its health,
-- its faults tracked to a fix, and the daily opening check-list. Hall-local: not synced up
-- (the monthly hardware report is worked out in the hall).

CREATE TABLE device_health (
  device_id TEXT PRIMARY KEY REFERENCES devices (id),
  version TEXT NOT NULL,
  screen_width INTEGER NOT NULL,
  screen_height INTEGER NOT NULL,
  orientation TEXT NOT NULL CHECK (orientation IN ('landscape', 'portrait')),
  audio TEXT NOT NULL CHECK (audio IN ('ok', 'blocked', 'none')),
  printer TEXT
    CHECK (printer IN ('ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'unknown')),
  reported_at INTEGER NOT NULL,
  audio_blocked_since INTEGER
) STRICT;

-- One row per heartbeat that changed something: the new values of what changed (others null).
CREATE TABLE device_health_changes (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  at INTEGER NOT NULL,
  version TEXT,
  screen TEXT,
  audio TEXT,
  printer TEXT
) STRICT;
CREATE INDEX device_health_changes_device ON device_health_changes (device_id, at);

CREATE TABLE device_faults (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  kind TEXT NOT NULL CHECK (kind IN ('printer_paper_out', 'printer_cover_open',
    'printer_offline', 'audio', 'offline', 'reported')),
  opened_at INTEGER NOT NULL,
  reported_by TEXT REFERENCES staff (id),
  detail TEXT,
  cleared_at INTEGER,
  fixed_at INTEGER,
  fixed_by TEXT REFERENCES staff (id),
  fix_note TEXT,
  -- The device_fault (or device_offline) alert told for it.
  alert_id TEXT
) STRICT;
CREATE INDEX device_faults_device ON device_faults (device_id, opened_at);
CREATE INDEX device_faults_opened ON device_faults (opened_at);
CREATE INDEX device_faults_open ON device_faults (device_id)
  WHERE cleared_at IS NULL AND fixed_at IS NULL;

CREATE TABLE device_checks (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  business_day TEXT NOT NULL,
  checked_at INTEGER NOT NULL,
  checked_by TEXT NOT NULL REFERENCES staff (id),
  -- JSON [{item, passed}]
  results TEXT NOT NULL,
  note TEXT,
  UNIQUE (device_id, business_day)
) STRICT;
CREATE INDEX device_checks_day ON device_checks (business_day);
