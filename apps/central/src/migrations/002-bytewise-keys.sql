-- The record keys compare bytewise (COLLATE "C"), as the hall orders them: the primary key's
-- B-tree then compares with memcmp instead of the locale's rules, which makes every upsert's
-- index insert and conflict check cheaper (about a third of the ingest time in bench:central).
ALTER TABLE hall_records
  ALTER COLUMN hall_id TYPE text COLLATE "C",
  ALTER COLUMN source_table TYPE text COLLATE "C",
  ALTER COLUMN record_id TYPE text COLLATE "C";
