import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isAllowedUrl,
  isExitPin,
  parseSettings,
  printOptions,
  reconnectDelayMs,
  startUrl,
} from './policy';

describe('the kiosk shell policy', () => {
  it.each([
    ['http://10.0.0.5:8080/kiosk', true],
    ['http://10.0.0.5:8080/status?ticket=x', true],
    ['http://10.0.0.5:9090/kiosk', false],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedUrl(url, 'http://10.0.0.5:8080')).toBe(allowed);
  });

  it('leaves kiosk mode only with the admin PIN', () => {
    const stored = createHash('sha256').update('4321').digest('hex');
    expect(isExitPin('4321', stored)).toBe(true);
    expect(isExitPin('1234', stored)).toBe(false);
    expect(isExitPin('4321', undefined)).toBe(false);
    expect(isExitPin('abc', stored)).toBe(false);
  });

  it('reads settings defensively and builds the start URL', () => {
    expect(parseSettings('{broken')).toMatchObject({
      serverUrl: 'http://127.0.0.1:8080',
      screen: '/kiosk',
    });
    const s = parseSettings(
      JSON.stringify({
        serverUrl: 'http://10.0.0.5:8080',
        screen: '/display',
        paper: 58,
        deviceToken: 'abc',
      }),
    );
    expect(startUrl(s)).toBe('http://10.0.0.5:8080/display?token=abc&paper=58');
    expect(printOptions({ ...s, printerName: 'EPSON TM-T88' }, 58)).toMatchObject({
      silent: true,
      deviceName: 'EPSON TM-T88',
      pageSize: { width: 58_000 },
    });
  });

  it('backs off reconnecting from 2 s to 30 s', () => {
    expect([0, 1, 2, 3, 10].map(reconnectDelayMs)).toEqual([2000, 4000, 8000, 16_000, 30_000]);
  });
});
