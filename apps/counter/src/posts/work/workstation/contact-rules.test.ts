import { describe, expect, it } from 'vitest';
import { accountNoOk, digitsOnly, longEnough, phoneOk } from './contact-rules';

// The workstation's dialogs keep confirm off while a contact field is wrong (walk-in, case).

describe('phoneOk', () => {
  it.each([
    ['', true],
    ['13800138000', true],
    ['1380013800', false],
    ['138001380001', false],
    ['0105551234', true],
    ['075512345678', true],
    ['0755123456789', false],
    ['23800138000', false],
  ])('%j → %s', (phone, ok) => {
    expect(phoneOk(phone)).toBe(ok);
  });
});

describe('accountNoOk', () => {
  it.each([
    ['', true],
    ['12345', false],
    ['123456', true],
    ['1'.repeat(20), true],
    ['1'.repeat(21), false],
  ])('%j → %s', (accountNo, ok) => {
    expect(accountNoOk(accountNo)).toBe(ok);
  });
});

describe('digitsOnly and longEnough', () => {
  it.each([
    ['138-0013 8000', '13800138000'],
    ['abc', ''],
    ['０１', ''],
  ])('digitsOnly(%j) → %j', (typed, digits) => {
    expect(digitsOnly(typed)).toBe(digits);
  });

  it.each([
    ['', false],
    [' a ', false],
    ['ab', true],
    ['  复印  ', true],
  ])('longEnough(%j) → %s', (text, ok) => {
    expect(longEnough(text)).toBe(ok);
  });
});
