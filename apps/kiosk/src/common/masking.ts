/** How an entered number shows on a screen others can see: 138****5678, ******0002. */
export function maskForScreen(kind: 'phone' | 'accountNo', value: string): string {
  if (kind === 'phone') {
    return value.length <= 7
      ? value
      : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
  }
  return value.length <= 4 ? value : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

export const isPhone = (v: string) => /^1\d{10}$|^0\d{9,11}$/.test(v);
export const isAccountNo = (v: string) => /^\d{6,20}$/.test(v);
