-- Knowledge checks (业务知识考核, issue 19 item 1): the admin's question bank and quizzes, the
-- assignments, the clerks' attempts and the retraining list (再培训名单). Hall-local tables
-- read through queries (no change_seq): a quiz's right answers never ride a hall change.

CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES services (id),
  topic TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'short')),
  prompt TEXT NOT NULL,
  -- JSON string[]: a choice question's options.
  options TEXT NOT NULL,
  -- JSON number[]: the right options' indices (0-based).
  correct TEXT NOT NULL,
  -- JSON string[]: a short answer's accepted answers.
  accepted TEXT NOT NULL,
  explanation TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX questions_service ON questions (service_id, topic);

CREATE TABLE quizzes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services (id),
  topic TEXT,
  -- JSON string[]: a fixed set; empty when drawn.
  question_ids TEXT NOT NULL,
  draw_count INTEGER,
  pass_pct INTEGER NOT NULL CHECK (pass_pct BETWEEN 1 AND 100),
  time_limit_min INTEGER,
  monthly INTEGER NOT NULL CHECK (monthly IN (0, 1)),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE quiz_assignments (
  id TEXT PRIMARY KEY,
  quiz_id TEXT NOT NULL REFERENCES quizzes (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  assigned_by TEXT NOT NULL,
  assigned_at INTEGER NOT NULL,
  due_at INTEGER,
  attempt_id TEXT
) STRICT;
CREATE INDEX quiz_assignments_staff ON quiz_assignments (staff_id, attempt_id);

CREATE TABLE quiz_attempts (
  id TEXT PRIMARY KEY,
  quiz_id TEXT NOT NULL REFERENCES quizzes (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  started_at INTEGER NOT NULL,
  deadline_at INTEGER,
  finished_at INTEGER,
  score_pct INTEGER CHECK (score_pct BETWEEN 0 AND 100),
  passed INTEGER CHECK (passed IN (0, 1)),
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  -- JSON string[]: the questions asked, in order.
  question_ids TEXT NOT NULL,
  -- JSON [{questionId, choices?, text?}] once submitted.
  answers TEXT
) STRICT;
CREATE INDEX quiz_attempts_staff ON quiz_attempts (staff_id, quiz_id, finished_at);
CREATE INDEX quiz_attempts_finished ON quiz_attempts (finished_at);

CREATE TABLE retraining (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  service_id TEXT NOT NULL REFERENCES services (id),
  quiz_id TEXT NOT NULL REFERENCES quizzes (id),
  attempt_id TEXT NOT NULL REFERENCES quiz_attempts (id),
  since INTEGER NOT NULL,
  cleared_at INTEGER,
  cleared_by TEXT,
  cleared_how TEXT CHECK (cleared_how IN ('passed', 'override')),
  override_reason TEXT
) STRICT;
CREATE INDEX retraining_open ON retraining (staff_id, cleared_at);
