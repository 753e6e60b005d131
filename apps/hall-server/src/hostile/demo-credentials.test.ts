import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDevices, demoStaff } from '../app/demo-hall';
import type { HallServer } from '../server';
import { connectClient, hallServerOn, ok, send, tempDir } from '../test-support/hall-harness';
import { removeDemoCredentials } from '../setup/setup';

// A data directory that was ever a demo hall holds 18 well-known device tokens and 10 staff
// whose PIN is their staff number. Started with DEMO=0 it must refuse and say how to remove
// them; after `npm run setup -- --remove-demo` none of them works.

const NEW_ADMIN_PIN = '730519';
const dirs: string[] = [];
const servers: HallServer[] = [];

const start = async (dataDir: string, demo: boolean) => {
  const server = await hallServerOn(dataDir, {
    demo,
  });
  servers.push(server);
  return server;
};

async function demoDataDir(): Promise<string> {
  const dataDir = tempDir('onestop-demo-creds-');
  dirs.push(dataDir);
  const demo = await start(dataDir, true);
  await demo.close();
  servers.splice(servers.indexOf(demo), 1);
  return dataDir;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('demo credentials in a real hall', () => {
  it('a demo data directory started with DEMO=0 is refused, naming the way out', async () => {
    const dataDir = await demoDataDir();
    const refused = start(dataDir, false);
    await expect(refused).rejects.toThrow(new RegExp(`${demoDevices.length} demo device tokens`));
    await expect(refused).rejects.toThrow(/10 staff/);
    await expect(refused).rejects.toThrow(/npm run setup -- --remove-demo --data-dir/);
  });

  it('after --remove-demo it starts with DEMO=0 and no demo token or demo PIN works', async () => {
    const dataDir = await demoDataDir();
    const removed = await removeDemoCredentials({ dataDir, pin: NEW_ADMIN_PIN });
    expect(removed).toMatchObject({
      devicesRevoked: demoDevices.length,
      staffDisabled: 9,
      adminStaffNo: '9000',
    });

    const server = await start(dataDir, false);
    for (const d of demoDevices) {
      await expect(connectClient(server.url, { deviceToken: d.token })).rejects.toThrow();
    }
    const res = await fetch(`${server.url}/api/v1/hall/snapshot`, {
      headers: { authorization: 'Bearer demo-console' },
    });
    expect([401, 403]).toContain(res.status); // revoked: device_revoked

    const anonymous = await connectClient(server.url);
    const paired = ok(await send(anonymous, 'device:pair', { pairingCode: removed.pairingCode }));
    anonymous.close();
    const desk = await connectClient(server.url, { deviceToken: paired.deviceToken });
    const admin = ok(await send(desk, 'staff:sign-in', { staffNo: '9000', pin: NEW_ADMIN_PIN }));
    expect(admin.staff.roles).toContain('admin');
    ok(await send(desk, 'staff:sign-out', {}));
    // The desk's sign-in budget (10 failures) covers the ten demo PINs.
    for (const s of demoStaff) {
      const ack = await send(desk, 'staff:sign-in', { staffNo: s.staffNo, pin: s.pin });
      expect(ack, `${s.staffNo} / ${s.pin}`).toMatchObject({ ok: false, code: 'bad_credentials' });
    }
    desk.close();

    const landing = await (await fetch(`${server.url}/`)).text();
    expect(landing).not.toMatch(/demo-|9000 \/ 9000/);
  });

  it('refuses a weak new admin PIN and leaves the demo credentials for the next try', async () => {
    const dataDir = await demoDataDir();
    await expect(removeDemoCredentials({ dataDir, pin: '9000' })).rejects.toThrow(/PIN/);
    await expect(start(dataDir, false)).rejects.toThrow(/--remove-demo/);
  });
});
