import { HallConfig, pinProblem, pinProblemText, type StaffRole } from '@onestop/shared';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Writes } from '../app/context';
import { demoStaff } from '../app/demo-hall';
import { defaultConfig, realHallSeed, seedHall } from '../app/seed';
import { hashPin, newPairingCode, newToken } from '../app/secrets';
import { DatabaseInUse, ensureNotInUse as ensureDatabaseNotInUse, openDatabase } from '../store/db';
import { createStore, type Store } from '../store/store';
import { findDemoCredentials } from './demo-credentials';

// `npm run setup`: a real hall in a data directory (its config and first admin, no demo
// credential), and `--remove-demo` for a directory that was a demo hall. Each prints one
// pairing code for the console, the only way in for the admin's first desk.

const DB_FILE = 'hall.sqlite';
/** Long enough to carry the code from the server room to the console the next morning. */
export const SETUP_PAIRING_CODE_TTL_MS = 24 * 3_600_000;
const CONSOLE_NAME = '值班台 Console';
const HALL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const STAFF_NO = /^\d{3,8}$/;

export class SetUpError extends Error {
  override name = 'SetUpError';
}

export interface SetUpOptions {
  dataDir: string;
  hallId: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  adminStaffNo: string;
  adminName: string;
  pin: string;
  /** The PIN typed a second time; refused when it differs. */
  pinAgain?: string;
  /** Move a hall already in the directory aside (never deleted) and set up a new one. */
  force?: boolean;
  now?: number;
}

export interface ConsolePairing {
  /** Six digits for the console's pairing screen; shown once. */
  pairingCode: string;
  expiresAt: number;
}

export interface SetUpResult extends ConsolePairing {
  database: string;
  movedAsideTo: string | null;
}

function checkPin(pin: string, pinAgain: string | undefined, roles: StaffRole[], staffNo: string) {
  if (pinAgain !== undefined && pinAgain !== pin)
    throw new SetUpError('the two PINs do not match; nothing was changed');
  const problem = pinProblem(pin, { staffNo, roles });
  if (problem) throw new SetUpError(`the admin PIN is refused: ${pinProblemText[problem].en}`);
}

