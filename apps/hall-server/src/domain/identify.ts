import { accept, reject, type Result } from './result';

// Customer identification (docs/customer-identification.md): what a scanner or a card reader
// gives, read into the customer's account number or checked as a resident ID number. Pure:
// the hall's secret, the store and the clock are the caller's.

/** What a scanned code was read as. */
export type Scan =
  | { kind: 'bill'; accountNo: string; billMonth: string }
  | { kind: 'url'; accountNo: string }
  | { kind: 'account'; accountNo: string };

const ACCOUNT = /^\d{6,20}$/;
/** `B` + account number (6–20 digits) + bill month YYYYMM + one check digit. */
const BILL = /^B(\d{6,20})(\d{4})(\d{2})(\d)$/;
/** The query parameters a QR code's URL may carry the account number in. */
const URL_KEYS = ['account', 'accountNo', 'acct'];

/** The Luhn (mod 10) check digit of `digits`, as bank cards and many bills print it. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every other digit starting with the rightmost is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The bill barcode for an account and month (for tests, demos and the docs' examples). */
export function billBarcode(accountNo: string, billMonth: string): string {
  const digits = accountNo + billMonth.replace('-', '');
  return `B${digits}${luhnCheckDigit(digits)}`;
}

/**
 * A scanned code read into an account number, or refused with why (`scan_unreadable`, in
 * words that never repeat the code: it may be someone's ID number scanned by mistake).
 */
export function parseScan(raw: string): Result<Scan> {
  const value = raw.trim();
  if (value === '') return reject('scan_unreadable', 'empty');
  if (looksLikeIdNumber(value)) return reject('scan_unreadable', 'an ID card number');
  const bill = BILL.exec(value);
  if (bill) {
    const [, accountNo = '', year = '', month = '', check = ''] = bill;
    if (Number(month) < 1 || Number(month) > 12) return reject('scan_unreadable', 'bill month');
    if (luhnCheckDigit(accountNo + year + month) !== Number(check)) {
      return reject('scan_unreadable', 'check digit');
    }
    return accept({ kind: 'bill', accountNo, billMonth: `${year}-${month}` });
  }
  if (ACCOUNT.test(value)) return accept({ kind: 'account', accountNo: value });
  if (/^https?:\/\//i.test(value)) return accountFromUrl(value);
  return reject('scan_unreadable', 'unknown format');
}

function accountFromUrl(value: string): Result<Scan> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return reject('scan_unreadable', 'not a URL');
  }
  for (const key of URL_KEYS) {
    const accountNo = url.searchParams.get(key);
    if (accountNo !== null) {
      return ACCOUNT.test(accountNo)
        ? accept({ kind: 'url', accountNo })
        : reject('scan_unreadable', 'account number in the URL');
    }
  }
  return reject('scan_unreadable', 'URL without an account number');
}

// ---- Resident ID numbers (GB 11643-1999)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of an ID number's first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11]!;
}

function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'checksum';

/**
 * An 18-character resident ID number checked: the digits, the birth date it carries and its
 * check character; a lower-case x is read as X. The refusal names the problem, never the number.
 */
export function checkIdNumber(
  raw: string,
): { ok: true; idNumber: string } | { ok: false; problem: IdNumberProblem } {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
  if (!isBirthDate(value.slice(6, 14))) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, idNumber: value };
}

/** A scanned value that is a valid ID number is refused as one, never read as an account. */
function looksLikeIdNumber(value: string): boolean {
  return checkIdNumber(value).ok;
}

/** The last four characters, all the admin's screen ever shows of a registered ID number. */
export const idLast4 = (idNumber: string): string => idNumber.slice(-4);

// ---- Identity tokens

/** How long a kiosk may hold an identification before taking its number. */
export const IDENTITY_TOKEN_TTL_MS = 5 * 60_000;

export interface IdentityTokenRow {
  deviceId: string;
  accountNo: string;
  expiresAt: number;
  usedAt: number | null;
}

/**
 * Whether a device may spend an identity token now: its own, unexpired, unused. Every refusal
 * is the same to the caller (`identity_expired`); the detail is for the hall's log.
 */
export function spendIdentityToken(
  row: IdentityTokenRow | undefined,
  deviceId: string,
  now: number,
): Result<{ accountNo: string }> {
  if (!row) return reject('identity_expired', 'unknown token');
  if (row.deviceId !== deviceId) return reject('identity_expired', 'another device’s token');
  if (row.usedAt !== null) return reject('identity_expired', 'used');
  if (now >= row.expiresAt) return reject('identity_expired', 'expired');
  return accept({ accountNo: row.accountNo });
}
