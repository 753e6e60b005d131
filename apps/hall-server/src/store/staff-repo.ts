import type { Staff } from '@onestop/shared';
import type { Db } from './db';
import { bool, int, json, num, numOrNull, str, strOrNull, type Row } from './rows';

export interface StaffCredentials {
  staff: Staff;
  pinHash: string;
  failedSignIns: number;
  lockedUntil: number | null;
}

function toStaff(r: Row): Staff {
  return {
    id: str(r.id),
    staffNo: str(r.staff_no),
    name: str(r.name),
    roles: json<Staff['roles']>(r.roles),
    photoUrl: strOrNull(r.photo_url),
    active: bool(r.active),
    changeSeq: num(r.change_seq),
  };
}

export function createStaffRepo(db: Db) {
  const all = db.prepare('SELECT * FROM staff ORDER BY staff_no');
  const byId = db.prepare('SELECT * FROM staff WHERE id = ?');
  const byNo = db.prepare('SELECT * FROM staff WHERE staff_no = ?');
  const since = db.prepare('SELECT * FROM staff WHERE change_seq > ?');
  const insert =
    db.prepare(`INSERT INTO staff (id, staff_no, name, roles, photo_url, pin_hash, active, change_seq)
    VALUES (@id, @staffNo, @name, @roles, @photoUrl, @pinHash, @active, @changeSeq)`);
  const lockState = db.prepare(
    'SELECT failures, locked_until FROM sign_in_locks WHERE staff_no = ? AND device_id = ?',
  );
  const saveLock =
    db.prepare(`INSERT INTO sign_in_locks (staff_no, device_id, failures, locked_until, last_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (staff_no, device_id) DO UPDATE
    SET failures = excluded.failures, locked_until = excluded.locked_until, last_at = excluded.last_at`);
  const clearLock = db.prepare('DELETE FROM sign_in_locks WHERE staff_no = ? AND device_id = ?');
  const clearLocksOf = db.prepare(
    'DELETE FROM sign_in_locks WHERE staff_no = (SELECT staff_no FROM staff WHERE id = ?)',
  );
  const pruneLocks = db.prepare(
    'DELETE FROM sign_in_locks WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)',
  );
  const update = db.prepare(`UPDATE staff SET staff_no = @staffNo, name = @name, roles = @roles,
    photo_url = @photoUrl, active = @active, change_seq = @changeSeq WHERE id = @id`);
  const setPin = db.prepare(
    'UPDATE staff SET pin_hash = ?, failed_sign_ins = 0, locked_until = NULL, change_seq = ? WHERE id = ?',
  );

  return {
    all: (): Staff[] => (all.all() as Row[]).map(toStaff),
    byId: (id: string): Staff | undefined => {
      const r = byId.get(id) as Row | undefined;
      return r && toStaff(r);
    },
    changedSince: (seq: number): Staff[] => (since.all(seq) as Row[]).map(toStaff),
    credentials(staffNo: string): StaffCredentials | undefined {
      const r = byNo.get(staffNo) as Row | undefined;
      if (!r) return undefined;
      return {
        staff: toStaff(r),
        pinHash: str(r.pin_hash),
        failedSignIns: num(r.failed_sign_ins),
        lockedUntil: numOrNull(r.locked_until),
      };
    },
    insert(staff: Staff, pinHash: string, changeSeq: number): void {
      insert.run({
        ...staff,
        roles: JSON.stringify(staff.roles),
        pinHash,
        active: int(staff.active),
        changeSeq,
      });
    },
    update(staff: Staff, changeSeq: number): Staff {
      const saved = { ...staff, changeSeq };
      update.run({ ...saved, roles: JSON.stringify(saved.roles), active: int(saved.active) });
      return saved;
    },
    /** A new PIN also clears the staff number's sign-in locks on every desk. */
    setPin(staffId: string, pinHash: string, changeSeq: number): void {
      setPin.run(pinHash, changeSeq, staffId);
      clearLocksOf.run(staffId);
    },
    /** Failures in a row for a typed staff number on one desk (0 when none or after a right PIN). */
    signInFailures(staffNo: string, deskKey: string): number {
      const r = lockState.get(staffNo, deskKey) as Row | undefined;
      return r ? num(r.failures) : 0;
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
      const r = lockState.get(staffNo, deskKey) as Row | undefined;
      const lockedUntil = r ? numOrNull(r.locked_until) : null;
      if (lockedUntil !== null && lockedUntil > now) return { admitted: false, lockedUntil };
      const attempts = (r ? num(r.failures) : 0) + 1;
      const lock = lockMs(attempts);
      saveLock.run(staffNo, deskKey, attempts, lock > 0 ? now + lock : null, now);
      pruneLocks.run(now - 24 * 3_600_000, now); // a day without tries forgets a (number, desk)
      return { admitted: true };
    },
  };
}
export type StaffRepo = ReturnType<typeof createStaffRepo>;
