import type { Device, DeviceKind, StaffSession } from '@onestop/shared';
import type { Db } from './db';
import { num, numOrNull, str, strOrNull, type Row } from './rows';

function toDevice(r: Row): Device {
  return {
    id: str(r.id),
    name: str(r.name),
    kind: str(r.kind) as DeviceKind,
    counterId: strOrNull(r.counter_id),
    pairedAt: num(r.paired_at),
    revokedAt: numOrNull(r.revoked_at),
    lastSeenAt: numOrNull(r.last_seen_at),
    changeSeq: num(r.change_seq),
  };
}

function toSession(r: Row): StaffSession {
  return {
    id: str(r.id),
    staffId: str(r.staff_id),
    deviceId: str(r.device_id),
    counterId: strOrNull(r.counter_id),
    startedAt: num(r.started_at),
    endedAt: numOrNull(r.ended_at),
    changeSeq: num(r.change_seq),
  };
}

/** A session with when its staff member last sent a command (hall-local, never sent up). */
export interface SessionActivity {
  session: StaffSession;
  lastActiveAt: number;
  /** Its clerk has a customer called or at the counter now: a long visit is not idleness. */
  serving: boolean;
}

function toActivity(r: Row): SessionActivity {
  const session = toSession(r);
  return {
    session,
    lastActiveAt: numOrNull(r.last_active_at) ?? session.startedAt,
    serving: r.serving === 1,
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

/** Devices, their pairing codes and the staff sessions opened on them. */
export function createDevicesRepo(db: Db) {
  const all = db.prepare('SELECT * FROM devices ORDER BY name');
  const byId = db.prepare('SELECT * FROM devices WHERE id = ?');
  const byToken = db.prepare('SELECT * FROM devices WHERE token_hash = ?');
  const since = db.prepare('SELECT * FROM devices WHERE change_seq > ?');
  const insert =
    db.prepare(`INSERT INTO devices (id, name, kind, counter_id, token_hash, paired_at, change_seq)
    VALUES (@id, @name, @kind, @counterId, @tokenHash, @pairedAt, @changeSeq)`);
  const update =
    db.prepare(`UPDATE devices SET name = @name, counter_id = @counterId, revoked_at = @revokedAt,
    last_seen_at = @lastSeenAt, change_seq = @changeSeq WHERE id = @id`);
  const insertCode =
    db.prepare(`INSERT INTO pairing_codes (code, name, kind, counter_id, issued_by, expires_at)
    VALUES (@code, @name, @kind, @counterId, @issuedBy, @expiresAt)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
      counter_id = excluded.counter_id, issued_by = excluded.issued_by, expires_at = excluded.expires_at, used_at = NULL`);
  const codeByValue = db.prepare('SELECT * FROM pairing_codes WHERE code = ?');
  const useCode = db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code = ?');

  const sessionByToken = db.prepare(withServing('s.token_hash = ?'));
  const sessionById = db.prepare('SELECT * FROM staff_sessions WHERE id = ?');
  const openSessions = db.prepare(withServing('s.ended_at IS NULL'));
  const openSessionsOfStaff = db.prepare(
    'SELECT * FROM staff_sessions WHERE staff_id = ? AND ended_at IS NULL',
  );
  const touchSession = db.prepare('UPDATE staff_sessions SET last_active_at = ? WHERE id = ?');
  const sessionsSince = db.prepare('SELECT * FROM staff_sessions WHERE change_seq > ?');
  const sessionsSinceAt = db.prepare(`SELECT * FROM staff_sessions WHERE device_id = ?
    AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at`);
  const insertSession =
    db.prepare(`INSERT INTO staff_sessions (id, staff_id, device_id, counter_id, token_hash,
      started_at, change_seq) VALUES (@id, @staffId, @deviceId, @counterId, @tokenHash, @startedAt, @changeSeq)`);
  const updateSession =
    db.prepare(`UPDATE staff_sessions SET counter_id = @counterId, ended_at = @endedAt,
      change_seq = @changeSeq WHERE id = @id`);

  return {
    all: (): Device[] => (all.all() as Row[]).map(toDevice),
    byId: (id: string): Device | undefined => {
      const r = byId.get(id) as Row | undefined;
      return r && toDevice(r);
    },
    byTokenHash: (hash: string): Device | undefined => {
      const r = byToken.get(hash) as Row | undefined;
      return r && toDevice(r);
    },
    changedSince: (seq: number): Device[] => (since.all(seq) as Row[]).map(toDevice),
    insert(device: Device, tokenHash: string): void {
      insert.run({ ...device, tokenHash });
    },
    save(device: Device, changeSeq: number): Device {
      const saved = { ...device, changeSeq };
      update.run(saved);
      return saved;
    },
    savePairingCode(code: PairingCode & { issuedBy: string | null }): void {
      insertCode.run(code);
    },
    pairingCode(code: string): PairingCode | undefined {
      const r = codeByValue.get(code) as Row | undefined;
      if (!r) return undefined;
      return {
        code: str(r.code),
        name: str(r.name),
        kind: str(r.kind) as DeviceKind,
        counterId: strOrNull(r.counter_id),
        expiresAt: num(r.expires_at),
        usedAt: numOrNull(r.used_at),
      };
    },
    markPairingCodeUsed(code: string, at: number): void {
      useCode.run(at, code);
    },

    sessionByTokenHash: (hash: string): StaffSession | undefined => {
      const r = sessionByToken.get(hash) as Row | undefined;
      return r && toSession(r);
    },
    sessionById: (id: string): StaffSession | undefined => {
      const r = sessionById.get(id) as Row | undefined;
      return r && toSession(r);
    },
    openSessions: (): StaffSession[] => (openSessions.all() as Row[]).map(toSession),
    sessionActivityByTokenHash: (hash: string): SessionActivity | undefined => {
      const r = sessionByToken.get(hash) as Row | undefined;
      return r && toActivity(r);
    },
    openSessionsActivity: (): SessionActivity[] => (openSessions.all() as Row[]).map(toActivity),
    /** Not a change of the record (no change_seq): only the idle limit reads it. */
    touchSession(sessionId: string, at: number): void {
      touchSession.run(at, sessionId);
    },
    openSessionsOfStaff: (staffId: string): StaffSession[] =>
      (openSessionsOfStaff.all(staffId) as Row[]).map(toSession),
    sessionsChangedSince: (seq: number): StaffSession[] =>
      (sessionsSince.all(seq) as Row[]).map(toSession),
    /** Sessions on a device open at `at` or since (the shift log reads who was on a desk). */
    sessionsOnDeviceSince: (deviceId: string, at: number): StaffSession[] =>
      (sessionsSinceAt.all(deviceId, at) as Row[]).map(toSession),
    insertSession(session: StaffSession, tokenHash: string): void {
      insertSession.run({ ...session, tokenHash });
    },
    saveSession(session: StaffSession, changeSeq: number): StaffSession {
      const saved = { ...session, changeSeq };
      updateSession.run(saved);
      return saved;
    },
  };
}
export type DevicesRepo = ReturnType<typeof createDevicesRepo>;
