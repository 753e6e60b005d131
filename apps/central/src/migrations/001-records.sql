-- The regional center's store of every hall's records. One table for every kind of hall record
-- (the hall's table name in source_table, its columns as JSON): a table a hall starts sending
-- needs no change here. Partitioned by business day; a partition per day is created when the
-- first row of that day arrives.

CREATE TABLE hall_records (
  hall_id text NOT NULL,
  business_day date NOT NULL,
  source_table text NOT NULL,
  record_id text NOT NULL,
  -- The hall's change sequence number of this version; a lower one never replaces a higher one.
  change_seq bigint NOT NULL,
  data jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, business_day, source_table, record_id)
) PARTITION BY RANGE (business_day);

-- How far each hall's tables have been stored: a run resumes from here. Keys compare bytewise,
-- as the hall orders them.
CREATE TABLE hall_cursors (
  hall_id text NOT NULL,
  source_table text NOT NULL,
  pos bigint NOT NULL,
  key text COLLATE "C" NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, source_table)
);

-- Every batch received, and how often (a repeated delivery counts here, and changes nothing else).
CREATE TABLE hall_batches (
  hall_id text NOT NULL,
  batch_id text NOT NULL,
  first_received_at timestamptz NOT NULL DEFAULT now(),
  last_received_at timestamptz NOT NULL DEFAULT now(),
  deliveries integer NOT NULL DEFAULT 1,
  row_count integer NOT NULL,
  applied integer NOT NULL,
  PRIMARY KEY (hall_id, batch_id)
);

-- Nonces of signed requests seen within the allowed clock skew: a replay is refused.
CREATE TABLE request_nonces (
  hall_id text NOT NULL,
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, nonce)
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);
