import { z } from 'zod';
import type { StaffRole } from './model';

// One rule for every PIN a person chooses: admin:save-staff, admin:reset-pin and the first-run
// set-up. Sign-in accepts any 4–12 digits (the demo hall keeps its 4-digit PINs); setting a PIN
// asks more of the roles that can change the hall.

export const PIN_MAX_DIGITS = 12;
/** The roles whose PIN must be longer: they pair devices, reset PINs, override the queue. */
export const STRONG_PIN_ROLES: readonly StaffRole[] = ['admin', 'duty_leader'];

/** What a sign-in may present: 4–12 digits. */
export const SignInPin = z.string().regex(/^\d{4,12}$/, '4-12 digits');
/** A PIN being set, before the role check of `pinProblem`. */
export const NewPin = SignInPin;

export type PinProblem =
  'not_digits' | 'too_short' | 'too_long' | 'one_digit' | 'straight_run' | 'staff_no';

export function minPinDigits(roles: readonly StaffRole[]): number {
  return roles.some((r) => STRONG_PIN_ROLES.includes(r)) ? 6 : 4;
}

/** Each digit one up (or one down) from the last, wrapping 9→0: 123456, 987654, 890123. */
function isStraightRun(pin: string): boolean {
  const step = (i: number) => (Number(pin[i]) - Number(pin[i - 1]) + 10) % 10;
  const first = step(1);
  if (first !== 1 && first !== 9) return false;
  for (let i = 2; i < pin.length; i++) if (step(i) !== first) return false;
  return true;
}

/** Why `pin` may not be set for this staff member, or null when it may. */
export function pinProblem(
  pin: string,
  staff: { staffNo: string; roles: readonly StaffRole[] },
): PinProblem | null {
  if (!/^\d+$/.test(pin)) return 'not_digits';
  if (pin.length < minPinDigits(staff.roles)) return 'too_short';
  if (pin.length > PIN_MAX_DIGITS) return 'too_long';
  if (/^(\d)\1*$/.test(pin)) return 'one_digit';
  if (isStraightRun(pin)) return 'straight_run';
  if (pin === staff.staffNo) return 'staff_no';
  return null;
}

export const pinProblemText: Record<PinProblem, { en: string; zh: string }> = {
  not_digits: { en: 'a PIN is digits only', zh: '密码只能是数字' },
  too_short: {
    en: 'at least 4 digits, 6 for an admin or duty leader',
    zh: '至少 4 位,管理员和值班长至少 6 位',
  },
  too_long: { en: 'at most 12 digits', zh: '最多 12 位' },
  one_digit: { en: 'not one digit repeated', zh: '不能是同一个数字重复' },
  straight_run: { en: 'not a straight run such as 123456', zh: '不能是 123456 这样的连续数字' },
  staff_no: { en: 'not the staff number', zh: '不能与工号相同' },
};
