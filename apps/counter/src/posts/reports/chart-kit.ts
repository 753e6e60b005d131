import type { ChartOption } from './Chart';

// The shape every bar-and-line chart of the reports shares: categories along the bottom, the
// tooltip on the axis, the legend on top, bars no wider than 56 px.

type Series = Record<string, unknown>;

export const bars = (name: string, color: string, data: unknown[], more: Series = {}): Series => ({
  name,
  type: 'bar',
  barMaxWidth: 56,
  color,
  data,
  ...more,
});

export const line = (name: string, color: string, data: unknown[], more: Series = {}): Series => ({
  name,
  type: 'line',
  color,
  data,
  ...more,
});

export function categoryChart({
  categories,
  yAxis,
  series,
  right = 50,
  left = 50,
}: {
  categories: string[];
  yAxis: Series | Series[];
  series: Series[];
  right?: number;
  left?: number;
}): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left, right, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: categories },
    yAxis,
    series,
  };
}
