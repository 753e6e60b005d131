-- Sign-in locks per (staff number, desk) (security review finding 1). A lock counted per staff
-- number across all desks let one copied desk token keep the admin out for good; now a desk
-- that guesses locks only itself for that number. Keyed by the typed staff number, known or not,
-- so a locked known number and an unknown one answer alike. staff.failed_sign_ins / locked_until
-- (001) are no longer used.
CREATE TABLE sign_in_locks (
  staff_no TEXT NOT NULL,
  device_id TEXT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until INTEGER,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (staff_no, device_id)
) STRICT;
CREATE INDEX sign_in_locks_last_at ON sign_in_locks (last_at);
