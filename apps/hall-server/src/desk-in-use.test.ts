import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { ok, send, startTestHall, type TestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// Covering a colleague's desk: the refusal says who holds it and since when, so the clerk
// knows whom to ask (the asker has just given a right PIN: staff, not a passer-by).

describe('a desk someone else is signed in on', () => {
  let hall: TestHall;
  const now = Date.UTC(2026, 10, 24, 1, 5); // 09:05 in Shanghai
  beforeAll(async () => {
    hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
  });
  afterAll(async () => {
    await hall.close();
  });

  it('names the holder, their staff number and when they signed in', async () => {
    const holder = await demoStaffOn(hall.server.url, 'demo-desk-5', '1005');
    const snapshot = ok(await send(holder.socket, 'hall:snapshot', {}));
    const name = snapshot.staff.find((s) => s.id === holder.staffId)!.name;
    const refused = await send(holder.socket, 'staff:sign-in', { staffNo: '1004', pin: '1004' });
    expect(refused).toMatchObject({ ok: false, code: 'desk_in_use' });
    expect(refused.ok ? '' : refused.message).toContain(`${name} (1005) since 2026-11-24 09:05`);
    // A wrong PIN learns nothing of who is there.
    const wrong = await send(holder.socket, 'staff:sign-in', { staffNo: '1004', pin: '9999' });
    expect(wrong).toMatchObject({ ok: false, code: 'bad_credentials' });
    expect(wrong.ok ? '' : wrong.message).not.toContain('1005');
    holder.socket.disconnect();
  });
});
