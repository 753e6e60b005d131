import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { ID_CARD_KEY_FILE, parseIdCardSecret } from '../app/id-card-key';
import { billBarcode, idCheckChar } from '../domain/identify';
import type { HallServer, HallServerOptions } from '../server';
import { takeBackup } from '../sync/backup';
import { restoreHall } from '../sync/restore';
import { demoStaffOn } from '../test-support/suite-hall';
import {
  connectClient,
  daytimeClock,
  hallServerOn,
  http,
  ok,
  send,
  tempDir,
  type HallClient,
} from '../test-support/hall-harness';

// The ID card key lives outside the hall database and its backups (app/id-card-key.ts,
// docs/customer-identification.md "Privacy"): made 0600 at the first registration, in no
// backup; a hall that lost it (a new machine, a data directory restored without it) says so
// loudly — start-up log, health, the admin's customer list — and finds nobody by ID card, while
// everything else works; registering the card again makes it found again.

const ID17 = '31011519850615123';
const ID_NUMBER = ID17 + idCheckChar(ID17);
const ACCOUNT = '3100000301';
const clock = daytimeClock();

const open: { servers: HallServer[]; sockets: HallClient[]; dirs: string[] } = {
  servers: [],
  sockets: [],
  dirs: [],
};
afterEach(async () => {
  for (const s of open.sockets.splice(0)) s.disconnect();
  for (const s of open.servers.splice(0)) await s.close();
  for (const d of open.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir('onestop-idkey-');
  open.dirs.push(d);
  return d;
}

/** A demo hall on `dataDir` whose log lines are kept in `lines`. */
async function hallOn(dataDir: string, options: Partial<HallServerOptions> = {}) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const server = await hallServerOn(dataDir, {
    seed: demoSeed(clock()),
    clock,
    logger,
    ...options,
  });
  open.servers.push(server);
  const admin = (await demoStaffOn(server.url, 'demo-console', '9000')).socket;
  const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
  open.sockets.push(admin, kiosk);
  return { server, admin, kiosk, lines };
}

async function register(admin: HallClient) {
  ok(
    await send(admin, 'admin:save-customer', {
      accountNo: ACCOUNT,
      name: '钱某某',
      phone: '13800002222',
      vip: false,
    }),
  );
  return ok(
    await send(admin, 'admin:register-id-card', { accountNo: ACCOUNT, idNumber: ID_NUMBER }),
  );
}

async function foundByCard(kiosk: HallClient): Promise<boolean> {
  return ok(await send(kiosk, 'customer:identify', { source: 'id_card', value: ID_NUMBER })).found;
}

async function healthCards(server: HallServer) {
  const res = await http(server.url, 'GET', '/api/v1/health');
  expect(res.status).toBe(200); // told, never a 503: the hall works without the key
  return (res.body as { data: { idCards?: unknown } }).data.idCards;
}

/** The data directory as a backup restores it: the database from a backup, nothing else. */
async function restoredWithoutKey(server: HallServer): Promise<string> {
  const backups = dir();
  const backup = await takeBackup(server.hall.store.db, backups, clock());
  expect(readdirSync(backups)).toEqual([backup.file.slice(backups.length + 1)]);
  const target = dir();
  restoreHall({ from: backup.file, dataDir: target });
  return target;
}

describe('the ID card key', () => {
  it('is made at the first registration, 0600, 32 bytes, and is in no backup', async () => {
    const dataDir = dir();
    const { server, admin, kiosk } = await hallOn(dataDir);
    const file = join(dataDir, ID_CARD_KEY_FILE);
    // Not before it is needed: a hall without registrations has no key and finds nobody.
    expect(() => statSync(file)).toThrow();
    expect(await foundByCard(kiosk)).toBe(false);
    expect(await healthCards(server)).toEqual({
      keySource: 'none',
      underOtherKey: 0,
      problem: null,
    });

    await register(admin);
    const stats = statSync(file);
    if (process.platform !== 'win32') expect(stats.mode & 0o777).toBe(0o600);
    const key = readFileSync(file);
    expect(key).toHaveLength(32);
    expect(await foundByCard(kiosk)).toBe(true);
    expect(await healthCards(server)).toMatchObject({ keySource: 'file', underOtherKey: 0 });

    // The backup job copies the database only: no key file, no key bytes in the copy.
    const backups = dir();
    const backup = await takeBackup(server.hall.store.db, backups, clock());
    expect(readdirSync(backups)).toHaveLength(1);
    const bytes = readFileSync(backup.file);
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))])
      expect(bytes.indexOf(form)).toBe(-1);
  });

  it('lost (restored from a backup without it): told loudly, nobody found, the rest works, registering again mends it', async () => {
    const first = await hallOn(dir());
    await register(first.admin);
    expect(await foundByCard(first.kiosk)).toBe(true);
    const dataDir = await restoredWithoutKey(first.server);

    const { server, admin, kiosk, lines } = await hallOn(dataDir);
    // The start-up log says it, as an error, and never holds the number.
    const errors = lines.filter((l) => JSON.parse(l).level === 50).join('\n');
    expect(errors).toMatch(
      /1 customers have an ID card registered, but the hall has no ID card key/,
    );
    expect(lines.join('\n')).not.toContain(ID_NUMBER);
    // Health tells it (200: the hall works).
    expect(await healthCards(server)).toEqual({
      keySource: 'none',
      underOtherKey: 1,
      problem: null,
    });
    // The customer list tells the admin: not "registered …", but "register again".
    const cards = ok(await send(admin, 'admin:id-cards', { accountNos: [ACCOUNT] }));
    expect(cards).toEqual({ last4: {}, otherKey: [ACCOUNT], underOtherKey: 1 });
    // Identification by card finds nobody (no crash); a bill and a typed number still work.
    expect(await foundByCard(kiosk)).toBe(false);
    const bill = ok(
      await send(kiosk, 'customer:identify', {
        source: 'barcode',
        value: billBarcode(ACCOUNT, '2026-10'),
      }),
    );
    expect(bill.found).toBe(true);
    ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        identityToken: bill.identityToken!,
      }),
    );
    ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { accountNo: ACCOUNT },
      }),
    );

    // Registering the card again (a new key file is made) finds the customer again.
    expect(await register(admin)).toMatchObject({ idCardLast4: ID_NUMBER.slice(-4) });
    expect(await foundByCard(kiosk)).toBe(true);
    expect(await healthCards(server)).toMatchObject({ keySource: 'file', underOtherKey: 0 });
    const again = ok(await send(admin, 'admin:id-cards', { accountNos: [ACCOUNT] }));
    expect(again).toEqual({
      last4: { [ACCOUNT]: ID_NUMBER.slice(-4) },
      otherKey: [],
      underOtherKey: 0,
    });
  });

  it('restored together with the key file kept apart: found as before', async () => {
    const first = await hallOn(dir());
    await register(first.admin);
    const dataDir = await restoredWithoutKey(first.server);
    cpSync(join(first.server.hall.store.idCardKey.file!), join(dataDir, ID_CARD_KEY_FILE));
    const { server, kiosk } = await hallOn(dataDir);
    expect(await foundByCard(kiosk)).toBe(true);
    expect(await healthCards(server)).toMatchObject({ keySource: 'file', underOtherKey: 0 });
  });

  it('from the environment: wins over the file, none is made', async () => {
    const secret = parseIdCardSecret('11'.repeat(32));
    if (!Buffer.isBuffer(secret)) throw new Error(secret.problem);
    const dataDir = dir();
    writeFileSync(join(dataDir, ID_CARD_KEY_FILE), Buffer.alloc(32, 7), { mode: 0o600 });
    const { server, admin, kiosk } = await hallOn(dataDir, { idCardSecret: secret });
    await register(admin);
    expect(await foundByCard(kiosk)).toBe(true);
    expect(await healthCards(server)).toMatchObject({ keySource: 'env', underOtherKey: 0 });
    expect(readFileSync(join(dataDir, ID_CARD_KEY_FILE))).toEqual(Buffer.alloc(32, 7));
    // Without the environment's key the file's key is another: the registration is stale.
    await server.close();
    open.servers.splice(open.servers.indexOf(server), 1);
    const without = await hallOn(dataDir);
    expect(await foundByCard(without.kiosk)).toBe(false);
    expect(await healthCards(without.server)).toMatchObject({
      keySource: 'file',
      underOtherKey: 1,
    });
  });

  it.each([
    ['not hex', 'zz'.repeat(32)],
    ['too short', '11'.repeat(16)],
    ['base64 of 16 bytes', Buffer.alloc(16, 1).toString('base64')],
  ])('a malformed environment key (%s) is refused', (_, raw) => {
    expect(parseIdCardSecret(raw)).toEqual({
      problem: expect.stringMatching(/ONESTOP_ID_CARD_KEY/),
    });
  });

  it('an unusable key file is never replaced: told, registration refused, nobody found', async () => {
    const dataDir = dir();
    const file = join(dataDir, ID_CARD_KEY_FILE);
    writeFileSync(file, 'not a key\n', { mode: 0o600 });
    const { server, admin, kiosk, lines } = await hallOn(dataDir);
    expect(lines.join('\n')).toMatch(/does not hold a key \(10 bytes, not 32\)/);
    expect(await healthCards(server)).toMatchObject({
      keySource: 'none',
      problem: expect.stringMatching(/does not hold a key/),
    });
    ok(
      await send(admin, 'admin:save-customer', {
        accountNo: ACCOUNT,
        name: '钱某某',
        phone: null,
        vip: false,
      }),
    );
    const refused = await send(admin, 'admin:register-id-card', {
      accountNo: ACCOUNT,
      idNumber: ID_NUMBER,
    });
    expect(refused).toMatchObject({ ok: false, code: 'internal_error' });
    expect(JSON.stringify(refused)).not.toContain(ID_NUMBER);
    expect(readFileSync(file, 'utf8')).toBe('not a key\n');
    expect(await foundByCard(kiosk)).toBe(false);
  });

  it('a key file others may read is warned about', async () => {
    if (process.platform === 'win32') return;
    const dataDir = dir();
    writeFileSync(join(dataDir, ID_CARD_KEY_FILE), Buffer.alloc(32, 3), { mode: 0o644 });
    const { lines } = await hallOn(dataDir);
    expect(lines.join('\n')).toMatch(/readable by others than its owner: chmod 600/);
  });

  it('a digest from before the key left the database (no key id) counts as another key', async () => {
    const { server, admin } = await hallOn(dir());
    await register(admin);
    server.hall.store.db
      .prepare('UPDATE customers SET id_card_hmac = ? WHERE account_no = ?')
      .run('ab'.repeat(32), ACCOUNT);
    expect(await healthCards(server)).toMatchObject({ underOtherKey: 1 });
    const cards = ok(await send(admin, 'admin:id-cards', { accountNos: [ACCOUNT] }));
    expect(cards.otherKey).toEqual([ACCOUNT]);
  });
});
