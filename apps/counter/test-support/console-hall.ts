import type { Browser, Page } from 'playwright-core';
import {
  connectClient,
  ok,
  send,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';
import { openScreen, signIn } from './browser';
import { clerkAt, kioskSocket } from './demo-staff';

// Helpers for the console's screen tests and its screenshot tour: a console signed in at
// 1920x1080, and a served visit rated on its counter's pad.

export const consoleSize = { width: 1920, height: 1080 } as const;

/** The console on the demo hall's console desk, signed in (王值班 8001 or the admin 9000). */
export async function openConsole(
  browser: Browser,
  url: string,
  staffNo = '8001',
  size: { width: number; height: number } = consoleSize,
  /** Another desk's token when the console desk is taken (one staff member per desk). */
  deviceToken = 'demo-console',
  /** Before the page loads: e.g. the hall's clock for the page (`page.clock.install`). */
  beforeOpen?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const page = await openScreen(browser, `${url}/console?token=${deviceToken}`, size, {
    beforeOpen,
  });
  await page.getByTestId('sign-in').waitFor();
  await signIn(page, staffNo);
  await page.getByTestId('console').waitFor();
  return page;
}

export async function openTab(page: Page, tab: string): Promise<void> {
  await page.locator(`nav.console-tabs button[data-tab="${tab}"]`).click();
  await page.locator(`main.console-body[data-tab="${tab}"]`).waitFor();
}

/** Chimes the console has played (counted by the page). */
export const chimes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __consoleChimes?: number }).__consoleChimes ?? 0);

export interface ServedVisit {
  ticketId: string;
  number: string;
}

/**
 * A clerk serves one visit at a counter (the kiosk issues it) and finishes it; the counter's
 * pad then rates it. The clerk stays signed in at the counter on their socket.
 */
export async function serveAndRate(
  url: string,
  opts: {
    counter: number;
    clerk: HallClient;
    serviceId: string;
    score: 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied';
    reasons?: ('attitude' | 'waiting' | 'efficiency' | 'professionalism' | 'other')[];
  },
): Promise<ServedVisit> {
  const kiosk = await kioskSocket(url);
  const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: opts.serviceId }));
  const ticketId = issued.ticket.id;
  ok(await send(opts.clerk, 'ticket:call', { ticketId }));
  ok(await send(opts.clerk, 'ticket:start', { ticketId }));
  ok(await send(opts.clerk, 'ticket:finish', { ticketId, outcome: 'completed', items: [] }));
  const pad = await connectClient(url, { deviceToken: `demo-pad-${opts.counter}` });
  ok(
    await send(pad, 'evaluation:submit', {
      ticketId,
      score: opts.score,
      reasons: opts.reasons ?? [],
    }),
  );
  pad.disconnect();
  kiosk.disconnect();
  return { ticketId, number: issued.ticket.number };
}

export { clerkAt, kioskSocket, ok, send };
