import { describe, expect, it } from 'vitest';
import { connectClient, ok, send, startTestHall } from './test-support/hall-harness';

// Issue 15 item 11: the console desk took one staff member only, so an admin could not step in
// on the duty leader's console. Now a duty leader or admin takes over a desk bound to no counter
// from another (the holder's session ends, the hall is told who stepped in); a counter's desk
// keeps one staff member.

describe('stepping in on the console', () => {
  it('lets an admin take over the duty leader’s console, and nobody a clerk’s desk', async () => {
    const hall = await startTestHall();
    try {
      const url = hall.server.url;
      const signIn = async (token: string, staffNo: string) =>
        send(await connectClient(url, { deviceToken: token }), 'staff:sign-in', {
          staffNo,
          pin: staffNo,
        });
      const leader = ok(await signIn('demo-console', '8001'));
      const admin = ok(await signIn('demo-console', '9000'));
      const store = hall.server.hall.store;
      const open = store.devices.openSessions().filter((s) => s.deviceId === 'dev-console');
      expect(open.map((s) => s.id)).toEqual([admin.session.id]);
      expect(store.devices.openSessions().some((s) => s.id === leader.session.id)).toBe(false);
      const told = store.log
        .auditSince(0, 1000)
        .filter((e) => e.command === 'staff:sign-in' && e.result === 'ok');
      expect(told).toHaveLength(2);

      // A clerk cannot take the console from the admin; the leader can take it back.
      expect(await signIn('demo-console', '1001')).toMatchObject({ code: 'desk_in_use' });
      ok(await signIn('demo-console', '8001'));

      // A counter's desk keeps the rule: one staff member, whoever comes.
      ok(await signIn('demo-desk-1', '1001'));
      expect(await signIn('demo-desk-1', '8001')).toMatchObject({ code: 'desk_in_use' });
    } finally {
      await hall.close();
    }
  }, 30_000);
});
