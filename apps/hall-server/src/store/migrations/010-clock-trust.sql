-- Whether the hall trusted the wall clock when it last recorded its time (issue 14, review
-- finding 2). A wall clock seen to leap is remembered across a restart: the next start goes on
-- from the hall time recorded here, untrusted, instead of taking the leapt wall clock as true.
ALTER TABLE run_state ADD COLUMN clock_trusted INTEGER NOT NULL DEFAULT 1 CHECK (clock_trusted IN (0, 1));
-- Hall time when the clock state was last recorded (a jump seen, a clean stop).
ALTER TABLE run_state ADD COLUMN hall_time INTEGER NOT NULL DEFAULT 0;
-- Wall clock minus hall time then.
ALTER TABLE run_state ADD COLUMN clock_offset_ms INTEGER NOT NULL DEFAULT 0;
