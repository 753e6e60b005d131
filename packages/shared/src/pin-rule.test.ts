import { describe, expect, it } from 'vitest';
import { pinProblem, SignInPin, type PinProblem } from './pin-rule';
import type { StaffRole } from './model';

const clerk: StaffRole[] = ['clerk'];
const admin: StaffRole[] = ['admin'];
const leader: StaffRole[] = ['duty_leader', 'clerk'];

describe('pinProblem', () => {
  it.each<[string, StaffRole[], string, PinProblem | null]>([
    ['4826', clerk, '1001', null],
    ['482619730512', clerk, '1001', null],
    ['482', clerk, '1001', 'too_short'],
    ['4826193705124', clerk, '1001', 'too_long'],
    ['48a6', clerk, '1001', 'not_digits'],
    ['', clerk, '1001', 'not_digits'],
    ['4826', admin, '9000', 'too_short'],
    ['48261', leader, '8001', 'too_short'],
    ['482619', admin, '9000', null],
    ['482619', leader, '8001', null],
    ['1111', clerk, '1001', 'one_digit'],
    ['000000', admin, '9000', 'one_digit'],
    ['1234', clerk, '1001', 'straight_run'],
    ['123456', admin, '9000', 'straight_run'],
    ['987654', admin, '9000', 'straight_run'],
    ['890123', admin, '9000', 'straight_run'],
    ['135790', admin, '9000', null],
    ['1001', clerk, '1001', 'staff_no'],
    ['90000000', admin, '90000000', 'staff_no'],
  ])('%s for %j (staff number %s) → %s', (pin, roles, staffNo, problem) => {
    expect(pinProblem(pin, { staffNo, roles })).toBe(problem);
  });
});

describe('SignInPin', () => {
  it.each([
    ['1001', true],
    ['482619730512', true],
    ['123', false],
    ['4826193705124', false],
    ['12a4', false],
  ])('%s → %s', (pin, valid) => {
    expect(SignInPin.safeParse(pin).success).toBe(valid);
  });
});
