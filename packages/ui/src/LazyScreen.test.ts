import { createInstance } from 'i18next';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LazyScreen } from './LazyScreen';
import { uiStrings } from './strings';

// The shared screen loader says, in the device's language, which screen it is loading (its
// name from the app's own words, the sentence from the `ui` namespace), then shows the screen.
// The failed-chunk state needs a browser: apps/counter/src/e2e/screen-load.test.ts.

async function i18n(lng: 'zh' | 'en') {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    lng,
    resources: {
      zh: { translation: { screens: { pad: '服务评价器' } }, ui: uiStrings.zh },
      en: { translation: { screens: { pad: 'Evaluation pad' } }, ui: uiStrings.en },
    },
    interpolation: { escapeValue: false },
  });
  return instance;
}

function screen(instance: Awaited<ReturnType<typeof i18n>>, load: () => Promise<ComponentType>) {
  return createElement(
    I18nextProvider,
    { i18n: instance },
    createElement(LazyScreen, { load, nameKey: 'screens.pad', className: 'centered-screen' }),
  );
}

const never = () => new Promise<ComponentType>(() => {});
const pad = () => Promise.resolve(() => createElement('p', { 'data-testid': 'pad' }, 'the pad'));

function text(html: string): string {
  return html.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '');
}

describe('LazyScreen', () => {
  it('says in zh which screen it is loading', async () => {
    const html = renderToString(screen(await i18n('zh'), never));
    expect(html).toContain('data-testid="screen-loading"');
    expect(html).toContain('class="centered-screen"');
    expect(text(html)).toBe('正在加载服务评价器…');
  });

  it('says it in en', async () => {
    const html = renderToString(screen(await i18n('en'), never));
    expect(text(html)).toBe('Evaluation pad: loading…');
  });

  it('shows the screen once its code is loaded', async () => {
    const { prelude } = await prerender(screen(await i18n('zh'), pad));
    const html = await new Response(prelude).text();
    expect(html).toContain('data-testid="pad"');
    expect(html).not.toContain('screen-loading');
  });
});

describe('the shared words', () => {
  function leaves(node: object, prefix = ''): [string, string][] {
    return Object.entries(node).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
    );
  }
  const blanks = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('has every key in zh and en with the same blanks, none empty', () => {
    const zh = new Map(leaves(uiStrings.zh));
    const en = new Map(leaves(uiStrings.en));
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, z] of zh) {
      const e = en.get(key)!;
      expect(z.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(blanks(e), key).toEqual(blanks(z));
    }
  });
});
