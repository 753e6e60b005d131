// What a clerk may type as a customer's contact: empty, or a Chinese mobile (1 + 10 digits) or
// landline with its area code (0 + 9–11 digits); an account number of 6–20 digits. The server
// checks again; the screen only keeps the confirm button off while a field is wrong.

export function phoneOk(phone: string): boolean {
  return phone === '' || /^1\d{10}$|^0\d{9,11}$/.test(phone);
}

export function accountNoOk(accountNo: string): boolean {
  return accountNo === '' || /^\d{6,20}$/.test(accountNo);
}

/** Digits only, as typed or pasted (`138-0013 8000` → `13800138000`). */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}

/** A note or reason worth sending: at least two characters once trimmed. */
export function longEnough(text: string): boolean {
  return text.trim().length >= 2;
}
