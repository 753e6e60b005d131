import { describe, expect, it } from 'vitest';
import { connectClient, ok, send, startTestHall } from './test-support/hall-harness';

// Issue 15 item 11: the console desk took one staff member only, so an admin could not step in
// on the duty leader's console. Now a duty leader or admin steps in on a desk bound to no
// counter held by another (the holder stays signed in, the hall is told who stepped in; the one
// who stepped in steps out by signing out, and the holder has the desk back); a counter's desk
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
      const onConsole = () =>
        store.devices
          .openSessions()
          .filter((s) => s.deviceId === 'dev-console')
          .map((s) => s.id)
          .sort();
      // The duty leader stays signed in (they have not signed off): both are on the console.
      expect(onConsole()).toEqual([leader.session.id, admin.session.id].sort());
      const told = store.log
        .auditSince(0, 1000)
        .filter((e) => e.command === 'staff:sign-in' && e.result === 'ok');
      expect(told).toHaveLength(2);

      // The admin signing in again replaces only their own session.
      const again = ok(await signIn('demo-console', '9000'));
      expect(onConsole()).toEqual([leader.session.id, again.session.id].sort());

      // The admin steps out: the leader's session is the console's again.
      const adminSocket = await connectClient(url, {
        deviceToken: 'demo-console',
        sessionToken: again.sessionToken,
      });
      ok(await send(adminSocket, 'staff:sign-out', {}));
      expect(onConsole()).toEqual([leader.session.id]);
      const leaderSocket = await connectClient(url, {
        deviceToken: 'demo-console',
        sessionToken: leader.sessionToken,
      });
      ok(await send(leaderSocket, 'console:shift-log', { since: 0 }));

      // A clerk cannot take the console; the leader taking it back ends a step-in.
      ok(await signIn('demo-console', '9000'));
      expect(await signIn('demo-console', '1001')).toMatchObject({ code: 'desk_in_use' });
      const back = ok(await signIn('demo-console', '8001'));
      expect(onConsole()).toEqual([back.session.id]);

      // A counter's desk keeps the rule: one staff member, whoever comes.
      ok(await signIn('demo-desk-1', '1001'));
      expect(await signIn('demo-desk-1', '8001')).toMatchObject({ code: 'desk_in_use' });
    } finally {
      await hall.close();
    }
  }, 30_000);
});
