import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';

// A small day at the demo hall for the reports screen's tests: a few visits served at counters
// 1 and 2, rated on the pads, a case opened and an opinion dropped in the supervision box.

export interface ReportsDay {
  businessDay: string;
}

async function serve(
  kiosk: HallClient,
  clerk: HallClient,
  serviceId: string,
  after?: (ticketId: string) => Promise<void>,
): Promise<string> {
  const ticket = ok(await send(kiosk, 'ticket:issue', { serviceId })).ticket;
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  await after?.(ticket.id);
  ok(await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  return ticket.id;
}

/**
 * Counter 1 (李明 1001) serves three billing visits, rated 非常满意 and 不满意 (one not yet);
 * counter 2 (张丽 1002) serves one fault visit and opens a 故障报修 case; one billing ticket is
 * still waiting; a complaint comes through the kiosk.
 */
export async function playReportsDay(url: string): Promise<ReportsDay> {
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const pad1 = await connectClient(url, { deviceToken: 'demo-pad-1' });
  const one = await clerkAtCounter(url, {
    deviceToken: 'demo-desk-1',
    staffNo: '1001',
    pin: '1001',
    counterId: 'ctr-1',
  });
  const two = await clerkAtCounter(url, {
    deviceToken: 'demo-desk-2',
    staffNo: '1002',
    pin: '1002',
    counterId: 'ctr-2',
  });
  try {
    const first = await serve(kiosk, one.socket, 'svc-billing');
    ok(await send(pad1, 'evaluation:submit', { ticketId: first, score: 'very_satisfied' }));
    const second = await serve(kiosk, one.socket, 'svc-billing');
    ok(
      await send(pad1, 'evaluation:submit', {
        ticketId: second,
        score: 'dissatisfied',
        reasons: ['waiting'],
      }),
    );
    await serve(kiosk, one.socket, 'svc-billing');
    await serve(kiosk, two.socket, 'svc-fault', async (ticketId) => {
      ok(
        await send(two.socket, 'case:open', {
          ticketId,
          caseTypeId: 'ct-fault',
          summary: '表箱漏电',
        }),
      );
    });
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    ok(await send(kiosk, 'opinion:submit', { category: 'complaint', text: '等候时间太长了' }));
    const businessDay = ok(await send(kiosk, 'hall:snapshot', {})).businessDay;
    return { businessDay };
  } finally {
    for (const s of [kiosk, pad1, one.socket, two.socket]) s.disconnect();
  }
}
