import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  clerkAtCounter,
  startTestHall,
  type HallClient,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { launchChromium } from '../../../../test-support/browser';
import { buildCounterOnce } from '../../../../test-support/build-once';
import { openConsole } from '../../../../test-support/console-hall';
import { ensureKioskBuiltOnce } from '../../../../test-support/console-kiosk';

// The console's screen tests share one set-up: the counter app built once, a hall server of
// their own (the demo hall), Chromium; and, at the end, every socket they opened disconnected,
// the browser and the hall closed. `consoleHall()` registers that for the test file.

export { hasChromium } from '../../../../test-support/browser';

export interface ConsoleHall {
  readonly hall: TestHall;
  readonly browser: Browser;
  /** The hall server's address (the same after a restart). */
  readonly url: string;
  /** Sockets to disconnect after the file's tests. */
  readonly sockets: HallClient[];
  readonly store: TestHall['server']['hall']['store'];
}

/**
 * A hall and Chromium for this test file: started before its tests (then `ready` runs, for
 * the file's own morning), closed after them.
 */
export function consoleHall(
  opts: {
    hall?: Parameters<typeof startTestHall>[0];
    /** More to build first (e.g. the kiosk, for a test that opens it). */
    build?: () => Promise<unknown>;
    ready?: (world: ConsoleHall) => Promise<void>;
    timeoutMs?: number;
  } = {},
): ConsoleHall {
  let hall: TestHall | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('consoleHall: used before its beforeAll ran');
    return value;
  };
  const world: ConsoleHall = {
    get hall() {
      return started(hall);
    },
    get browser() {
      return started(browser);
    },
    get url() {
      return started(hall).server.url;
    },
    sockets: [],
    get store() {
      return started(hall).server.hall.store;
    },
  };
  beforeAll(async () => {
    await Promise.all([buildCounterOnce(), opts.build?.()]);
    hall = await startTestHall(opts.hall);
    browser = await launchChromium();
    await opts.ready?.(world);
  }, opts.timeoutMs ?? 180_000);
  afterAll(async () => {
    for (const s of world.sockets) s.disconnect();
    await browser?.close();
    await hall?.close();
  });
  return world;
}

/**
 * `consoleHall` for the admin's screen tests: the kiosk built too (they open a kiosk or a
 * display), and the admin (9000) signed in on the console, handed to `opened` once ready.
 */
export function adminConsoleHall(opened: (admin: Page) => void): ConsoleHall {
  return consoleHall({
    build: ensureKioskBuiltOnce,
    timeoutMs: 300_000,
    ready: async ({ browser, url }) => opened(await openConsole(browser, url, '9000')),
  });
}

/** The duty leader (王值班 8001) signed in on the guide desk's socket, beside the console. */
export async function leaderSocket(url: string): Promise<HallClient> {
  const { socket } = await clerkAtCounter(url, {
    deviceToken: 'demo-guide',
    staffNo: '8001',
    pin: '8001',
  });
  return socket;
}

/** The admin (9000) signed in on the back office's socket. */
export async function adminSocket(url: string): Promise<HallClient> {
  const { socket } = await clerkAtCounter(url, {
    deviceToken: 'demo-backoffice',
    staffNo: '9000',
    pin: '9000',
  });
  return socket;
}
