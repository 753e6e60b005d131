-- Access (issue 14). A staff session's last command, for the idle limit: written at most once a
-- minute, not per command; NULL (sessions opened before this migration) counts from started_at.
-- Sign-in attempts are counted in staff.failed_sign_ins / locked_until (001) before the PIN is
-- checked, so that lock needs no new column.
ALTER TABLE staff_sessions ADD COLUMN last_active_at INTEGER;
