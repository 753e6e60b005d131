import { ok, send, type HallClient } from './hall-harness';

// The call-order scene (issue 15 item 11a), for the hall server's test and the console's: six
// billing tickets issued 40 to 1 minutes ago, the hall's clock moved back for each.

const min = 60_000;

/**
 * Issues, through `kiosk`: one ticket 30 minutes past its 10-minute target (passed over long
 * enough), one 12 minutes past (still passed over), one within its target, a VIP's, one the
 * duty leader then moves to the front, and one the leader holds for counter 2. `setOffset`
 * moves the hall's clock (ms from now); it is 0 again when this returns.
 */
export async function issueCallOrderScene(
  kiosk: HallClient,
  leader: HallClient,
  setOffset: (ms: number) => void,
) {
  const issue = async (at: number, extra: object = {}) => {
    setOffset(at);
    return ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', ...extra })).ticket;
  };
  const overdue = await issue(-40 * min);
  const missed = await issue(-22 * min);
  const within = await issue(-6 * min);
  const vip = await issue(-3 * min, { customer: { accountNo: '3100000002' } });
  const front = await issue(-2 * min);
  const held = await issue(-1 * min);
  setOffset(0);
  ok(
    await send(leader, 'override:ticket-priority', {
      ticketId: front.id,
      to: 'front',
      reason: '客户身体不适',
    }),
  );
  ok(
    await send(leader, 'override:ticket-counter', {
      ticketId: held.id,
      counterId: 'ctr-2',
      reason: '需要2号窗口办理',
    }),
  );
  return { overdue, missed, within, vip, front, held };
}
