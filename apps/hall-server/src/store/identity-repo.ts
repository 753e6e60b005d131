import type { IdentityTokenRow } from '../domain/identify';
import type { Db } from './db';

// Customer identification's storage (migration 023): the ID card registered on a customer (its
// HMAC and last four, outside the synced customer record) and the identity tokens devices hold.

export function createIdentityRepo(db: Db) {
  const holder = db
    .prepare<[string], string>('SELECT account_no FROM customers WHERE id_card_hmac = ?')
    .pluck();
  const setCard = db.prepare<{ accountNo: string; hmac: string | null; last4: string | null }>(
    'UPDATE customers SET id_card_hmac = @hmac, id_card_last4 = @last4 WHERE account_no = @accountNo',
  );
  // A digest is `<key id>:<hmac>`; one under another key (or from before keys had ids) is stale.
  const last4Of = db.prepare<[string, string], { accountNo: string; last4: string; ours: 0 | 1 }>(
    `SELECT account_no AS accountNo, id_card_last4 AS last4,
        substr(id_card_hmac, 1, 9) = ? || ':' AS ours FROM customers
      WHERE account_no IN (SELECT value FROM json_each(?)) AND id_card_last4 IS NOT NULL`,
  );
  const staleCount = db
    .prepare<[string], number>(
      `SELECT count(*) FROM customers
        WHERE id_card_hmac IS NOT NULL AND substr(id_card_hmac, 1, 9) IS NOT ? || ':'`,
    )
    .pluck();
  const insertToken = db.prepare<{
    tokenHash: string;
    deviceId: string;
    accountNo: string;
    createdAt: number;
    expiresAt: number;
  }>(
    `INSERT INTO identity_tokens (token_hash, device_id, account_no, created_at, expires_at)
      VALUES (@tokenHash, @deviceId, @accountNo, @createdAt, @expiresAt)`,
  );
  const tokenByHash = db.prepare<[string], IdentityTokenRow>(
    `SELECT device_id AS deviceId, account_no AS accountNo, expires_at AS expiresAt,
      used_at AS usedAt FROM identity_tokens WHERE token_hash = ?`,
  );
  const useToken = db.prepare<[number, string]>(
    'UPDATE identity_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  );
  const prune = db.prepare<[number]>('DELETE FROM identity_tokens WHERE expires_at < ?');
  return {
    /** The account whose registered ID card has this HMAC. */
    idCardHolder: (hmac: string): string | undefined => holder.get(hmac),
    /** Registers (or with nulls removes) a customer's ID card; false when no such customer. */
    setIdCard: (accountNo: string, hmac: string | null, last4: string | null): boolean =>
      setCard.run({ accountNo, hmac, last4 }).changes === 1,
    /**
     * These accounts' registered cards: the last four of those under the key `keyId` (null: no
     * key), and the accounts whose card was registered under another key (matching nothing).
     */
    idCards(
      accountNos: string[],
      keyId: string | null,
    ): { last4: Record<string, string>; otherKey: string[] } {
      const rows = last4Of.all(keyId ?? '', JSON.stringify(accountNos));
      return {
        last4: Object.fromEntries(rows.filter((r) => r.ours).map((r) => [r.accountNo, r.last4])),
        otherKey: rows.filter((r) => !r.ours).map((r) => r.accountNo),
      };
    },
    /** How many customers' cards were registered under another key than `keyId` (null: none). */
    idCardsUnderOtherKey: (keyId: string | null): number => staleCount.get(keyId ?? '') ?? 0,
    addToken: (row: {
      tokenHash: string;
      deviceId: string;
      accountNo: string;
      createdAt: number;
      expiresAt: number;
    }) => void insertToken.run(row),
    token: (tokenHash: string): IdentityTokenRow | undefined => tokenByHash.get(tokenHash),
    spendToken: (tokenHash: string, now: number) => void useToken.run(now, tokenHash),
    /** Tokens expired before `before` are of no use to anyone: gone. */
    pruneTokens: (before: number) => void prune.run(before),
  };
}
