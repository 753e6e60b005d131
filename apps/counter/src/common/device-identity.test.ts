import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test-support/work-records';
import {
  forgetScreenToken,
  readScreenToken,
  rememberedPadCounter,
  rememberPadCounter,
  saveScreenToken,
  screenOfPath,
} from './device-identity';

// Each desk screen keeps its own device token (a desk PC may run the workstation and the pad in
// one browser profile); the path says which screen a page is.

describe('screenOfPath', () => {
  it.each([
    ['/counter', 'counter'],
    ['/pad', 'pad'],
    ['/pad/', 'pad'],
    ['/backoffice', 'backoffice'],
    ['/console', 'console'],
    ['/', 'counter'],
    ['/kiosk', 'counter'],
  ] as const)('%s → %s', (path, screen) => {
    expect(screenOfPath(path)).toBe(screen);
  });
});

describe('screen tokens', () => {
  it('keeps a token per screen; ?token= in the address wins and is remembered', () => {
    const storage = memoryStorage();
    expect(readScreenToken('counter', '', storage)).toBeNull();
    saveScreenToken('counter', 'tok-desk', storage);
    saveScreenToken('pad', 'tok-pad', storage);
    expect(readScreenToken('counter', '', storage)).toBe('tok-desk');
    expect(readScreenToken('pad', '?lang=en', storage)).toBe('tok-pad');
    expect(readScreenToken('pad', '?token=demo-pad-1', storage)).toBe('demo-pad-1');
    expect(readScreenToken('pad', '', storage)).toBe('demo-pad-1');
    forgetScreenToken('pad', storage);
    expect(readScreenToken('pad', '', storage)).toBeNull();
    expect(readScreenToken('counter', '', storage)).toBe('tok-desk');
  });

  it('remembers the counter a pad serves', () => {
    const storage = memoryStorage();
    expect(rememberedPadCounter(storage)).toBeNull();
    rememberPadCounter('ctr-3', storage);
    expect(rememberedPadCounter(storage)).toBe('ctr-3');
  });
});
