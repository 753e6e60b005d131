import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DisplayLayoutKind, DisplayOrientation } from '@onestop/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  ok,
  send,
  startTestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, openScreen } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// Each display layout at 1920×1080 and 1080×1920 (issue 19 item 3), changed live by the admin
// on one paired display per orientation: the current call is the largest zone and the largest
// text, nothing leaves the screen, the media zone shows the hall's media folder. Screenshots go
// to docs/screenshots/display-<layout>-<orientation>.png. Then the console's preview (no token,
// no connection) and the empty hall (no calls, no media).

const scene = useHallScene({ server: { limits: false } });
const SHOTS = join(import.meta.dirname, '../../../../docs/screenshots');

const LAYOUTS: DisplayLayoutKind[] = ['calls', 'calls_waiting', 'calls_notices_media'];
const SIZES: Record<DisplayOrientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};
const NOTICE =
  '今日 14:00–16:00 系统升级,电费缴纳暂停办理,请到引导台登记后改日办理。停电报修请拨打 95598。';

/** A poster for the media folder, drawn by Chromium itself (a real PNG, no fixture file). */
async function drawPoster(path: string): Promise<void> {
  const page = await openScreen(scene.browser, 'about:blank', { width: 1600, height: 900 });
  await page.setContent(
    `<body style="margin:0;width:1600px;height:900px;display:flex;flex-direction:column;
      justify-content:center;align-items:center;font-family:sans-serif;color:#fff;
      background:linear-gradient(135deg,#0b7a3e,#1f9d55 45%,#f0b429)">
      <div style="font-size:110px;font-weight:900">节约用电 从我做起</div>
      <div style="font-size:54px;margin-top:30px">Save power, every day · 网上国网 App 缴费更便捷</div>
    </body>`,
  );
  await page.screenshot({ path });
  await page.context().close();
}

beforeAll(async () => {
  if (!hasChromium) return;
  const media = join(scene.hall.dataDir, 'media');
  mkdirSync(media, { recursive: true });
  await drawPoster(join(media, '01-save-power.png'));
  const leader = await scene.leader();
  ok(await send(leader.socket, 'hall:set-notice', { text: NOTICE }));
  leader.socket.disconnect();
  const kiosk = await scene.kiosk();
  for (const serviceId of ['svc-billing', 'svc-connection', 'svc-account', 'svc-fault']) {
    for (let i = 0; i < 3; i++) ok(await send(kiosk, 'ticket:issue', { serviceId }));
  }
  for (let i = 0; i < 6; i++) ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
  kiosk.disconnect();
  // Counters 1–4 each call one ticket; counter 1 serves its; counter 3 calls last.
  for (const n of [1, 2, 4, 3]) {
    const clerk = await scene.clerk(n);
    const { ticket } = ok(await send(clerk.socket, 'ticket:call-next', {}));
    if (n === 1) ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
    clerk.socket.disconnect();
  }
}, 180_000);

interface Fit {
  layout: string | null;
  heroArea: number;
  largestOther: { zone: string; area: number };
  heroFont: number;
  largestOtherFont: number;
  offScreen: string[];
  pageScrolls: boolean;
}

/** The zones' areas, the largest font outside the current call, and what leaves the screen. */
function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const zones = [...document.querySelectorAll<HTMLElement>('[data-zone]')];
    const area = (el: Element) => {
      const r = el.getBoundingClientRect();
      return Math.round(r.width * r.height);
    };
    const hero = document.querySelector<HTMLElement>('[data-zone="hero"]')!;
    const others = zones
      .filter((z) => z !== hero)
      .map((z) => ({ zone: z.dataset.zone!, area: area(z) }))
      .sort((a, b) => b.area - a.area);
    const fontOf = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) =>
        !hero.contains(el) &&
        [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== ''),
    );
    const offScreen = zones
      .filter((z) => {
        const r = z.getBoundingClientRect();
        return r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1 || r.left < -1;
      })
      .map((z) => z.dataset.zone!);
    return {
      layout: document.querySelector<HTMLElement>('[data-layout]')?.dataset.layout ?? null,
      heroArea: area(hero),
      largestOther: others[0] ?? { zone: 'none', area: 0 },
      heroFont: fontOf(hero.querySelector('.current-number, .current-none')!),
      largestOtherFont: Math.max(...texts.map(fontOf)),
      offScreen,
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
    };
  });
}

