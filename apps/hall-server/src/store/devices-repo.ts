import { DeviceKind, type Device, type StaffSession } from '@onestop/shared';
import type { Db } from './db';
import { field, type SqlRow } from './fields';
import { recordTable } from './record-table';
import { devices, staffSessions } from './records';

/** A session with when its staff member last sent a command (hall-local, never sent up). */
export interface SessionActivity {
  session: StaffSession;
  lastActiveAt: number;
  /** Its clerk has a customer called or at the counter now: a long visit is not idleness. */
  serving: boolean;
}

const lastActiveAt = field.intOrNull('last_active_at');
const serving = field.bool('serving');

function toActivity(r: SqlRow): SessionActivity {
  const session = staffSessions.codec.read(r);
  return {
    session,
    lastActiveAt: lastActiveAt.read(r) ?? session.startedAt,
    serving: serving.read(r),
  };
}

/** A session with whether its clerk is serving someone now (see SessionActivity). */
const withServing = (where: string) =>
  `SELECT s.*, EXISTS (SELECT 1 FROM tickets t WHERE t.serving_staff_id = s.staff_id
     AND t.state IN ('called', 'serving')) AS serving
   FROM staff_sessions s WHERE ${where}`;

export interface PairingCode {
  code: string;
  name: string;
  kind: DeviceKind;
  counterId: string | null;
  expiresAt: number;
  usedAt: number | null;
}

const pairingCode = field.object<PairingCode>({
  code: field.text('code'),
  name: field.text('name'),
  kind: field.enum('kind', DeviceKind),
  counterId: field.textOrNull('counter_id'),
  expiresAt: field.int('expires_at'),
  usedAt: field.intOrNull('used_at'),
});

/** Devices, their pairing codes and the staff sessions opened on them. */
export function createDevicesRepo(db: Db) {
  const table = recordTable(db, devices);
  const sessions = recordTable(db, staffSessions);
  const insertCode = db.prepare<
    [PairingCode & { issuedBy: string | null }]
  >(`INSERT INTO pairing_codes (code, name, kind, counter_id, issued_by, expires_at)
    VALUES (@code, @name, @kind, @counterId, @issuedBy, @expiresAt)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
      counter_id = excluded.counter_id, issued_by = excluded.issued_by, expires_at = excluded.expires_at, used_at = NULL`);
  const codeByValue = db.prepare<[string], SqlRow>('SELECT * FROM pairing_codes WHERE code = ?');
  const useCode = db.prepare<[number, string]>(
    'UPDATE pairing_codes SET used_at = ? WHERE code = ?',
  );
  const sessionByToken = db.prepare<[string], SqlRow>(withServing('s.token_hash = ?'));
  const openSessions = db.prepare<[], SqlRow>(withServing('s.ended_at IS NULL'));
  const touchSession = db.prepare<[number, string]>(
    'UPDATE staff_sessions SET last_active_at = ? WHERE id = ?',
  );

  return {
    all: table.select('ORDER BY name'),
    byId: table.byKey,
    byTokenHash: table.first<[string]>('WHERE token_hash = ?'),
    changedSince: table.changedSince,
    /** A newly paired device, with the hash of its token. */
    insert(device: Device, tokenHash: string): void {
      table.insert(device, { token_hash: tokenHash });
    },
    /** Its kind and pairing time stay as paired. */
    save: table.update,
    savePairingCode(code: PairingCode & { issuedBy: string | null }): void {
      insertCode.run(code);
    },
    pairingCode(code: string): PairingCode | undefined {
      const r = codeByValue.get(code);
      return r && pairingCode.read(r);
    },
    markPairingCodeUsed(code: string, at: number): void {
      useCode.run(at, code);
    },

    sessionByTokenHash(hash: string): StaffSession | undefined {
      const r = sessionByToken.get(hash);
      return r && staffSessions.codec.read(r);
    },
    sessionById: sessions.byKey,
    openSessions: (): StaffSession[] => openSessions.all().map((r) => staffSessions.codec.read(r)),
    sessionActivityByTokenHash(hash: string): SessionActivity | undefined {
      const r = sessionByToken.get(hash);
      return r && toActivity(r);
    },
    openSessionsActivity: (): SessionActivity[] => openSessions.all().map(toActivity),
    /** Not a change of the record (no change_seq): only the idle limit reads it. */
    touchSession(sessionId: string, at: number): void {
      touchSession.run(at, sessionId);
    },
    openSessionsOfStaff: sessions.select<[string]>('WHERE staff_id = ? AND ended_at IS NULL'),
    sessionsChangedSince: sessions.changedSince,
    /** Sessions on a device open at `at` or since (the shift log reads who was on a desk). */
    sessionsOnDeviceSince: sessions.select<[string, number]>(
      'WHERE device_id = ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at',
    ),
    /** A new session, with the hash of its token. */
    insertSession(session: StaffSession, tokenHash: string): void {
      sessions.insert(session, { token_hash: tokenHash });
    },
    /** Its staff member, device and start stay as opened. */
    saveSession: sessions.update,
  };
}
export type DevicesRepo = ReturnType<typeof createDevicesRepo>;
