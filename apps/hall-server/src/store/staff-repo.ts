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
  const failure = db.prepare('UPDATE staff SET failed_sign_ins = ?, locked_until = ? WHERE id = ?');
  const lockState = db.prepare('SELECT failed_sign_ins, locked_until FROM staff WHERE id = ?');
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
    /** A new PIN also clears any sign-in lock. */
    setPin(staffId: string, pinHash: string, changeSeq: number): void {
      setPin.run(pinHash, changeSeq, staffId);
    },
    setSignInFailures(staffId: string, failures: number, lockedUntil: number | null): void {
      failure.run(failures, lockedUntil, staffId);
    },
    /**
     * Counts a sign-in attempt before its PIN is checked, in one synchronous step, so attempts
     * sent at once are counted one after another. Refused while the staff number is locked;
     * the attempt that reaches the lock's threshold sets it. A right PIN resets the count.
     */
    countSignInAttempt(
      staffId: string,
      now: number,
      lockMs: (attempts: number) => number,
    ): { admitted: true } | { admitted: false; lockedUntil: number } {
      const r = lockState.get(staffId) as Row | undefined;
      if (!r) return { admitted: false, lockedUntil: now };
      const lockedUntil = numOrNull(r.locked_until);
      if (lockedUntil !== null && lockedUntil > now) return { admitted: false, lockedUntil };
      const attempts = num(r.failed_sign_ins) + 1;
      const lock = lockMs(attempts);
      failure.run(attempts, lock > 0 ? now + lock : null, staffId);
      return { admitted: true };
    },
  };
}
export type StaffRepo = ReturnType<typeof createStaffRepo>;
