import { fileURLToPath } from 'node:url';
import { chunksOver, deviceBundle } from '@onestop/desktop-shell/web-bundles';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKioskBuilt } from '../test-support/build';

// Each device loads only its own code (issue 17): read from the build the screen tests use,
// vite's manifest (what each screen imports statically) and the chunks' module lists.

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const screens = {
  kiosk: 'src/kiosk/KioskApp.tsx',
  guide: 'src/guide/GuideApp.tsx',
  display: 'src/display/DisplayApp.tsx',
  status: 'src/status/StatusApp.tsx',
};
// The kiosk's and the guide desk's own: their screens, the on-screen keyboard with its pinyin
// dictionary, and the ticket's QR code.
const deskOnlyCode =
  /^src\/(kiosk|guide)\/|node_modules\/(pinyin-pro|simple-keyboard|qrcode)\/|TextKeyboard|TicketPrint/;

beforeAll(() => ensureKioskBuilt(), 180_000);

describe('what each hall-facing device loads', () => {
  it.each(Object.entries(screens))('the %s: its own screen, no counter app code', (_d, screen) => {
    const { modules } = deviceBundle(dist, screen);
    expect(modules).toContain(screen);
    expect(modules).toContain('src/main.tsx');
    expect(modules.filter((m) => /apps\/counter\/|^\.\.\/counter\//.test(m))).toEqual([]);
  });

  it.each([
    ['display', screens.display],
    ['status page', screens.status],
  ])('the %s: none of the kiosk’s or the guide desk’s code', (_device, screen) => {
    const { modules } = deviceBundle(dist, screen);
    expect(modules.filter((m) => deskOnlyCode.test(m))).toEqual([]);
  });

  it('has no chunk over vite’s warning limit (500 kB)', () => {
    expect(chunksOver(dist)).toEqual([]);
  });
});
