// A staff member's sign-in on any staff screen (workstation, pad, back office, console, guide
// desk): a staff number and a PIN of 4–8 digits. The hall server checks them; the screen only
// keeps the button off until both could be right.

export const PIN_MAX_LENGTH = 8;

/** The staff number as typed, without spaces around it. */
export function staffNoOf(typed: string): string {
  return typed.trim();
}

/** A PIN as typed: digits only, at most eight. */
export function pinOf(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH);
}

/** Whether the sign-in button may send: a staff number and a PIN of 4–8 digits. */
export function credentialsReady(staffNo: string, pin: string): boolean {
  return staffNoOf(staffNo).length > 0 && /^\d{4,8}$/.test(pin);
}
