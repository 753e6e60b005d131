import type { DeviceReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { daytimeClock, ok, send, startTestHall } from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';

// A device's heartbeat (device:heartbeat, every 30 s from every paired device) is routine, not
// somebody's act: it must not keep an idle clerk's session alive (a desk left signed in would
// never reach the hall's idle limit), and a heartbeat that changes nothing leaves no audit row
// (2,880 a day per device would bury the audit log and the shift log, which lists device:*).

const MIN = 60_000;

const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  version: '0.19.0',
  screen: { width: 1366, height: 768, orientation: 'landscape' },
  audio: 'ok',
  ...over,
});

describe('device:heartbeat is routine', () => {
  it('does not keep an idle clerk signed in, and leaves no audit row when nothing changed', async () => {
    let offset = 0;
    const base = daytimeClock();
    const hall = await startTestHall({ clock: () => base() + offset });
    try {
      const url = hall.server.url;
      const audited = () =>
        hall.server.hall.store.log
          .recentAudit(10_000)
          .filter((r) => r.command === 'device:heartbeat').length;
      const { socket: desk } = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
      expect(ok(await send(desk, 'customer:my-vips', {}))).toBeDefined();

      // The desk's heartbeat every half hour of an idle hour (the idle limit is 60 minutes).
      ok(await send(desk, 'device:heartbeat', { report: report() }));
      const first = audited();
      for (let i = 0; i < 4; i++) {
        offset += 20 * MIN;
        expect(ok(await send(desk, 'device:heartbeat', { report: report() })).recorded).toBe(true);
      }
      expect(audited()).toBe(first);

      // Eighty minutes without a clerk's own command: the session is over, heartbeats or not.
      const after = await send(desk, 'customer:my-vips', {});
      expect(after.ok).toBe(false);
      desk.disconnect();
    } finally {
      await hall.close();
    }
  }, 60_000);
});
