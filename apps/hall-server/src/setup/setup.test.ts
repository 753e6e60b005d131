import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDevices, demoStaff } from '../app/demo-hall';
import { openDatabase } from '../store/db';
import { createStore } from '../store/store';
import type { HallServer } from '../server';
import { connectClient, hallServerOn, ok, send, tempDir } from '../test-support/hall-harness';
import { findDemoCredentials } from './demo-credentials';
import { setUpHall, type SetUpOptions } from './setup';

// `npm run setup` in-process: a real hall with one admin and one console pairing code, and
// nothing of the demo hall.

const ADMIN_PIN = '582417';
const dirs: string[] = [];
const servers: HallServer[] = [];

function options(over: Partial<SetUpOptions> = {}): SetUpOptions {
  const dataDir = tempDir('onestop-setup-');
  dirs.push(dataDir);
  return {
    dataDir,
    hallId: 'hall-xuhui',
    nameZh: '徐汇供电营业厅',
    nameEn: 'Xuhui Power Supply Service Hall',
    timeZone: 'Asia/Shanghai',
    adminStaffNo: '5001',
    adminName: '林管理',
    pin: ADMIN_PIN,
    ...over,
  };
}

async function start(dataDir: string, demo = false): Promise<HallServer> {
  const server = await hallServerOn(dataDir, {
    demo,
  });
  servers.push(server);
  return server;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run setup', () => {
  it('sets up a hall with no demo credential; the admin signs in on a desk paired with the printed code', async () => {
    const opts = options();
    const result = await setUpHall(opts);
    expect(result.pairingCode).toMatch(/^\d{6}$/);

    const db = openDatabase(`${opts.dataDir}/hall.sqlite`);
    const store = createStore(db);
    expect(await findDemoCredentials(store)).toEqual({ devices: [], staff: [] });
    expect(store.devices.all()).toEqual([]);
    expect(store.staff.all().map((s) => s.staffNo)).toEqual(['5001']);
    expect(db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
    expect(store.hall.state().config).toMatchObject({
      hallId: 'hall-xuhui',
      nameEn: 'Xuhui Power Supply Service Hall',
      timeZone: 'Asia/Shanghai',
    });
    expect(db.prepare('SELECT kind, expires_at AS expiresAt FROM pairing_codes').all()).toEqual([
      { kind: 'desk', expiresAt: result.expiresAt },
    ]);
    db.close();

    const server = await start(opts.dataDir);
    for (const d of demoDevices) {
      await expect(connectClient(server.url, { deviceToken: d.token })).rejects.toThrow();
    }
    const anonymous = await connectClient(server.url);
    const paired = ok(await send(anonymous, 'device:pair', { pairingCode: result.pairingCode }));
    anonymous.close();
    expect(paired.kind).toBe('desk');
    const desk = await connectClient(server.url, { deviceToken: paired.deviceToken });
    const signedIn = ok(await send(desk, 'staff:sign-in', { staffNo: '5001', pin: ADMIN_PIN }));
    expect(signedIn.staff.roles).toEqual(['admin']);
    ok(await send(desk, 'staff:sign-out', {}));
    // The desk's sign-in budget (10 failures) covers the ten demo PINs.
    for (const s of demoStaff) {
      const ack = await send(desk, 'staff:sign-in', { staffNo: s.staffNo, pin: s.pin });
      expect(ack).toMatchObject({ ok: false, code: 'bad_credentials' });
    }
    desk.close();
    // The code is one-time.
    const again = await connectClient(server.url);
    const reused = await send(again, 'device:pair', { pairingCode: result.pairingCode });
    again.close();
    expect(reused.ok).toBe(false);
  });

  it.each([
    ['too short for an admin', '12345'],
    ['all the same digit', '777777'],
    ['a run of digits', '123456'],
    ['a run downwards', '987654'],
    ['not digits', '58a417'],
    ['the staff number', '005001'],
  ])('refuses a weak admin PIN (%s) and writes nothing', async (_why, pin) => {
    const opts = options({ pin, adminStaffNo: pin === '005001' ? '005001' : '5001' });
    await expect(setUpHall(opts)).rejects.toThrow(/PIN/);
    const db = openDatabase(`${opts.dataDir}/hall.sqlite`);
    expect(createStore(db).hall.isInitialised()).toBe(false);
    db.close();
  });

  it('started with the default DEMO=1 it is not taken for the demo hall: no demo data, no demo lines', async () => {
    const opts = options();
    await setUpHall(opts);
    const server = await start(opts.dataDir, true);
    expect(server.demoHall).toBe(false);
    const landing = await (await fetch(`${server.url}/`)).text();
    expect(landing).not.toMatch(/demo-|9000 \/ 9000/);
    expect(server.hall.store.devices.all()).toEqual([]);
  });

  it('refuses two PINs that differ', async () => {
    await expect(setUpHall(options({ pinAgain: '582418' }))).rejects.toThrow(/do not match/);
  });

  it('refuses a directory that holds a hall, and with force moves it aside', async () => {
    const opts = options();
    await setUpHall(opts);
    await expect(setUpHall({ ...opts, hallId: 'hall-other' })).rejects.toThrow(/already holds/);
    const second = await setUpHall({ ...opts, hallId: 'hall-other', force: true });
    expect(second.movedAsideTo).toMatch(/hall\.sqlite\.replaced-/);
    const old = openDatabase(second.movedAsideTo!);
    expect(createStore(old).hall.state().config.hallId).toBe('hall-xuhui');
    old.close();
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a hall id with spaces', { hallId: 'hall xuhui' }],
    ['an empty name', { nameZh: '' }],
    ['a staff number with letters', { adminStaffNo: '50a1' }],
  ])('refuses %s', async (_why, over) => {
    await expect(setUpHall(options(over))).rejects.toThrow();
  });
});
