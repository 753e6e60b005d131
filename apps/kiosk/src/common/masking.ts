import { AccountNo, Phone } from '@onestop/shared';

// What the keypad entry shows on a screen others can see. Masked while typing, so a number is
// never whole on the screen: a phone hides its 4th–7th digits (138****5678), an account number
// everything between its first two and last four digits (31****0001).

export type EntryKind = 'phone' | 'accountNo';

export function maskEntry(kind: EntryKind, value: string): string {
  const chars = [...value];
  const hidden =
    kind === 'phone'
      ? (i: number) => i >= 3 && i <= 6
      : (i: number) => i >= 2 && i < chars.length - 4;
  return chars.map((c, i) => (hidden(i) ? '*' : c)).join('');
}

/** The contract's own rules decide what is a phone or an account number. */
export const isPhone = (v: string) => Phone.safeParse(v).success;
export const isAccountNo = (v: string) => AccountNo.safeParse(v).success;

/** Empty is fine (identity is optional); anything typed must be whole. */
export function entryProblem(
  kind: EntryKind,
  value: string,
): 'invalidPhone' | 'invalidAccount' | null {
  if (value === '') return null;
  if (kind === 'phone') return isPhone(value) ? null : 'invalidPhone';
  return isAccountNo(value) ? null : 'invalidAccount';
}
