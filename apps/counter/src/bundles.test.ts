import { fileURLToPath } from 'node:url';
import { chunksOver, deviceBundle } from '@onestop/desktop-shell/web-bundles';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCounterOnce } from '../test-support/build-once';

// Each device loads only its own code (issue 17): read from the build the screen tests use,
// vite's manifest (what each screen imports statically) and the chunks' module lists.

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const charts = /node_modules\/(echarts|zrender)\//;
const consoleOrReports = /^src\/posts\/(duty|reports)\//;

beforeAll(() => buildCounterOnce(), 180_000);

describe('what each counter device loads', () => {
  it.each([
    ['workstation', 'src/posts/work/workstation/WorkstationApp.tsx'],
    ['pad', 'src/posts/work/pad/PadApp.tsx'],
    ['back office', 'src/posts/service/BackofficeApp.tsx'],
  ])('the %s: no console, reports or ECharts code', (_device, screen) => {
    const { modules } = deviceBundle(dist, screen);
    expect(modules).toContain(screen);
    expect(modules).toContain('src/main.tsx');
    expect(modules.filter((m) => charts.test(m) || consoleOrReports.test(m))).toEqual([]);
  });

  it('the console: no reports or ECharts until the reports tab is opened', () => {
    const console = deviceBundle(dist, 'src/posts/duty/ConsoleApp.tsx');
    expect(console.modules).toContain('src/posts/duty/ConsoleApp.tsx');
    expect(
      console.modules.filter((m) => charts.test(m) || /^src\/posts\/reports\//.test(m)),
    ).toEqual([]);
    const reports = deviceBundle(dist, 'src/posts/reports/ReportsScreen.tsx').modules;
    expect(reports.some((m) => m.startsWith('../../node_modules/echarts/'))).toBe(true);
    expect(reports).toContain('src/posts/reports/Chart.tsx');
  });

  it('has no chunk over vite’s warning limit (500 kB)', () => {
    expect(chunksOver(dist)).toEqual([]);
  });
});
