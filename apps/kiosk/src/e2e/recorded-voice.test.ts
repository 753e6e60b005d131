import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ok,
  send,
  startTestHall,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { soundWithoutTouch } from '../../electron/policy';
import { hasChromium, launchChromium } from '../../test-support/browser';
import { ensureKioskBuilt } from '../../test-support/build';
import { demoStaff, openDevice } from '../../test-support/scene';

// Issue 19, item 4: the hall uses its recorded voice. Two calls come in quick succession; the
// display plays the first call's clips to their end, then the second's — observed on the real
// playback (every Web Audio buffer source the page starts, and when it ends) and on the
// display's own log — each call being the clips its wording is made of. A wording with a word
// no clip says is spoken by speech synthesis instead, whole, and the display says so.

interface SourcePlayed {
  duration: number;
  startedAt: number;
  endedAt: number | null;
}

let browser: Browser;
let hall: TestHall;

beforeAll(async () => {
  if (!hasChromium) return;
  await ensureKioskBuilt();
  // The kiosk shell's autoplay policy: sound plays without a touch.
  browser = await launchChromium([`--autoplay-policy=${soundWithoutTouch.autoplayPolicy}`]);
  hall = await startTestHall();
  const admin = await demoStaff(hall.server.url).admin();
  ok(await send(admin.socket, 'admin:configure', { settings: { announceVoice: 'recorded' } }));
  admin.socket.disconnect();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

/** Every buffer source the page starts, with when it started and when it ended. */
function watchPlayback(page: Page) {
  // Plain JavaScript inside: the function is sent to the page as its source text.
  return page.addInitScript(() => {
    const played: SourcePlayed[] = [];
    (window as unknown as { __sourcesPlayed: SourcePlayed[] }).__sourcesPlayed = played;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args) {
      const entry: SourcePlayed = {
        duration: this.buffer?.duration ?? 0,
        startedAt: performance.now(),
        endedAt: null,
      };
      played.push(entry);
      this.addEventListener('ended', () => {
        entry.endedAt = performance.now();
      });
      return start.apply(this, args);
    } as typeof start;
  });
}

async function openDisplay(
  opts: { failClip?: string; expect?: 'ready' | 'fallback' } = {},
): Promise<Page> {
  const page = await openDevice(browser, hall.server.url, 'display', {
    query: '&english=0',
    beforeOpen: async (p) => {
      await watchPlayback(p);
      // A clip the hall cannot deliver (a broken file, the network).
      if (opts.failClip) await p.route(`**/voice/zh-CN/${opts.failClip}`, (r) => r.abort());
    },
  });
  await page.locator('.display-header').waitFor();
  // The clips the hall's calls need are loaded before the first call.
  await expect
    .poll(() => page.evaluate(() => window.__onestopVoice.recorded.kind), { timeout: 20_000 })
    .toBe(opts.expect ?? 'ready');
  return page;
}

/** The announcement of `ticketId` once it is over: how it ended. */
function outcomeOf(page: Page, ticketId: string) {
  return expect
    .poll(
      () =>
        page.evaluate(
          (id) => window.__onestopAnnouncements.find((a) => a.ticketId === id)?.outcome,
          ticketId,
        ),
      { timeout: 30_000 },
    )
    .toBe('spoken');
}

declare global {
  interface Window {
    __onestopVoice: {
      recorded: { kind: string; missing?: string[] };
      played: { ticketId: string; clip: string; startedAt: number; endedAt: number }[];
    };
    __onestopAnnouncements: {
      ticketId: string;
      startedAt: number | null;
      endedAt: number | null;
      outcome: string | null;
    }[];
  }
}

const DEFAULT_WORDING = '请{number}号到{counter}号窗口办理';

/** 请 A001 号 到 1 号窗口 办理, as the built-in clips say it. */
const expectedClips = (number: string, counter: number) => [
  'qing',
  ...number,
  'hao',
  'dao',
  String(counter),
  'hao-chuang-kou',
  'ban-li',
];

describe.skipIf(!hasChromium)('the recorded voice on the hall display', () => {
  it('plays a call queued after another only once the first has ended', async () => {
    const page = await openDisplay();
    try {
      const staff = demoStaff(hall.server.url);
      const kiosk = await staff.kiosk();
      for (let i = 0; i < 2; i++)
        ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
      kiosk.disconnect();
      const [one, two] = [await staff.clerk(1), await staff.clerk(2)];
      // Two calls in quick succession, at counters 1 and 2.
      const first = ok(await send(one.socket, 'ticket:call-next', {})).ticket;
      const second = ok(await send(two.socket, 'ticket:call-next', {})).ticket;
      one.socket.disconnect();
      two.socket.disconnect();

      await expect
        .poll(
          () =>
            page.evaluate(
              () => window.__onestopAnnouncements.filter((a) => a.outcome !== null).length,
            ),
          { timeout: 60_000 },
        )
        .toBe(2);

      // The display's log: the second started after the first ended, both spoken whole.
      const log = await page.evaluate(() => window.__onestopAnnouncements);
      expect(log.map((a) => [a.ticketId, a.outcome])).toEqual([
        [first.id, 'spoken'],
        [second.id, 'spoken'],
      ]);
      expect(log[1]!.startedAt!).toBeGreaterThanOrEqual(log[0]!.endedAt!);

      // What was played: each call's clips, in order, the first call's all before the second's.
      const voice = await page.evaluate(() => window.__onestopVoice);
      expect(voice.recorded.kind).toBe('ready');
      const firstClips = expectedClips(first.number, 1);
      const secondClips = expectedClips(second.number, 2);
      expect(voice.played.map((p) => [p.ticketId, p.clip])).toEqual([
        ...firstClips.map((c) => [first.id, c]),
        ...secondClips.map((c) => [second.id, c]),
      ]);

      // The real playback: one buffer source per clip, each started after the one before it
      // ended — none cut off, none over another.
      const sources = await page.evaluate(
        () => (window as unknown as { __sourcesPlayed: SourcePlayed[] }).__sourcesPlayed,
      );
      expect(sources).toHaveLength(firstClips.length + secondClips.length);
      expect(sources.every((s) => s.endedAt !== null && s.duration > 0)).toBe(true);
      for (const [i, s] of sources.entries()) {
        if (i > 0) expect(s.startedAt).toBeGreaterThanOrEqual(sources[i - 1]!.endedAt!);
      }
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('speaks a call whose wording has a word without its clip, whole, and says so', async () => {
    const staff = demoStaff(hall.server.url);
    const admin = await staff.admin();
    ok(
      await send(admin.socket, 'admin:configure', {
        settings: { announceZh: '请{number}号到{counter}号窗口缴费' },
      }),
    );
    admin.socket.disconnect();
    const page = await openDisplay();
    try {
      const kiosk = await staff.kiosk();
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));
      kiosk.disconnect();
      const clerk = await staff.clerk(3);
      const { ticket } = ok(await send(clerk.socket, 'ticket:call-next', {}));
      clerk.socket.disconnect();

      const status = page.getByTestId('voice-status');
      await status.waitFor({ timeout: 20_000 });
      expect(await status.innerText()).toContain('缴 费');
      await outcomeOf(page, ticket.id);
      // Not one clip of it was played.
      const voice = await page.evaluate(() => window.__onestopVoice);
      expect(voice.played.filter((p) => p.ticketId === ticket.id)).toEqual([]);
      if (process.env.VOICE_SHOTS)
        await page.screenshot({ path: `${process.env.VOICE_SHOTS}/display-voice-fallback.png` });
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('speaks a call whose clip will not load, whole, never stalling the queue', async () => {
    const staff = demoStaff(hall.server.url);
    const admin = await staff.admin();
    ok(await send(admin.socket, 'admin:configure', { settings: { announceZh: DEFAULT_WORDING } }));
    admin.socket.disconnect();
    const page = await openDisplay({ failClip: 'ban-li', expect: 'fallback' });
    try {
      expect(await page.getByTestId('voice-status').innerText()).toContain('ban-li');
      const kiosk = await staff.kiosk();
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));
      kiosk.disconnect();
      const [four, six] = [await staff.clerk(4), await staff.clerk(6)];
      const first = ok(await send(four.socket, 'ticket:call-next', {})).ticket;
      const second = ok(await send(six.socket, 'ticket:call-next', {})).ticket;
      four.socket.disconnect();
      six.socket.disconnect();
      await outcomeOf(page, first.id);
      await outcomeOf(page, second.id);
      // Both calls said by speech, whole: not one clip played.
      const voice = await page.evaluate(() => window.__onestopVoice);
      expect(voice.played).toEqual([]);
      expect(voice.recorded).toEqual({ kind: 'fallback', missing: ['ban-li'] });
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
