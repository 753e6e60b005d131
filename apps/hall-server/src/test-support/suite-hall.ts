import type {
  Case,
  CommandPayload,
  Customer,
  EvaluationReason,
  Opinion,
  Ticket,
} from '@onestop/shared';
import { afterAll, beforeAll } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  nextChange,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from './hall-harness';

// The black-box suites' set-up: one demo hall for a whole suite, the demo devices and staff
// they connect, and the visits they serve.

/** A demo staff member (PIN = staff number) signed in on a desk, at an open counter if given. */
export const demoStaffOn = (
  url: string,
  deviceToken: string,
  staffNo: string,
  counterId?: string,
) => clerkAtCounter(url, { deviceToken, staffNo, pin: staffNo, counterId });

export type SignedInStaff = Awaited<ReturnType<typeof demoStaffOn>>;

/**
 * A demo hall started before the suite's first test (a file's, or a describe's when called in
 * it) and closed after its last, with every device the suite connected through it.
 */
export function suiteHall(options: Parameters<typeof startTestHall>[0] = {}) {
  let started: TestHall | undefined;
  const sockets: HallClient[] = [];
  beforeAll(async () => {
    started = await startTestHall(options);
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await started?.close();
  });
  const hall = (): TestHall => {
    if (!started) throw new Error('the suite hall starts before the first test');
    return started;
  };
  return {
    get hall() {
      return hall();
    },
    get server() {
      return hall().server;
    },
    /** A device connected with its token (none: an unpaired one). */
    async device(deviceToken?: string): Promise<HallClient> {
      const socket = await connectClient(hall().server.url, deviceToken ? { deviceToken } : {});
      sockets.push(socket);
      return socket;
    },
    /** A demo staff member signed in on a desk (see `demoStaffOn`). */
    async staffOn(deviceToken: string, staffNo: string, counterId?: string) {
      const staff = await demoStaffOn(hall().server.url, deviceToken, staffNo, counterId);
      sockets.push(staff.socket);
      return staff;
    },
  };
}

type IssuedCustomer = CommandPayload<'ticket:issue'>['customer'];

/** A ticket issued at the kiosk, then called and started by the clerk. */
async function startedVisit(
  kiosk: HallClient,
  clerk: HallClient,
  serviceId: string,
  customer?: IssuedCustomer,
): Promise<string> {
  const issued = ok(
    await send(kiosk, 'ticket:issue', { serviceId, ...(customer ? { customer } : {}) }),
  );
  const ticketId = issued.ticket.id;
  ok(await send(clerk, 'ticket:call', { ticketId }));
  ok(await send(clerk, 'ticket:start', { ticketId }));
  return ticketId;
}

/** A ticket issued at the kiosk, then called, started and finished by the clerk: the visit. */
export async function servedVisit(
  kiosk: HallClient,
  clerk: HallClient,
  serviceId = 'svc-billing',
  customer?: Customer,
): Promise<Ticket> {
  const ticketId = await startedVisit(kiosk, clerk, serviceId, customer);
  return ok(await send(clerk, 'ticket:finish', { ticketId, outcome: 'completed', items: [] }))
    .ticket;
}

/** A visit the clerk finishes by opening a case (the clerk owns it): the case. */
export async function visitWithCase(
  kiosk: HallClient,
  clerk: HallClient,
  visit: { serviceId: string; customer?: IssuedCustomer; caseTypeId: string; summary: string },
): Promise<Case> {
  const ticketId = await startedVisit(kiosk, clerk, visit.serviceId, visit.customer);
  const { caseTypeId, summary } = visit;
  const opened = ok(await send(clerk, 'case:open', { ticketId, caseTypeId, summary })).case;
  ok(await send(clerk, 'ticket:finish', { ticketId, outcome: 'case_opened', items: [] }));
  return opened;
}

/** The pad rates the visit 不满意; resolves to the follow-up id `watcher` is told of. */
export async function dissatisfiedRating(
  pad: HallClient,
  watcher: HallClient,
  ticketId: string,
  reasons: EvaluationReason[] = ['waiting'],
): Promise<string> {
  const raised = nextChange(watcher, (c) => (c.records.followUps?.length ?? 0) > 0);
  ok(await send(pad, 'evaluation:submit', { ticketId, score: 'dissatisfied', reasons }));
  return (await raised).records.followUps![0]!.id;
}

/** A customer's complaint left at a kiosk, with a phone to call back on. */
export async function kioskComplaint(
  kiosk: HallClient,
  text: string,
  contact = '13911112222',
): Promise<Opinion> {
  return ok(await send(kiosk, 'opinion:submit', { category: 'complaint', text, contact })).opinion;
}
