import type { Customer } from './model';

// Customer data shown on public screens and printed tickets is masked (DESIGN.md §6).

export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskAccountNo(accountNo: string): string {
  return `${'*'.repeat(Math.max(0, accountNo.length - 4))}${accountNo.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export function maskCustomer(customer: Customer): Customer {
  return {
    phone: customer.phone === null ? null : maskPhone(customer.phone),
    accountNo: customer.accountNo === null ? null : maskAccountNo(customer.accountNo),
    name: customer.name === null ? null : maskName(customer.name),
  };
}

/**
 * Free text (a reason, a note, an opinion) with every run of 7 or more digits masked: a phone
 * or account number typed into it is not shown whole in a log (issue 15 item 10).
 */
export function maskNumbersIn(text: string): string {
  return text.replace(/\d{7,}/g, (digits) =>
    /^1\d{10}$/.test(digits) ? maskPhone(digits) : maskAccountNo(digits),
  );
}
