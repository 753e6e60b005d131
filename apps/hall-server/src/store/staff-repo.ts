import type { Staff } from '@onestop/shared';
import type { Db } from './db';
import { field, type SqlRow } from './fields';
import { recordTable } from './record-table';
import { staff as staffKind } from './records';

// Read beside the record at sign-in (not part of it: they never leave the server).
const pinHash = field.text('pin_hash');
const failedSignIns = field.int('failed_sign_ins');
const lockedUntil = field.intOrNull('locked_until');

export interface StaffCredentials {
  staff: Staff;
  pinHash: string;
  failedSignIns: number;
  lockedUntil: number | null;
}

export function createStaffRepo(db: Db) {
  const table = recordTable(db, staffKind);
  const byNo = db.prepare<[string], SqlRow>('SELECT * FROM staff WHERE staff_no = ?');
  const lockState = db.prepare<[string, string], { failures: number; locked_until: number | null }>(
    'SELECT failures, locked_until FROM sign_in_locks WHERE staff_no = ? AND device_id = ?',
  );
  const saveLock = db.prepare<
    [string, string, number, number | null, number]
  >(`INSERT INTO sign_in_locks (staff_no, device_id, failures, locked_until, last_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (staff_no, device_id) DO UPDATE
    SET failures = excluded.failures, locked_until = excluded.locked_until, last_at = excluded.last_at`);
  const clearLock = db.prepare<[string, string]>(
    'DELETE FROM sign_in_locks WHERE staff_no = ? AND device_id = ?',
  );
  const clearLocksOf = db.prepare<[string]>(
    'DELETE FROM sign_in_locks WHERE staff_no = (SELECT staff_no FROM staff WHERE id = ?)',
  );
  const pruneLocks = db.prepare<[number, number]>(
    'DELETE FROM sign_in_locks WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)',
  );
  const setPin = db.prepare<[string, number, string]>(
    'UPDATE staff SET pin_hash = ?, failed_sign_ins = 0, locked_until = NULL, change_seq = ? WHERE id = ?',
  );

  return {
    all: table.select('ORDER BY staff_no'),
    byId: table.byKey,
    changedSince: table.changedSince,
    credentials(staffNo: string): StaffCredentials | undefined {
      const r = byNo.get(staffNo);
      if (!r) return undefined;
      return {
        staff: staffKind.codec.read(r),
        pinHash: pinHash.read(r),
        failedSignIns: failedSignIns.read(r),
        lockedUntil: lockedUntil.read(r),
      };
    },
    insert(staff: Staff, pinHash: string, changeSeq: number): void {
      table.insert({ ...staff, changeSeq }, { pin_hash: pinHash });
    },
    update: table.update,
    /** A new PIN also clears the staff number's sign-in locks on every desk. */
    setPin(staffId: string, pinHash: string, changeSeq: number): void {
      setPin.run(pinHash, changeSeq, staffId);
      clearLocksOf.run(staffId);
    },
    /** Failures in a row for a typed staff number on one desk (0 when none or after a right PIN). */
    signInFailures(staffNo: string, deskKey: string): number {
      return lockState.get(staffNo, deskKey)?.failures ?? 0;
    },
    /** A right PIN on a desk clears that desk's count for the number (not other desks'). */
    clearSignInFailures(staffNo: string, deskKey: string): void {
      clearLock.run(staffNo, deskKey);
    },
    /**
     * Counts a sign-in attempt for a typed staff number (known or not) on one desk before its PIN
     * is checked, in one synchronous step, so attempts sent at once are counted one after
     * another. Refused while that (number, desk) is locked; the attempt that reaches the lock's
     * threshold sets it. Other desks are not affected: one desk cannot lock a colleague out.
     */
    countSignInAttempt(
      staffNo: string,
      deskKey: string,
      now: number,
      lockMs: (attempts: number) => number,
    ): { admitted: true } | { admitted: false; lockedUntil: number } {
      const r = lockState.get(staffNo, deskKey);
      const lockedUntil = r?.locked_until ?? null;
      if (lockedUntil !== null && lockedUntil > now) return { admitted: false, lockedUntil };
      const attempts = (r?.failures ?? 0) + 1;
      const lock = lockMs(attempts);
      saveLock.run(staffNo, deskKey, attempts, lock > 0 ? now + lock : null, now);
      pruneLocks.run(now - 24 * 3_600_000, now); // a day without tries forgets a (number, desk)
      return { admitted: true };
    },
  };
}
export type StaffRepo = ReturnType<typeof createStaffRepo>;
