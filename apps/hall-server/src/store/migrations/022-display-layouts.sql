-- Each hall display's layout and orientation, chosen by the admin (issue 19 item 3). A display
-- without a row shows the default (calls and waiting, landscape). Hall-local: never sent up.
CREATE TABLE display_layouts (
  device_id TEXT PRIMARY KEY REFERENCES devices (id),
  layout TEXT NOT NULL CHECK (layout IN ('calls', 'calls_waiting', 'calls_notices_media')),
  orientation TEXT NOT NULL CHECK (orientation IN ('landscape', 'portrait')),
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX display_layouts_change ON display_layouts (change_seq);
