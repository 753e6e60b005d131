-- Whether the hall server stopped cleanly (issue 14). Set to 'running' at start (and copied
-- into the database file at once), 'clean' at a clean stop. Found 'running' at the next start
-- means the last run was killed: its last changes live only in the WAL, which must be there.
CREATE TABLE run_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL CHECK (state IN ('running', 'clean')),
  changed_at INTEGER NOT NULL
) STRICT;
INSERT INTO run_state (id, state, changed_at) VALUES (1, 'clean', 0);
