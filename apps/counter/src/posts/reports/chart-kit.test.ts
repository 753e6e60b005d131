import { describe, expect, it } from 'vitest';
import { bars, categoryChart, line } from './chart-kit';

describe('the reports’ chart shape', () => {
  it('puts categories along the bottom, the tooltip on the axis and the legend on top', () => {
    const option = categoryChart({
      categories: ['09:00', '10:00'],
      yAxis: { type: 'value' },
      series: [bars('served', '#000', [3, 4]), line('waits', '#fff', [1, null], { yAxisIndex: 1 })],
      right: 20,
    });
    expect(option).toEqual({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: ['09:00', '10:00'] },
      yAxis: { type: 'value' },
      series: [
        { name: 'served', type: 'bar', barMaxWidth: 56, color: '#000', data: [3, 4] },
        { name: 'waits', type: 'line', color: '#fff', data: [1, null], yAxisIndex: 1 },
      ],
    });
  });
});
