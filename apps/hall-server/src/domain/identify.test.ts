import { describe, expect, it } from 'vitest';
import {
  billBarcode,
  checkIdNumber,
  idCheckChar,
  idLast4,
  luhnCheckDigit,
  parseScan,
  spendIdentityToken,
} from './identify';

// 11010519491231002X is GB 11643's own example; the others are made with its check character.
const ID = '11010519491231002X';
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('bill barcodes and QR codes', () => {
  it.each([
    ['7992739871', 3],
    ['3100012345202611', luhnCheckDigit('3100012345202611')],
    ['0', 0],
  ])('the Luhn check digit of %s is %s', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });

  const bill = billBarcode('3100012345', '2026-11');
  it.each([
    [bill, { kind: 'bill', accountNo: '3100012345', billMonth: '2026-11' }],
    [` ${bill}\n`, { kind: 'bill', accountNo: '3100012345', billMonth: '2026-11' }],
    [billBarcode('123456', '2025-01'), { kind: 'bill', accountNo: '123456', billMonth: '2025-01' }],
    ['3100012345', { kind: 'account', accountNo: '3100012345' }],
    [
      'https://pay.example.cn/bill?account=3100012345&m=202611',
      { kind: 'url', accountNo: '3100012345' },
    ],
    ['http://95598.example/q?acct=123456', { kind: 'url', accountNo: '123456' }],
    [
      'HTTPS://x.example/?accountNo=31000123450000000001',
      { kind: 'url', accountNo: '31000123450000000001' },
    ],
  ])('reads %j', (raw, scan) => {
    expect(parseScan(raw)).toEqual({ ok: true, value: scan });
  });

  const wrongCheck = bill.slice(0, -1) + String((Number(bill.slice(-1)) + 1) % 10);
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [wrongCheck, 'check digit'],
    [`B3100012345202613${luhnCheckDigit('3100012345202613')}`, 'bill month'],
    [`B3100012345202600${luhnCheckDigit('3100012345202600')}`, 'bill month'],
    ['B12345', 'unknown format'],
    ['12345', 'unknown format'],
    ['310001234500000000012', 'unknown format'],
    ['A023', 'unknown format'],
    ['hello world', 'unknown format'],
    ['javascript:alert(1)', 'unknown format'],
    ['https://pay.example.cn/bill?m=202611', 'URL without an account number'],
    ['https://pay.example.cn/bill?account=12ab', 'account number in the URL'],
    ['https://pay.example.cn/bill?account=', 'account number in the URL'],
    ['https://[bad', 'not a URL'],
    [ID, 'an ID card number'],
    [ID.toLowerCase(), 'an ID card number'],
    [withCheck('44030619900307123'), 'an ID card number'],
  ])('refuses %j (%s) without repeating it', (raw, detail) => {
    const r = parseScan(raw);
    expect(r).toEqual({ ok: false, code: 'scan_unreadable', detail });
  });
});

describe('resident ID numbers (GB 11643)', () => {
  it.each([
    [ID, ID],
    [ID.toLowerCase(), ID],
    [` ${ID} `, ID],
    [withCheck('44030619900307123'), withCheck('44030619900307123')],
    [withCheck('51010820000229001'), withCheck('51010820000229001')], // 29 Feb 2000
  ])('accepts %s', (raw, idNumber) => {
    expect(checkIdNumber(raw)).toEqual({ ok: true, idNumber });
  });

  it.each([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002XX', 'length'],
    ['1101051949123100Y2', 'characters'],
    ['X10105194912310020', 'characters'],
    [withCheck('11010519491332002'), 'birth_date'], // month 13
    [withCheck('51010819000229001'), 'birth_date'], // 1900 had no 29 February
    [withCheck('11010518001231002'), 'birth_date'], // 1800
    ['110105194912310021', 'checksum'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkIdNumber(raw)).toEqual({ ok: false, problem });
  });

  it('keeps only the last four for the admin', () => {
    expect(idLast4(ID)).toBe('002X');
  });
});

describe('identity tokens', () => {
  const row = { deviceId: 'kiosk-1', accountNo: '3100012345', expiresAt: 1000, usedAt: null };
  it.each([
    [
      'its own device, in time',
      row,
      'kiosk-1',
      999,
      { ok: true, value: { accountNo: '3100012345' } },
    ],
    [
      'unknown',
      undefined,
      'kiosk-1',
      0,
      { ok: false, code: 'identity_expired', detail: 'unknown token' },
    ],
    [
      'another device',
      row,
      'kiosk-2',
      0,
      { ok: false, code: 'identity_expired', detail: 'another device’s token' },
    ],
    [
      'used',
      { ...row, usedAt: 10 },
      'kiosk-1',
      11,
      { ok: false, code: 'identity_expired', detail: 'used' },
    ],
    ['expired', row, 'kiosk-1', 1000, { ok: false, code: 'identity_expired', detail: 'expired' }],
  ])('%s', (_what, r, device, now, result) => {
    expect(spendIdentityToken(r, device, now)).toEqual(result);
  });
});
