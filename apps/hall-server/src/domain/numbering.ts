/** `A` + 23 → `A023`; past 999 the number simply grows (`A1000`). */
export function formatTicketNumber(prefix: string, dailySeq: number): string {
  return `${prefix}${String(dailySeq).padStart(3, '0')}`;
}
