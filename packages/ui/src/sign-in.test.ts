import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { credentialsReady, pinOf, staffNoOf } from './sign-in';
import { SignInFields } from './SignInFields';
import { uiStrings } from './strings';

// A staff sign-in on any staff screen: when the button may send, what a typed PIN becomes, and
// the two fields' labels in zh and en. Signing in runs in Chromium in the screens' tests.

describe('credentialsReady', () => {
  it.each([
    ['1001', '1001', true],
    [' 1001 ', '12345678', true],
    ['', '1001', false],
    ['   ', '1001', false],
    ['1001', '123', false],
    ['1001', '123456789', false],
    ['1001', '12a4', false],
  ])('staff %j, PIN %j → %s', (staffNo, pin, ready) => {
    expect(credentialsReady(staffNo, pin)).toBe(ready);
  });
});

describe('pinOf and staffNoOf', () => {
  it.each([
    ['1234', '1234'],
    ['12 34', '1234'],
    ['12a34b', '1234'],
    ['1234567890', '12345678'],
  ])('PIN typed %j → %j', (typed, pin) => {
    expect(pinOf(typed)).toBe(pin);
  });

  it('trims the staff number', () => {
    expect(staffNoOf('  7001 ')).toBe('7001');
  });
});

describe('SignInFields', () => {
  it.each([
    ['zh', '工号', '密码'],
    ['en', 'Staff no.', 'PIN'],
  ] as const)('labels both fields in %s', async (lng, staffNo, pin) => {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({
      lng,
      resources: { zh: { ui: uiStrings.zh }, en: { ui: uiStrings.en } },
    });
    const html = renderToString(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(SignInFields, {
          staffNo: '',
          pin: '',
          onStaffNo: () => {},
          onPin: () => {},
        }),
      ),
    );
    expect(html).toContain(`aria-label="${staffNo}"`);
    expect(html).toContain(`aria-label="${pin}"`);
    expect(html).toMatch(/type="password"[^>]*maxLength="8"|maxLength="8"[^>]*type="password"/i);
  });
});
