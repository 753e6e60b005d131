import { describe, expect, it } from 'vitest';
import { keyDown as key } from './test-support/keys';
import {
  isAllowedUrl,
  isDevToolsKey,
  isKioskBlockedKey,
  reconnectDelayMs,
  serverUrlSetting,
  settingsObject,
  settingText,
} from './index';

describe('what every shell allows', () => {
  it.each([
    ['http://10.0.0.5:8080/kiosk', true],
    ['http://10.0.0.5:8080/pad?counter=2', true],
    ['http://10.0.0.5:9090/kiosk', false],
    ['https://10.0.0.5:8080/kiosk', false],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedUrl(url, 'http://10.0.0.5:8080')).toBe(allowed);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['{broken', null],
    ['null', null],
    ['42', null],
    ['[]', null],
    ['{"a":1}', { a: 1 }],
  ])('reads the settings file %j as %j', (json, object) => {
    expect(settingsObject(json)).toEqual(object);
  });

  it.each([
    [' x ', 'x'],
    ['  ', undefined],
    [3, undefined],
    [null, undefined],
  ])('takes the setting text %j as %j', (value, text) => {
    expect(settingText(value)).toBe(text);
  });

  it.each([
    ['http://10.0.0.5:8080', 'http://10.0.0.5:8080'],
    [' https://hall.example ', 'https://hall.example'],
    ['ftp://x', 'http://fallback'],
    ['not a url', 'http://fallback'],
    [undefined, 'http://fallback'],
  ])('takes the server address %j as %s', (value, url) => {
    expect(serverUrlSetting(value, 'http://fallback')).toBe(url);
  });

  it('backs off reconnecting from 2 s to 30 s', () => {
    expect([-1, 0, 1, 2, 3, 10].map(reconnectDelayMs)).toEqual([
      2000, 2000, 4000, 8000, 16_000, 30_000,
    ]);
  });

  it.each([
    [key('F12'), true, true],
    [key('I', { control: true, shift: true }), true, true],
    [key('j', { meta: true, shift: true }), true, true],
    [key('F12', { type: 'keyUp' }), false, false],
    [key('F5'), false, true],
    [key('F11'), false, true],
    [key('r', { control: true }), false, true],
    [key('w', { control: true }), false, true],
    [key('q', { meta: true }), false, true],
    [key('F4', { alt: true }), false, true],
    [key('ArrowLeft', { alt: true }), false, true],
    [key('=', { control: true }), false, true],
    [key('p', { control: true }), false, true],
    [key('BrowserBack'), false, true],
    [key('F5', { type: 'keyUp' }), false, false],
    [key('1'), false, false],
    [key('a'), false, false],
    [key('F1'), false, false],
    [key('c', { alt: true }), false, false],
    [key('Backspace'), false, false],
    [key('Enter'), false, false],
    [key('c', { control: true }), false, false],
    [key('v', { control: true }), false, false],
  ])('key %j: developer tools %s, blocked on a kiosk %s', (input, devTools, kiosk) => {
    expect(isDevToolsKey(input)).toBe(devTools);
    expect(isKioskBlockedKey(input)).toBe(kiosk);
  });
});
