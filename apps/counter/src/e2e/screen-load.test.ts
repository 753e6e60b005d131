import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, openTab } from '../../test-support/console-hall';
import { hasChromium, sizes } from '../../test-support/browser';
import { useCounterScene } from '../../test-support/scene';

// Each screen is a chunk of its own (src/main.tsx): while it loads the device says which screen
// it is loading, and when the chunk cannot be fetched (the hall server gone at the first load)
// it says so, in zh or en, and comes back with a retry.

const scene = useCounterScene();
const pages: Page[] = [];

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});

/** Holds the requests for `chunk` until `release()`; `abort` fails them instead. */
function holdChunk(chunk: string, mode: 'hold' | 'abort') {
  const held: Route[] = [];
  return {
    pattern: new RegExp(`/assets/counter-${chunk}-[^/]+\\.js$`),
    handler: async (route: Route) => {
      if (mode === 'abort') return route.abort('internetdisconnected');
      held.push(route);
    },
    release: async () => {
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

async function open(
  path: string,
  size: { width: number; height: number },
  chunk: { name: string; mode: 'hold' | 'abort' },
  lang = 'zh',
) {
  const hold = holdChunk(chunk.name, chunk.mode);
  const page = await scene.open(path, size, {
    beforeOpen: async (p) => {
      await p.route(hold.pattern, hold.handler);
      if (lang === 'en')
        await p.addInitScript(() => localStorage.setItem('onestop.counter.lang', 'en'));
    },
  });
  pages.push(page);
  return { page, hold };
}

describe.skipIf(!hasChromium)('a screen while its code loads', () => {
  it('the pad says it is loading the evaluation pad, then shows it', async () => {
    const { page, hold } = await open('/pad?token=demo-pad-1&counter=1', sizes.pad, {
      name: 'PadApp',
      mode: 'hold',
    });
    expect(await page.getByTestId('screen-loading').textContent()).toBe('正在加载服务评价器…');
    await hold.release();
    await page.getByTestId('pad').waitFor();
    expect(await page.getByTestId('screen-loading').count()).toBe(0);
  });

  it('the workstation says in English it could not be loaded, and a retry brings it', async () => {
    const { page, hold } = await open(
      '/counter?token=demo-desk-1',
      sizes.workstation,
      { name: 'WorkstationApp', mode: 'abort' },
      'en',
    );
    const failed = page.getByTestId('screen-load-failed');
    await failed.waitFor();
    expect(await failed.getByRole('paragraph').first().textContent()).toBe(
      'Counter workstation could not be loaded: the hall server cannot be reached.',
    );
    await page.unroute(hold.pattern);
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('sign-in').waitFor();
  });

  it('the console says so when the reports tab cannot be loaded, and stays usable', async () => {
    const page = await openConsole(scene.browser, scene.url);
    pages.push(page);
    await page.route(/\/assets\/counter-ReportsScreen-[^/]+\.js$/, (route) =>
      route.abort('internetdisconnected'),
    );
    await openTab(page, 'reports');
    const failed = page.getByTestId('screen-load-failed');
    await failed.waitFor();
    expect(await failed.getByRole('paragraph').first().textContent()).toBe(
      '统计报表未能加载:连不上大厅服务器。',
    );
    await openTab(page, 'hall');
    expect(await page.getByTestId('console').isVisible()).toBe(true);
  });
});
