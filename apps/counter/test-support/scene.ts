import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CommandPayload, Ticket } from '@onestop/shared';
import {
  connectClient,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, launchChromium, openScreen, signIn, sizes } from './browser';
import { buildCounterOnce } from './build-once';

// The scene of a staff desk's screen test: the built counter app, a demo hall server and
// Chromium, started once per test file; the desks opened on their demo devices at their real
// sizes, a clerk signed in; tickets issued as the first kiosk does.

type HallOptions = NonNullable<Parameters<typeof startTestHall>[0]>;
type OpenOptions = NonNullable<Parameters<typeof openScreen>[3]>;
type Size = { width: number; height: number };
type Store = TestHall['server']['hall']['store'];
/** What a kiosk may say about the customer besides the service. */
type IssueExtra = Omit<CommandPayload<'ticket:issue'>, 'serviceId'>;

/** A workstation button by its action (`callNext`, `start`, `finish`, …). */
export const button = (page: Page, action: string) => page.locator(`[data-action="${action}"]`);

/** Opens the counter at the workstation and waits for the server to say so. */
export async function openCounter(desk: Page): Promise<void> {
  await button(desk, 'openCounter').click();
  await desk.locator('[data-testid="counter-state"][data-state="open"]').waitFor();
}

/** Calls the next customer (`number`) and starts serving them, by the buttons. */
export async function callAndStart(desk: Page, number: string): Promise<void> {
  await button(desk, 'callNext').click();
  await desk.getByTestId('current-number').filter({ hasText: number }).waitFor();
  await button(desk, 'start').click();
  await desk.getByTestId('current-state').filter({ hasText: '办理中' }).waitFor();
}

/** Finishes the visit with the default outcome, by the buttons. */
export async function finishVisit(desk: Page): Promise<void> {
  await button(desk, 'finish').click();
  await desk.getByTestId('finish-dialog').getByRole('button', { name: '办结' }).click();
  await desk.getByTestId('no-ticket').waitFor();
}

/**
 * The workstation of counter `n` on its demo device at the hall `baseUrl`, `staffNo` signed in
 * and the counter taken; `open` opens it too.
 */
export async function openDesk(
  browser: Browser,
  baseUrl: string,
  n: number,
  staffNo = `100${n}`,
  opts: OpenOptions & { open?: boolean } = {},
): Promise<Page> {
  const { open, ...openOpts } = opts;
  const page = await openScreen(
    browser,
    `${baseUrl}/counter?token=demo-desk-${n}`,
    sizes.workstation,
    openOpts,
  );
  await signIn(page, staffNo);
  await page.locator(`button[data-counter="${n}"]`).click();
  await page.getByTestId('workstation').waitFor();
  if (open) await openCounter(page);
  return page;
}

export interface CounterScene {
  readonly hall: TestHall;
  readonly url: string;
  readonly browser: Browser;
  store(): Store;
  staffId(staffNo: string): string;
  /** Today's tickets the hall server holds. */
  today(): ReturnType<Store['tickets']['visible']>;
  /** A page of the hall at `path`, in a browser context of its own. */
  open(path: string, size: Size, opts?: OpenOptions): Promise<Page>;
  /**
   * The workstation of counter `n` with `staffNo` signed in and the counter taken; `open`
   * opens it too.
   */
  desk(n: number, staffNo?: string, opts?: OpenOptions & { open?: boolean }): Promise<Page>;
  /** The evaluation pad of counter `n`. */
  pad(n: number): Promise<Page>;
  /** The back office with `staffNo` signed in. */
  backoffice(staffNo: string): Promise<Page>;
  /** A ticket as the first kiosk issues it (its socket opens on first use). */
  issue(serviceId?: string, extra?: IssueExtra): Promise<Ticket>;
  /** Closes the kiosk's socket (before the hall server stops); the next issue opens another. */
  dropKiosk(): void;
}

/**
 * Starts the scene before the file's tests and closes it after: `hall` for the server's
 * settings (a clock, a seed). Without Chromium nothing starts: the screen tests are skipped
 * (`describe.skipIf(!hasChromium)`).
 */
export function useCounterScene(
  hall: HallOptions = {},
  scene: {
    /**
     * The browsers' clock: each page starts at this time and runs on from it. A test whose hall
     * clock is not real time gives its pages a clock on the hall's day (daytimeClock), so the
     * desk's "today" is the hall's at any hour.
     */
    browserClock?: () => number;
  } = {},
): CounterScene {
  let started: { hall: TestHall; browser: Browser } | undefined;
  let kiosk: HallClient | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    await buildCounterOnce();
    started = { hall: await startTestHall(hall), browser: await launchChromium() };
  }, 180_000);
  afterAll(async () => {
    kiosk?.disconnect();
    await started?.browser.close();
    await started?.hall.close();
  });
  const get = () => {
    if (!started) throw new Error('the scene starts in beforeAll');
    return started;
  };
  const url = () => get().hall.server.url;
  const store = () => get().hall.server.hall.store;
  const clocked = <O extends OpenOptions>(opts: O): O => {
    const { browserClock } = scene;
    if (!browserClock) return opts;
    return {
      ...opts,
      async beforeOpen(page: Page) {
        await page.clock.install({ time: browserClock() });
        await opts.beforeOpen?.(page);
      },
    };
  };
  const open = (path: string, size: Size, opts: OpenOptions = {}) =>
    openScreen(get().browser, `${url()}${path}`, size, clocked(opts));
  return {
    get hall() {
      return get().hall;
    },
    get url() {
      return url();
    },
    get browser() {
      return get().browser;
    },
    store,
    staffId: (staffNo) => store().staff.credentials(staffNo)!.staff.id,
    today: () => store().tickets.visible(store().hall.state().businessDay),
    open,
    desk: (n, staffNo, opts = {}) => openDesk(get().browser, url(), n, staffNo, clocked(opts)),
    pad: (n) => open(`/pad?token=demo-pad-${n}&counter=${n}`, sizes.pad),
    async backoffice(staffNo) {
      const page = await open('/backoffice?token=demo-backoffice', sizes.backoffice);
      await signIn(page, staffNo);
      return page;
    },
    async issue(serviceId = 'svc-billing', extra = {}) {
      kiosk ??= await connectClient(url(), { deviceToken: 'demo-kiosk-1' });
      return ok(await send(kiosk, 'ticket:issue', { serviceId, ...extra })).ticket;
    },
    dropKiosk() {
      kiosk?.disconnect();
      kiosk = undefined;
    },
  };
}
