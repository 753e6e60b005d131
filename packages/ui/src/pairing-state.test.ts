import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  atTime,
  canPair,
  refusalText,
  secondsLeft,
  type PairingState,
} from './pairing-state';
import { PairingFeedback, PairingScreen } from './PairingScreen';
import { uiStrings } from './strings';

// The one pairing screen's rules: what an attempt leads to, when the pair button sends, how long
// a lockout has left; and its words in zh and en. Typing and tapping run in Chromium in the
// kiosk's screen tests.

const at = 1_000_000;

describe('afterAttempt', () => {
  it.each([
    [{ state: 'paired' }, { step: 'sending' }],
    [
      { state: 'refused', code: 'pairing_code_invalid' },
      { step: 'refused', code: 'pairing_code_invalid' },
    ],
    [
      { state: 'locked', retryAfterMs: 30_000 },
      { step: 'locked', until: at + 30_000 },
    ],
    [{ state: 'offline' }, { step: 'offline' }],
  ] as const)('%j → %j', (attempt, state) => {
    expect(afterAttempt(attempt, at)).toEqual(state);
  });
});

describe('canPair and atTime', () => {
  const locked: PairingState = { step: 'locked', until: at + 5000 };
  it.each([
    ['six digits, entering', { step: 'entering' }, '123456', at, true],
    ['five digits', { step: 'entering' }, '12345', at, false],
    ['a letter', { step: 'entering' }, '12345a', at, false],
    ['while sending', { step: 'sending' }, '123456', at, false],
    ['after a refusal (a new try)', { step: 'refused', code: 'x' }, '123456', at, true],
    ['offline (a new try)', { step: 'offline' }, '123456', at, true],
    ['locked', locked, '123456', at + 4999, false],
    ['when the lockout has run out', locked, '123456', at + 5000, true],
  ] as const)('%s → %s', (_, state, code, now, can) => {
    expect(canPair(state, code, now)).toBe(can);
  });

  it('ends a lockout that has run out, and keeps any other state', () => {
    expect(atTime(locked, at + 4999)).toBe(locked);
    expect(atTime(locked, at + 5000)).toEqual({ step: 'entering' });
    const refused: PairingState = { step: 'refused', code: 'x' };
    expect(atTime(refused, at + 9e9)).toBe(refused);
  });

  it.each([
    [at + 30_000, 30],
    [at + 29_001, 30],
    [at + 1, 1],
    [at, 1],
  ])('a lockout until %i has %i s left', (until, seconds) => {
    expect(secondsLeft(until, at)).toBe(seconds);
  });
});

describe('refusalText', () => {
  it.each([
    ['pairing_code_invalid', 'zh', '配对码错误或已过期。'],
    ['pairing_code_invalid', 'en', 'The pairing code is wrong or has expired.'],
    ['device_revoked', 'zh', '本设备已被停用。'],
    ['no_such_code', 'en', 'no_such_code'],
  ])('%s in %s → %s', (code, lang, text) => {
    expect(refusalText(code, lang)).toBe(text);
  });
});

async function render(
  lng: 'zh' | 'en',
  element: Parameters<typeof createElement>[0],
  props: object,
) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng,
    resources: { zh: { ui: uiStrings.zh }, en: { ui: uiStrings.en } },
  });
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(element, props)));
}

describe('PairingScreen', () => {
  const pair = async () => ({ state: 'offline' as const });

  it.each([
    ['zh', 'not_paired', ['设备配对', '本设备尚未与大厅配对。', '六位配对码', '>配对</button>']],
    ['zh', 'device_revoked', ['本设备已被停用。']],
    ['zh', 'wrong_device', ['本设备不能使用此页面。']],
    [
      'en',
      'not_paired',
      ['Pair this device', 'This device is not paired with the hall.', '>Pair</button>'],
    ],
    ['en', 'device_revoked', ['This device has been revoked.']],
  ] as const)('%s, %s: says why and asks for the code', async (lng, reason, texts) => {
    const html = await render(lng, PairingScreen, { reason, pair });
    for (const text of texts) expect(html).toContain(text);
    expect(html).toMatch(/<button type="submit" class="primary" disabled="">/);
    expect(html).toContain('class="keypad"');
  });

  it('shows the corner and what the app adds under the form', async () => {
    const html = await render('zh', PairingScreen, {
      reason: null,
      pair,
      className: 'centered-screen',
      corner: createElement('button', { type: 'button' }, 'EN'),
      children: createElement('button', { type: 'button', className: 'link' }, 'forget'),
    });
    expect(html).toContain('class="pairing centered-screen"');
    expect(html).toMatch(/<header class="corner"><button type="button">EN<\/button><\/header>/);
    expect(html).toMatch(/<\/form><button type="button" class="link">forget<\/button><\/main>/);
  });
});

describe('PairingFeedback', () => {
  it.each([
    ['zh', { step: 'entering' }, null],
    ['zh', { step: 'sending' }, null],
    ['zh', { step: 'refused', code: 'pairing_code_invalid' }, '配对码错误或已过期。'],
    [
      'en',
      { step: 'refused', code: 'pairing_code_invalid' },
      'The pairing code is wrong or has expired.',
    ],
    ['zh', { step: 'locked', until: at + 42_000 }, '配对尝试次数过多,请 42 秒后再试。'],
    ['en', { step: 'locked', until: at + 42_000 }, 'Too many pairing attempts. Try again in 42 s.'],
    ['zh', { step: 'offline' }, '连不上大厅服务器,请检查网络后再试。'],
    [
      'en',
      { step: 'offline' },
      'The hall server cannot be reached. Check the network and try again.',
    ],
  ] as const)('%s %j → %s', async (lng, state, text) => {
    const html = await render(lng, PairingFeedback, { state, now: at });
    if (text === null) expect(html).toBe('');
    else expect(html).toMatch(new RegExp(`role="alert" data-state="${state.step}">${text}</p>`));
  });
});
