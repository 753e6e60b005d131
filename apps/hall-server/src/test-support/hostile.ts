import type { Ack } from '@onestop/shared';
import { beforeAll } from 'vitest';
import { ok, send, type HallClient } from './hall-harness';
import { suiteHall } from './suite-hall';

// What the hostile suites share: acks counted by code, sign-in bursts of wrong PINs, and a hall
// whose admin typed hostile names before a visit, for the report exports to carry them.

/** An ack's code, `ok` when it was accepted. */
export const codeOf = (a: Ack<unknown>) => (a.ok ? 'ok' : a.code);

/** How many acks answered each code (`ok` for the accepted). */
export const countCodes = (acks: Ack<unknown>[]) =>
  acks.reduce<Record<string, number>>((n, a) => {
    n[codeOf(a)] = (n[codeOf(a)] ?? 0) + 1;
    return n;
  }, {});

/** `count` wrong PINs for one staff number sent at once, spread over the given desks. */
export async function burstOfWrongPins(desks: HallClient[], staffNo: string, count: number) {
  const acks = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(desks[i % desks.length]!, 'staff:sign-in', {
        staffNo,
        pin: String(5000 + i).padStart(4, '0'),
      }),
    ),
  );
  return countCodes(acks);
}

/**
 * A demo hall for the export suites: the admin (9000 at the console) names things with
 * `rename`, then clerk 1001 serves one visit of `serviceId` at counter 1, `finish`ing it.
 */
export function namedExportHall(options: {
  serviceId: string;
  rename(admin: HallClient): Promise<void>;
  finish(clerk: HallClient, ticketId: string): Promise<void>;
}) {
  const hall = suiteHall();
  let session = '';
  let today = '';
  beforeAll(async () => {
    const admin = await hall.staffOn('demo-console', '9000');
    session = admin.sessionToken;
    await options.rename(admin.socket);
    const kiosk = await hall.device('demo-kiosk-1');
    const clerk = await hall.staffOn('demo-desk-1', '1001', 'ctr-1');
    const ticketId = ok(await send(kiosk, 'ticket:issue', { serviceId: options.serviceId })).ticket
      .id;
    ok(await send(clerk.socket, 'ticket:call', { ticketId }));
    ok(await send(clerk.socket, 'ticket:start', { ticketId }));
    await options.finish(clerk.socket, ticketId);
    today = ok(await send(kiosk, 'hall:snapshot', {})).businessDay;
    for (const s of [kiosk, clerk.socket, admin.socket]) s.disconnect();
  });
  return {
    hall,
    /** The day's report export with `query` (`format=…`), as the console asks for it. */
    exportUrl: (query: string) =>
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&${query}`,
    /** That request's headers: the console's device token and the admin's session. */
    headers: () => ({ authorization: 'Bearer demo-console', 'x-staff-session': session }),
  };
}
