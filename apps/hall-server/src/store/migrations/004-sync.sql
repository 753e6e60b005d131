-- Issue 8: the nightly upward sync to the regional center, and nightly backups.

-- The console's view of the sync and backups: one record (JSON of the contract's SyncStatus),
-- stamped with change_seq like every record the devices see. Hall-local: never sent up.
CREATE TABLE sync_status (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;

-- What the center has acknowledged, per table, as the hall last recorded it. The center's own
-- cursors (stored with the rows, in one transaction) are where a run resumes; these are for the
-- console and for counting what is still to go.
CREATE TABLE sync_cursors (
  source_table TEXT PRIMARY KEY,
  pos INTEGER NOT NULL,
  key TEXT NOT NULL,
  acked_at INTEGER NOT NULL
) STRICT;

-- Small facts of the sync kept between runs (where the rotating re-check of older days is).
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- A restore from a backup starts a new timeline: rows of an append-only table added after it
-- reuse row numbers the lost timeline may already have sent, so their ids on the wire are moved
-- past each restore point (boundary = the table's last row number in the restored copy).
CREATE TABLE sync_restore_points (
  source_table TEXT NOT NULL,
  boundary INTEGER NOT NULL,
  restored_at INTEGER NOT NULL,
  PRIMARY KEY (source_table, boundary)
) STRICT;

-- Reconciliation reads the audit log by business day.
CREATE INDEX audit_log_at ON audit_log (at);
