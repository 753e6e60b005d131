import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, sendRaw, startTestHall, type TestHall } from '../test-support/hall-harness';

// A paired device is attributable, so its commands (refused ones too) are audited row by row.
// What it writes into a row must be bounded: a 60 KB `reason` must not land in the audit log.

describe('a paired kiosk sending huge reasons', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startTestHall({ server: { limits: false } });
  });
  afterAll(() => t.close());

  it('adds at most ~500 characters of reason per audit row', async () => {
    const db = t.server.hall.store.db;
    const rows = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const reasonChars = () =>
      db.prepare('SELECT coalesce(sum(length(reason)), 0) FROM audit_log').pluck().get() as number;
    const rowsBefore = rows();
    const charsBefore = reasonChars();
    const kiosk = await connectClient(t.server.url, { deviceToken: 'demo-kiosk-1' });
    const huge = 'x'.repeat(60 * 1024);
    const names = ['ticket:move', 'ticket:cancel', 'counter:set-services', 'ticket:issue'];
    const acks = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sendRaw(kiosk, names[i % names.length]!, {
          commandId: randomUUID(),
          ticketId: 'tk-none',
          serviceId: 'svc-invoice',
          to: 'front',
          reason: huge,
        }),
      ),
    );
    kiosk.close();
    const added = rows() - rowsBefore;
    const chars = reasonChars() - charsBefore;
    console.info(`100 huge reasons: ${added} audit rows, ${chars} reason chars added`);
    expect(acks.length).toBe(100);
    expect(added).toBeGreaterThan(0); // refusals of a paired device are audited
    expect(chars).toBeLessThanOrEqual(added * 500);
  });
});