async function setLayout(layout: DisplayLayoutKind, orientation: DisplayOrientation) {
  const admin = await scene.admin();
  ok(
    await send(admin.socket, 'admin:set-display-layout', {
      deviceId: 'dev-display-1',
      layout,
      orientation,
    }),
  );
  admin.socket.disconnect();
}

describe.skipIf(!hasChromium)('display layouts', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`draws each layout ${orientation}, changed live, the current call largest`, async () => {
      await setLayout('calls', orientation);
      const page = await scene.open('display', { size: SIZES[orientation] });
      try {
        await page.locator('[data-testid="current-call"] .current-number').waitFor();
        for (const layout of LAYOUTS) {
          await setLayout(layout, orientation);
          // No reload: the open page follows the admin's choice.
          await page
            .locator(`[data-layout="${layout}"][data-orientation="${orientation}"]`)
            .waitFor();
          if (layout === 'calls_waiting') await page.locator('.queues tbody tr').first().waitFor();
          if (layout === 'calls_notices_media') {
            await page.locator('img[data-media="01-save-power.png"]').waitFor();
            await expect
              .poll(() =>
                page.evaluate(() => {
                  const img = document.querySelector<HTMLImageElement>('img[data-media]');
                  return img !== null && img.complete && img.naturalWidth > 0;
                }),
              )
              .toBe(true);
          }
          if ((await page.locator('.zone-recent').count()) > 0)
            await expect.poll(() => page.locator('.recent li').count()).toBeGreaterThan(0);
          await page.screenshot({ path: join(SHOTS, `display-${layout}-${orientation}.png`) });
          const fit = await measure(page);
          expect(fit.layout).toBe(layout);
          expect(fit.heroArea, JSON.stringify(fit)).toBeGreaterThan(fit.largestOther.area);
          expect(fit.heroFont, JSON.stringify(fit)).toBeGreaterThan(fit.largestOtherFont);
          expect(fit.offScreen).toEqual([]);
          expect(fit.pageScrolls).toBe(false);
          const last = scene.ticketsToday().find((t) => t.counterId === 'ctr-3');
          expect(await page.locator('.current-number').innerText()).toBe(last?.number);
        }
      } finally {
        await page.context().close();
      }
    }, 120_000);
  }

  it('previews a layout with sample data, without a token and without connecting', async () => {
    const page = await openScreen(
      scene.browser,
      `${scene.url}/display?preview=1&layout=calls_notices_media&orientation=portrait&lang=en`,
      SIZES.portrait,
    );
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('request', (r) => {
      if (r.url().includes('/socket.io/')) sockets.push(r.url());
    });
    try {
      await page
        .getByTestId('preview-banner')
        .filter({ hasText: 'Preview · sample data' })
        .waitFor();
      await page
        .locator('[data-layout="calls_notices_media"][data-orientation="portrait"]')
        .waitFor();
      const fit = await measure(page);
      expect(fit.heroArea).toBeGreaterThan(fit.largestOther.area);
      expect(await page.locator('[data-testid="media-sample"]').count()).toBe(1);
      expect(await page.getByText('配对').count()).toBe(0);
      await page.waitForTimeout(500);
      expect(sockets).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe.skipIf(!hasChromium)('an empty hall', () => {
  it('says to watch for the call, shows the hall name where the media would play, and goes stale offline', async () => {
    const hall = await startTestHall();
    try {
      const a = await clerkAtCounter(hall.server.url, {
        deviceToken: 'demo-backoffice',
        staffNo: '9000',
        pin: '9000',
      });
      ok(
        await send(a.socket, 'admin:set-display-layout', {
          deviceId: 'dev-display-1',
          layout: 'calls_notices_media',
          orientation: 'landscape',
        }),
      );
      a.socket.disconnect();
      const page = await openScreen(
        scene.browser,
        `${hall.server.url}/display?token=demo-display-1`,
        SIZES.landscape,
      );
      try {
        await page.locator('[data-layout="calls_notices_media"]').waitFor();
        await page.locator('.current-none').waitFor();
        const empty = page.locator('[data-testid="media-empty"]');
        await empty.waitFor();
        expect(await empty.innerText()).toMatch(/营业厅|Hall/);
        const fit = await measure(page);
        expect(fit.heroArea).toBeGreaterThan(fit.largestOther.area);
        if (process.env.FIT_SHOTS)
          await page.screenshot({ path: `${process.env.FIT_SHOTS}/display-empty.png` });
        // The hall goes away: the board stays, dimmed, under the link's banner.
        await hall.server.close();
        await page.locator('.display-stale[data-layout="calls_notices_media"]').waitFor();
        await page.locator('.banner[data-link]').waitFor();
        expect(await page.locator('[data-zone="hero"]').isVisible()).toBe(true);
      } finally {
        await page.context().close();
      }
    } finally {
      // Its server is closed already: what is left is its folder.
      await hall.close().catch(() => rmSync(hall.dataDir, { recursive: true, force: true }));
    }
  }, 120_000);
});

/** A one-second webm drawn and recorded by Chromium (a real video with a sound track). */
async function recordClip(path: string): Promise<void> {
  const page = await openScreen(scene.browser, 'about:blank', { width: 320, height: 180 });
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const g = canvas.getContext('2d')!;
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const out = audio.createMediaStreamDestination();
    tone.connect(out);
    tone.start();
    const stream = new MediaStream([
      ...canvas.captureStream(25).getVideoTracks(),
      ...out.stream.getAudioTracks(),
    ]);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((r) => (recorder.onstop = r));
    recorder.start();
    for (let i = 0; i < 25; i++) {
      g.fillStyle = `hsl(${i * 14}, 70%, 45%)`;
      g.fillRect(0, 0, 320, 180);
      await new Promise((r) => setTimeout(r, 40));
    }
    recorder.stop();
    await done;
    return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
  });
  writeFileSync(path, Buffer.from(bytes));
  await page.context().close();
}

describe.skipIf(!hasChromium)('the media zone', () => {
  it('plays a video muted, keeps it muted, and goes on to the next file at its end', async () => {
    const hall = await startTestHall();
    try {
      const media = join(hall.dataDir, 'media');
      mkdirSync(media, { recursive: true });
      await recordClip(join(media, '01-clip.webm'));
      await drawPoster(join(media, '02-poster.png'));
      const admin = await clerkAtCounter(hall.server.url, {
        deviceToken: 'demo-backoffice',
        staffNo: '9000',
        pin: '9000',
      });
      ok(
        await send(admin.socket, 'admin:set-display-layout', {
          deviceId: 'dev-display-1',
          layout: 'calls_notices_media',
          orientation: 'landscape',
        }),
      );
      admin.socket.disconnect();
      const page = await openScreen(
        scene.browser,
        `${hall.server.url}/display?token=demo-display-1`,
        SIZES.landscape,
      );
      try {
        const video = page.locator('video[data-media="01-clip.webm"]');
        await video.waitFor();
        // Whatever tries to give it sound, it stays silent.
        const sound = await video.evaluate(async (v: HTMLVideoElement) => {
          v.addEventListener('ended', () => document.body.setAttribute('data-clip-ended', ''));
          v.muted = false;
          v.volume = 1;
          await new Promise((r) => setTimeout(r, 100));
          return { muted: v.muted, volume: v.volume };
        });
        expect(sound).toEqual({ muted: true, volume: 0 });
        await page.locator('img[data-media="02-poster.png"]').waitFor({ timeout: 15_000 });
        // It played to its end (not skipped as failed).
        expect(await page.locator('body[data-clip-ended]').count()).toBe(1);
      } finally {
        await page.context().close();
      }
    } finally {
      await hall.close();
    }
  }, 120_000);
});
