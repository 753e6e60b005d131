import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Keypad, keypadPress } from './Keypad';
import { uiStrings } from './strings';

// The touchscreen number pad (kiosk: pairing code, phone number, appointment code, admin exit):
// digits up to the field's length, clear, delete; its labels in the device's language. Taps are
// exercised in Chromium by the kiosk's screen tests.

describe('keypadPress', () => {
  it.each([
    ['', '1', 6, '1'],
    ['12345', '6', 6, '123456'],
    ['123456', '7', 6, '123456'],
    ['123', 'delete', 6, '12'],
    ['', 'delete', 6, ''],
    ['123', 'clear', 6, ''],
    ['12', 'x', 6, '12'],
  ] as const)('%j + %s (max %i) → %j', (value, key, max, next) => {
    expect(keypadPress(value, key, max)).toBe(next);
  });
});

describe('Keypad', () => {
  async function render(lng: 'zh' | 'en') {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({
      lng,
      resources: { zh: { ui: uiStrings.zh }, en: { ui: uiStrings.en } },
    });
    return renderToString(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(Keypad, { value: '', onChange: () => {}, maxLength: 6, label: 'Code' }),
      ),
    );
  }

  it('is a labelled group of ten digits, clear and delete (zh)', async () => {
    const html = await render('zh');
    expect(html).toMatch(/role="group" aria-label="Code"/);
    const labels = [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(
      (m) => /aria-label="([^"]+)"/.exec(m[1]!)?.[1] ?? m[2],
    );
    expect(labels).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '清除', '0', '删除']);
  });

  it('says clear and delete in en', async () => {
    const html = await render('en');
    expect(html).toContain('>Clear</button>');
    expect(html).toContain('aria-label="Delete"');
  });
});
