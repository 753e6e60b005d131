import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// A chart: echarts made once per element, given each new option whole, resized with its box
// and disposed with it. Only the charts and components the reports use are in the bundle.

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export const chartFont = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export function Chart({
  option,
  label,
  height = 300,
  testId,
}: {
  option: ChartOption;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
  height?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { animation: false, textStyle: { fontFamily: chartFont }, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={box}
      className="chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
