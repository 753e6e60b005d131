import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  startTestHall,
  type HallClient,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, launchChromium, openScreen, SIZES } from './browser';
import { ensureKioskBuilt } from './build';

// The scene of a hall-facing screen test: the built kiosk app, a demo hall server and Chromium,
// started once per test file; each screen opened on its demo device at its real size; the
// hall's staff signed in on their own sockets.

type HallOptions = NonNullable<Parameters<typeof startTestHall>[0]>;
type OpenOptions = NonNullable<Parameters<typeof openScreen>[3]>;

/** The demo hall's device for each screen, its size, and whether it is touched. */
const SCREENS = {
  kiosk: { path: '/kiosk?token=demo-kiosk-1', size: SIZES.kiosk, touch: true },
  display: { path: '/display?token=demo-display-1', size: SIZES.display, touch: false },
  guide: { path: '/guide?token=demo-guide', size: SIZES.guide, touch: false },
} as const;
export type ScreenName = keyof typeof SCREENS;

export interface ScreenOptions extends OpenOptions {
  /** Appended to the screen's address (`&paper=58`). */
  query?: string;
  /** The screen's language, kept by the device before it loads. */
  lang?: 'zh' | 'en';
  /** Another size than the screen's own. */
  size?: { width: number; height: number };
  /** Another browser than the scene's (one launched with a switch). */
  browser?: Browser;
}

/** Opens `screen` of the hall at `url` on its demo device. */
export function openDevice(
  browser: Browser,
  url: string,
  screen: ScreenName,
  opts: ScreenOptions = {},
): Promise<Page> {
  const { path, size, touch } = SCREENS[screen];
  const { query = '', lang, beforeOpen, ...rest } = opts;
  return openScreen(opts.browser ?? browser, `${url}${path}${query}`, opts.size ?? size, {
    touch,
    ...rest,
    beforeOpen: async (page) => {
      if (lang) await page.addInitScript((l) => localStorage.setItem('onestop.lang', l), lang);
      await beforeOpen?.(page);
    },
  });
}

/** The customer's phone page at a phone's size (its address is the ticket's QR code). */
export function openPhone(browser: Browser, statusUrl: string): Promise<Page> {
  return openScreen(browser, statusUrl, SIZES.phone, { touch: true });
}

/** Signs a guide in on a guide desk that shows the sign-in form (赵引导 7001). */
export async function signInGuide(page: Page, staffNo = '7001', pin = staffNo): Promise<void> {
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('密码').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The demo hall's staff, each signed in on a socket of their own desk. */
export function demoStaff(url: string) {
  const at = (desk: string, staffNo: string) =>
    clerkAtCounter(url, { deviceToken: `demo-${desk}`, staffNo, pin: staffNo });
  return {
    /** The clerk of counter `n` (100n) at that counter, open. */
    clerk: (n: number) =>
      clerkAtCounter(url, {
        deviceToken: `demo-desk-${n}`,
        staffNo: `100${n}`,
        pin: `100${n}`,
        counterId: `ctr-${n}`,
      }),
    /** 王值班 (8001) at the console. */
    leader: () => at('console', '8001'),
    /** 赵引导 (7001) at the guide desk. */
    guide: () => at('guide', '7001'),
    /** The administrator (9000) at the back office. */
    admin: () => at('backoffice', '9000'),
    /** The first kiosk's socket, as the kiosk issues tickets. */
    kiosk: (): Promise<HallClient> => connectClient(url, { deviceToken: 'demo-kiosk-1' }),
  };
}

export interface HallScene extends ReturnType<typeof demoStaff> {
  readonly hall: TestHall;
  readonly url: string;
  readonly browser: Browser;
  open(screen: ScreenName, opts?: ScreenOptions): Promise<Page>;
  phone(statusUrl: string): Promise<Page>;
  /** The guide desk with 赵引导 signed in, at its queues. */
  signedInGuide(): Promise<Page>;
  /** Today's tickets the hall server holds. */
  ticketsToday(): ReturnType<TestHall['server']['hall']['store']['tickets']['visible']>;
}

/**
 * The built kiosk app and Chromium, for a test file that starts its own halls: launched before
 * its tests, closed after. Without Chromium nothing starts (`describe.skipIf(!hasChromium)`).
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    await ensureKioskBuilt();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium starts in beforeAll');
    return browser;
  };
}

/**
 * `useChromium` and a demo hall server for the file's tests: `hall` for the server's settings
 * (a clock, a seed, no rate limits).
 */
export function useHallScene(hall: HallOptions = {}): HallScene {
  const browser = useChromium();
  let started: TestHall | undefined;
  beforeAll(async () => {
    if (hasChromium) started = await startTestHall(hall);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const theHall = () => {
    if (!started) throw new Error('the hall starts in beforeAll');
    return started;
  };
  const url = () => theHall().server.url;
  // The staff read the address when called: a restarted hall keeps its port.
  const staff = (): ReturnType<typeof demoStaff> => demoStaff(url());
  return {
    get hall() {
      return theHall();
    },
    get url() {
      return url();
    },
    get browser() {
      return browser();
    },
    open: (screen, opts) => openDevice(browser(), url(), screen, opts),
    phone: (statusUrl) => openPhone(browser(), statusUrl),
    async signedInGuide() {
      const guide = await openDevice(browser(), url(), 'guide');
      await signInGuide(guide);
      await guide.getByRole('heading', { name: '排队概况' }).waitFor();
      return guide;
    },
    ticketsToday() {
      const store = theHall().server.hall.store;
      return store.tickets.visible(store.hall.state().businessDay);
    },
    clerk: (n) => staff().clerk(n),
    leader: () => staff().leader(),
    guide: () => staff().guide(),
    admin: () => staff().admin(),
    kiosk: () => staff().kiosk(),
  };
}
