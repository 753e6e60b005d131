-- Issue 19, item 5: customer identification (docs/customer-identification.md).
-- A customer's resident ID card number is never stored: only its HMAC-SHA256 under the hall's
-- own secret (to find the account when the kiosk's reader reads the card) and its last four
-- characters (the admin's "registered …1234"). Neither is in the customer record that syncs.
ALTER TABLE customers ADD COLUMN id_card_hmac TEXT;
ALTER TABLE customers ADD COLUMN id_card_last4 TEXT
  CHECK (id_card_last4 IS NULL OR length(id_card_last4) = 4);
CREATE UNIQUE INDEX customers_id_card ON customers (id_card_hmac) WHERE id_card_hmac IS NOT NULL;

-- Identity tokens a device was given by `customer:identify`, spent by `ticket:issue` on the
-- same device within minutes, once. Only the token's SHA-256 is kept. Hall-local, never synced.
CREATE TABLE identity_tokens (
  token_hash TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  account_no TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;
CREATE INDEX identity_tokens_expiry ON identity_tokens (expires_at);
