import type { Db } from './db';
import { recordTable } from './record-table';
import { cases } from './records';

/** First handlers' cases, owned until closed, across days. */
export function createCasesRepo(db: Db) {
  const table = recordTable(db, cases);
  // Numbers are `YYYYMMDD-NNN`; '.' sorts right after '-', so this range is one day's numbers.
  const countOfDay = db
    .prepare<[string, string], number>('SELECT count(*) FROM cases WHERE number > ? AND number < ?')
    .pluck();
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    openOwnedBy: table.select<[string]>(
      "WHERE owner_staff_id = ? AND state = 'open' ORDER BY due_at",
    ),
    /** Open, or closed since `from`. */
    /** 承诺 on the phone page: the cases opened from one visit (a few at most). */
    ofTicket: table.select<[string]>('WHERE ticket_id = ? ORDER BY opened_at LIMIT 20'),
    current: table.select<[number]>("WHERE state = 'open' OR closed_at >= ? ORDER BY opened_at"),
    /** A customer's cases by account number or phone: open ones first, then the latest. */
    ofCustomer: table.select<[{ accountNo: string | null; phone: string | null }]>(
      `WHERE customer_account_no = @accountNo OR customer_phone = @phone
      ORDER BY state = 'open' DESC, opened_at DESC LIMIT 20`,
    ),
    countOfDay(compactDay: string): number {
      return countOfDay.get(`${compactDay}-`, `${compactDay}.`) ?? 0;
    },
  };
}
