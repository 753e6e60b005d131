import {
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

// Device and session tokens are random and stored only as SHA-256 hashes. PINs are short, so
// they are stored with scrypt, a memory-hard hash (32 MiB per check), and sign-in is throttled.

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLen: 32, maxmem: 64 * 1024 * 1024 };

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newPairingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function scryptAsync(pin: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, SCRYPT.keyLen, { N, r, p, maxmem: SCRYPT.maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(
    pin,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** After 5 failures in a row a staff number is locked, doubling from 30 s up to 15 min. */
export function lockoutMs(consecutiveFailures: number): number {
  if (consecutiveFailures < 5) return 0;
  return Math.min(15 * 60_000, 30_000 * 2 ** (consecutiveFailures - 5));
}

/** Spends the time of a PIN check without checking anything. */
export async function hashPinNever(pin: string): Promise<void> {
  await scryptAsync(pin, Buffer.alloc(16), SCRYPT.N, SCRYPT.r, SCRYPT.p);
}

/**
 * The token in a ticket's QR code: an HMAC of the ticket id under the hall's own key, so the
 * phone page can show that one ticket and nobody can guess another's.
 */
export function statusToken(key: Buffer, ticketId: string): string {
  return createHmac('sha256', key).update(ticketId).digest('base64url').slice(0, 22);
}

export function isStatusToken(key: Buffer, ticketId: string, token: string): boolean {
  const expected = Buffer.from(statusToken(key, ticketId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What the hall keeps of a resident ID card number (docs/customer-identification.md): the
 * key's id and an HMAC-SHA256 of the number under the ID card key (app/id-card-key.ts), which
 * lives outside the database and its backups — so the number cannot be recovered, compared with
 * another hall's records or matched from a copy of the database, yet the same card read again
 * finds the same customer. A digest under another key (a lost key file, or one from before the
 * key left the database: 64 hex digits, no id) matches nothing and is told as such.
 */
export function idCardHmac(card: { key: Buffer; id: string }, idNumber: string): string {
  return `${card.id}:${createHmac('sha256', card.key).update(idNumber).digest('hex')}`;
}

export function newAppointmentCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
