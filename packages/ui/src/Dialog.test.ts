import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';
import { uiStrings } from './strings';

// The shared modal form: titled for assistive technology, a cancel button (Esc) in the device's
// language, and while its command is on the way the confirm button says so and cannot be
// pressed twice. Enter, Escape and focus are exercised in Chromium by the counter's screen tests
// (apps/counter/src/posts/*/e2e).

async function i18n(lng: 'zh' | 'en') {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    lng,
    resources: { zh: { ui: uiStrings.zh }, en: { ui: uiStrings.en } },
    interpolation: { escapeValue: false },
  });
  return instance;
}

async function render(
  lng: 'zh' | 'en',
  props: { pending?: boolean; confirmDisabled?: boolean; noCancel?: boolean },
) {
  const noop = () => {};
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: await i18n(lng) },
      createElement(Dialog, {
        title: 'Park ticket A001',
        confirmLabel: 'Park',
        onCancel: noop,
        onConfirm: noop,
        testId: 'park-dialog',
        ...props,
        children: createElement('input', { name: 'note' }),
      }),
    ),
  );
}

function buttons(html: string): { text: string; disabled: boolean }[] {
  return [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((m) => ({
    text: m[2]!.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, ''),
    disabled: /\sdisabled=""/.test(m[1]!),
  }));
}

describe('Dialog', () => {
  it('is a titled modal form with its fields, cancel and confirm (zh)', async () => {
    const html = await render('zh', {});
    expect(html).toMatch(/role="dialog"/);
    expect(html).toMatch(/aria-modal="true"/);
    expect(html).toMatch(/aria-label="Park ticket A001"/);
    expect(html).toMatch(/data-testid="park-dialog"/);
    expect(html).toMatch(/<input name="note"\/>/);
    expect(buttons(html)).toEqual([
      { text: '取消 Esc', disabled: false },
      { text: 'Park', disabled: false },
    ]);
  });

  it('says cancel in en', async () => {
    expect(buttons(await render('en', {}))[0]!.text).toBe('Cancel Esc');
  });

  it('while pending says it is sending and cannot be confirmed again', async () => {
    expect(buttons(await render('en', { pending: true }))[1]).toEqual({
      text: 'Sending…',
      disabled: true,
    });
  });

  it('only to read: its one button closes it, no cancel doing the same', async () => {
    expect(buttons(await render('zh', { noCancel: true }))).toEqual([
      { text: 'Park', disabled: false },
    ]);
  });

  it('cannot be confirmed while the form is not complete', async () => {
    expect(buttons(await render('zh', { confirmDisabled: true }))[1]).toEqual({
      text: 'Park',
      disabled: true,
    });
  });
});
