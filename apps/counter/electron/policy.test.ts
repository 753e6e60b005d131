import { describe, expect, it } from 'vitest';
import { keyDown as key } from '@onestop/desktop-shell/test-support/keys';
import {
  defaultSettings,
  identityOf,
  isBlockedKey,
  padPlacement,
  padUrl,
  parseSettings,
  windowOfUrl,
  workstationUrl,
} from './policy';

const server = 'http://10.0.0.5:8080';

describe('the counter shell policy', () => {
  it.each([
    ['http://10.0.0.5:8080/counter', 'workstation'],
    ['http://10.0.0.5:8080/counter/', 'workstation'],
    ['http://10.0.0.5:8080/pad?counter=2', 'pad'],
    ['http://10.0.0.5:8080/console', null],
    ['http://10.0.0.5:8080/counterfeit', null],
    ['https://evil.example/counter', null],
    ['', null],
  ])('a bridge call from %s comes from the %s window', (url, kind) => {
    expect(windowOfUrl(url, server)).toBe(kind);
  });

  it.each([
    [undefined, defaultSettings],
    ['{broken', defaultSettings],
    ['null', defaultSettings],
    ['[]', defaultSettings],
    [
      JSON.stringify({ serverUrl: 'ftp://x', padCounter: 0, padScreen: 'moon', deskToken: ' ' }),
      defaultSettings,
    ],
    [JSON.stringify({ padCounter: 2.5 }), defaultSettings],
    [JSON.stringify({ padCounter: '2' }), defaultSettings],
    [
      JSON.stringify({
        serverUrl: 'http://10.0.0.5:8080',
        deskToken: 'desk',
        padCounter: 2,
        padToken: 'pad',
        padScreen: 'window',
      }),
      {
        serverUrl: 'http://10.0.0.5:8080',
        deskToken: 'desk',
        padCounter: 2,
        padToken: 'pad',
        padScreen: 'window',
      },
    ],
  ])('reads settings %s defensively', (json, settings) => {
    expect(parseSettings(json)).toEqual(settings);
  });

  it('opens the workstation with its token and the pad for its counter with the pad’s own token', () => {
    const s = parseSettings(
      JSON.stringify({ serverUrl: server, deskToken: 'a b', padCounter: 3, padToken: 'p-3' }),
    );
    expect(workstationUrl(s)).toBe('http://10.0.0.5:8080/counter?token=a+b');
    expect(workstationUrl(defaultSettings)).toBe('http://127.0.0.1:8080/counter');
    expect(padUrl(s)).toBe('http://10.0.0.5:8080/pad?counter=3&token=p-3');
    expect(padUrl(defaultSettings)).toBeNull();
    expect(padUrl({ ...s, padScreen: 'off' })).toBeNull();
    expect(identityOf(s, 'pad')).toEqual({ serverUrl: server, window: 'pad', padCounter: 3 });
    expect(identityOf(defaultSettings, 'workstation')).toEqual({
      serverUrl: 'http://127.0.0.1:8080',
      window: 'workstation',
      padCounter: null,
    });
  });

  const main = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
  const facing = { id: 2, bounds: { x: 1366, y: 0, width: 800, height: 480 } };
  const withPad = { ...defaultSettings, padCounter: 1 };
  it.each([
    ['no pad configured', defaultSettings, [main, facing], null],
    ['a pad and a second display', withPad, [main, facing], { kiosk: true, bounds: facing.bounds }],
    [
      'the second display listed first',
      withPad,
      [facing, main],
      { kiosk: true, bounds: facing.bounds },
    ],
    ['a pad but one display', withPad, [main], null],
    [
      'a pad in a window on one display',
      { ...withPad, padScreen: 'window' as const },
      [main],
      { kiosk: false },
    ],
    ['the pad switched off', { ...withPad, padScreen: 'off' as const }, [main, facing], null],
  ])('with %s the pad window goes %j', (_case, s, displays, placement) => {
    expect(padPlacement(s, displays, main.id)).toEqual(placement);
  });

  it.each([
    // The workstation keeps the clerk's shortcuts; only developer tools are closed.
    [key('F1'), 'workstation', false],
    [key('F4'), 'workstation', false],
    [key('F10'), 'workstation', false],
    [key('c', { alt: true }), 'workstation', false],
    [key('F5'), 'workstation', false],
    [key('F12'), 'workstation', true],
    [key('I', { control: true, shift: true }), 'workstation', true],
    // The pad is a kiosk in front of the customer.
    [key('F5'), 'pad', true],
    [key('F11'), 'pad', true],
    [key('F12'), 'pad', true],
    [key('r', { control: true }), 'pad', true],
    [key('w', { control: true }), 'pad', true],
    [key('q', { meta: true }), 'pad', true],
    [key('F4', { alt: true }), 'pad', true],
    [key('ArrowLeft', { alt: true }), 'pad', true],
    [key('=', { control: true }), 'pad', true],
    [key('F5', { type: 'keyUp' }), 'pad', false],
    [key('Enter'), 'pad', false],
    [key('1'), 'pad', false],
  ] as const)('key %j in the %s window blocked: %s', (input, kind, blocked) => {
    expect(isBlockedKey(input, kind)).toBe(blocked);
  });
});