function checkSetUp(o: SetUpOptions): HallConfig {
  if (!HALL_ID.test(o.hallId))
    throw new SetUpError('the hall id is lower-case letters, digits and - (e.g. hall-xuhui)');
  if (!STAFF_NO.test(o.adminStaffNo)) throw new SetUpError('the staff number is 3-8 digits');
  const name = o.adminName.trim();
  if (name.length < 1 || name.length > 40)
    throw new SetUpError("the admin's name is 1-40 characters");
  checkPin(o.pin, o.pinAgain, ['admin'], o.adminStaffNo);
  const config = HallConfig.safeParse(
    defaultConfig({
      hallId: o.hallId,
      nameZh: o.nameZh.trim(),
      nameEn: o.nameEn.trim(),
      timeZone: o.timeZone,
    }),
  );
  if (!config.success) {
    const issue = config.error.issues[0]!;
    throw new SetUpError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return config.data;
}

/** Refuses while a hall server has the database open, in set-up's words. */
function ensureNotInUse(file: string): void {
  try {
    ensureDatabaseNotInUse(file);
  } catch (err) {
    if (err instanceof DatabaseInUse) throw new SetUpError(err.message, { cause: err });
    throw err;
  }
}

function moveAside(file: string, now: number): string {
  const aside = `${file}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  return aside;
}

function issueConsoleCode(store: Store, now: number, issuedBy: string): ConsolePairing {
  const pairingCode = newPairingCode();
  const expiresAt = now + SETUP_PAIRING_CODE_TTL_MS;
  store.devices.savePairingCode({
    code: pairingCode,
    name: CONSOLE_NAME,
    kind: 'desk',
    counterId: null,
    expiresAt,
    usedAt: null,
    issuedBy,
  });
  return { pairingCode, expiresAt };
}

function audit(store: Store, now: number, command: string, payload: unknown, seq: number | null) {
  store.log.audit({
    at: now,
    deviceId: null,
    staffId: null,
    command,
    commandId: null,
    payload: JSON.stringify(payload),
    result: 'ok',
    reason: null,
    seq,
  });
}

/** Creates a real hall: config, one admin, and a console pairing code. Nothing of the demo. */
export async function setUpHall(options: SetUpOptions): Promise<SetUpResult> {
  const now = options.now ?? Date.now();
  const config = checkSetUp(options);
  mkdirSync(options.dataDir, { recursive: true });
  const database = join(options.dataDir, DB_FILE);
  let movedAsideTo: string | null = null;
  if (existsSync(database)) {
    if (!options.force)
      throw new SetUpError(
        `${options.dataDir} already holds a hall (${DB_FILE}); nothing was changed. ` +
          'Choose another --data-dir, or add --force to move it aside and set up a new one.',
      );
    ensureNotInUse(database);
    movedAsideTo = moveAside(database, now);
  }
  const db = openDatabase(database);
  try {
    const store = createStore(db);
    const adminId = `stf-${options.adminStaffNo}`;
    await seedHall(
      store,
      realHallSeed(now, config, {
        id: adminId,
        staffNo: options.adminStaffNo,
        name: options.adminName.trim(),
        pin: options.pin,
      }),
    );
    const pairing = issueConsoleCode(store, now, adminId);
    audit(store, now, 'setup:hall', { hallId: config.hallId, admin: options.adminStaffNo }, null);
    return { ...pairing, database, movedAsideTo };
  } finally {
    db.close();
  }
}

export interface RemoveDemoOptions {
  dataDir: string;
  /** The demo admin's (staff no. 9000) new PIN. */
  pin: string;
  pinAgain?: string;
  now?: number;
}

export interface RemoveDemoResult extends ConsolePairing {
  devicesRevoked: number;
  staffDisabled: number;
  adminStaffNo: string;
}

/**
 * Turns a former demo hall into a real one without losing its records: the demo devices are
 * revoked, the demo staff still on their demo PIN are disabled (with a random PIN), and the
 * demo admin gets a new PIN. Their open sessions end. One change sequence, so devices and the
 * regional center see it like every other change.
 */
export async function removeDemoCredentials(options: RemoveDemoOptions): Promise<RemoveDemoResult> {
  const now = options.now ?? Date.now();
  const database = join(options.dataDir, DB_FILE);
  if (!existsSync(database)) throw new SetUpError(`no hall in ${options.dataDir}`);
  ensureNotInUse(database);
  const db = openDatabase(database);
  try {
    const store = createStore(db);
    if (!store.hall.isInitialised()) throw new SetUpError(`no hall in ${options.dataDir}`);
    const demoAdmin = demoStaff.find((s) => s.roles.includes('admin'))!;
    const admin = store.staff.credentials(demoAdmin.staffNo)?.staff;
    if (!admin || !admin.roles.includes('admin'))
      throw new SetUpError(`staff no. ${demoAdmin.staffNo} is not this hall's admin`);
    checkPin(options.pin, options.pinAgain, admin.roles, admin.staffNo);

    const found = await findDemoCredentials(store);
    const others = found.staff.filter((no) => no !== admin.staffNo);
    const [adminHash, ...disabledHashes] = await Promise.all([
      hashPin(options.pin),
      ...others.map(() => hashPin(newToken())),
    ]);
    return db.transaction(() => {
      const seq = store.hall.state().seq + 1;
      const write = new Writes(store, seq);
      const endSessions = (match: (s: { deviceId: string; staffId: string }) => boolean) => {
        for (const s of store.devices.openSessions().filter(match))
          write.session({ ...s, endedAt: now });
      };
      for (const id of found.devices) {
        endSessions((s) => s.deviceId === id);
        write.device({ ...store.devices.byId(id)!, revokedAt: now });
      }
      others.forEach((staffNo, i) => {
        const staff = store.staff.credentials(staffNo)!.staff;
        endSessions((s) => s.staffId === staff.id);
        write.staff({ ...staff, active: false }, disabledHashes[i]!);
      });
      endSessions((s) => s.staffId === admin.id);
      write.staff({ ...admin, active: true }, adminHash!);
      store.hall.setSeq(seq);
      const pairing = issueConsoleCode(store, now, admin.id);
      audit(
        store,
        now,
        'setup:remove-demo',
        { devicesRevoked: found.devices, staffDisabled: others, admin: admin.staffNo },
        seq,
      );
      return {
        ...pairing,
        devicesRevoked: found.devices.length,
        staffDisabled: others.length,
        adminStaffNo: admin.staffNo,
      };
    })();
  } finally {
    db.close();
  }
}
