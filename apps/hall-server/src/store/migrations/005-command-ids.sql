-- Command ids scoped to the device that sent them (issue 14). A command id is remembered per
-- device (or integration): another device sending the same id gets an independent command.
-- payload_hash (sha256 of the command name and its canonical payload without the command id)
-- lets the same device reusing an id for another payload be told command_id_conflict.
-- Rows kept from before this migration stay under their device with no hash (matched by
-- command name only). Rows with no device (anonymous device:pair, whose result holds a device
-- token in clear) are dropped: anonymous commands are no longer kept or replayed.
CREATE TABLE command_results_by_device (
  device_id TEXT NOT NULL,
  command_id TEXT NOT NULL,
  command TEXT NOT NULL,
  payload_hash TEXT,
  result TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (device_id, command_id)
) STRICT;

INSERT INTO command_results_by_device (device_id, command_id, command, payload_hash, result, at)
  SELECT device_id, command_id, command, NULL, result, at FROM command_results
  WHERE device_id IS NOT NULL;

DROP TABLE command_results;
ALTER TABLE command_results_by_device RENAME TO command_results;
CREATE INDEX command_results_at ON command_results (at);
