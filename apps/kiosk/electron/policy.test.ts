import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  autostartEntry,
  defaultSettings,
  identityOf,
  isExitPin,
  kioskModeFor,
  parsePaper,
  parseSettings,
  printOptions,
  soundWithoutTouch,
  startUrl,
} from './policy';

describe('the kiosk shell policy', () => {
  const stored = createHash('sha256').update('4321').digest('hex');
  it.each([
    ['4321', stored, true],
    ['1234', stored, false],
    ['4321', undefined, false],
    ['abc', stored, false],
    ['', stored, false],
    [4321, stored, false],
    [null, stored, false],
    ['432112345', stored, false],
  ])('leaves kiosk mode with PIN %j: %s', (pin, hash, leaves) => {
    expect(isExitPin(pin, hash)).toBe(leaves);
  });

  it.each([
    [undefined, defaultSettings],
    ['{broken', defaultSettings],
    ['null', defaultSettings],
    ['[]', { ...defaultSettings }],
    [
      JSON.stringify({ serverUrl: 'ftp://x', screen: '/admin', paper: 57, exitPinSha256: 'short' }),
      defaultSettings,
    ],
    [
      JSON.stringify({
        serverUrl: 'http://10.0.0.5:8080',
        screen: '/display',
        paper: 58,
        deviceToken: 'abc',
        printerName: 'EPSON TM-T88',
        exitPinSha256: stored.toUpperCase(),
      }),
      {
        serverUrl: 'http://10.0.0.5:8080',
        screen: '/display',
        paper: 58,
        deviceToken: 'abc',
        printerName: 'EPSON TM-T88',
        exitPinSha256: stored,
      },
    ],
  ])('reads settings %s defensively', (json, settings) => {
    expect(parseSettings(json)).toEqual(settings);
  });

  it('starts on the configured screen with the token and paper width, kiosk mode but for the guide', () => {
    const s = parseSettings(
      JSON.stringify({
        serverUrl: 'http://10.0.0.5:8080',
        screen: '/kiosk',
        paper: 58,
        deviceToken: 'a b',
      }),
    );
    expect(startUrl(s)).toBe('http://10.0.0.5:8080/kiosk?token=a+b&paper=58');
    expect(startUrl(defaultSettings)).toBe('http://127.0.0.1:8080/kiosk');
    expect(kioskModeFor(s)).toBe(true);
    expect(kioskModeFor({ ...s, screen: '/display' })).toBe(true);
    expect(kioskModeFor({ ...s, screen: '/guide' })).toBe(false);
    expect(identityOf(s)).toEqual({
      serverUrl: 'http://10.0.0.5:8080',
      screen: '/kiosk',
      paper: 58,
      printerName: null,
    });
  });

  it.each([
    [80, 80],
    [58, 58],
    ['80', null],
    [57, null],
    [undefined, null],
    [{ paper: 80 }, null],
  ])('a print request for paper %j prints on %s', (arg, paper) => {
    expect(parsePaper(arg)).toBe(paper);
  });

  it('prints silently on the configured printer at the roll width', () => {
    expect(printOptions({ ...defaultSettings, printerName: 'EPSON TM-T88' }, 58)).toMatchObject({
      silent: true,
      deviceName: 'EPSON TM-T88',
      pageSize: { width: 58_000 },
      margins: { marginType: 'none' },
    });
    expect(printOptions(defaultSettings, 80)).not.toHaveProperty('deviceName');
  });

  it('lets the display speak without a touch (src/e2e/display.test.ts runs Chromium with it)', () => {
    expect(soundWithoutTouch).toEqual({ autoplayPolicy: 'no-user-gesture-required' });
  });

  it('starts at login on Linux with an autostart entry that quotes its path', () => {
    expect(autostartEntry('/opt/OneStop Kiosk/kiosk.AppImage')).toContain(
      'Exec="/opt/OneStop Kiosk/kiosk.AppImage"',
    );
    expect(autostartEntry('/usr/bin/onestop')).toContain('Exec=/usr/bin/onestop\n');
  });
});
