import type { StaffRole } from '@onestop/shared';

// Stand-in for the shared PIN-strength rule (issue 14, access): replaced by the contract's
// `pinProblem` once it exists. An admin's PIN: 6 to 12 digits, not one digit repeated, not a
// run up or down, not the staff number.

export function pinProblem(
  pin: string,
  roles: readonly StaffRole[],
  staffNo: string,
): string | null {
  const min = roles.includes('admin') || roles.includes('duty_leader') ? 6 : 4;
  if (!/^\d+$/.test(pin)) return 'a PIN is digits only';
  if (pin.length < min || pin.length > 12) return `this PIN must have ${min} to 12 digits`;
  if (/^(\d)\1+$/.test(pin)) return 'a PIN may not be one digit repeated';
  const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'a PIN may not be a run of digits';
  if (pin === staffNo || pin.includes(staffNo)) return 'a PIN may not contain the staff number';
  return null;
}
