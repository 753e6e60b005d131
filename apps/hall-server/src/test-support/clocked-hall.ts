import { afterEach } from 'vitest';
import { demoSeed } from '../app/seed';
import { demoStaffOn } from './suite-hall';
import { connectClient, startTestHall, type HallClient, type TestHall } from './hall-harness';

/**
 * Demo halls on a clock the test moves (`clock.now += …`), each started at `start` by
 * `hallAt()`, closed with every socket kept after each test: the hostile suites' set-up.
 */
export function clockedDemoHalls(start: string) {
  const t0 = Date.parse(start);
  const clock = { now: t0 };
  const open: { hall?: TestHall; sockets: HallClient[] } = { sockets: [] };
  const keep = (socket: HallClient) => void open.sockets.push(socket);
  afterEach(async () => {
    for (const s of open.sockets.splice(0)) s.disconnect();
    await open.hall?.close();
    open.hall = undefined;
  });
  return {
    clock,
    keep,
    async hallAt(): Promise<TestHall> {
      clock.now = t0;
      open.hall = await startTestHall({ clock: () => clock.now, seed: demoSeed(t0) });
      return open.hall;
    },
    /** A device connected with its token (none: an unpaired one), closed after the test. */
    async device(url: string, deviceToken?: string): Promise<HallClient> {
      const socket = await connectClient(url, deviceToken ? { deviceToken } : {});
      keep(socket);
      return socket;
    },
    /** A demo staff member (PIN = staff number) signed in on a desk, at a counter if given. */
    async staffOn(url: string, deviceToken: string, staffNo: string, counterId?: string) {
      const s = await demoStaffOn(url, deviceToken, staffNo, counterId);
      keep(s.socket);
      return s;
    },
  };
}
