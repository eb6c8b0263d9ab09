import { BarChart, GaugeChart, LineChart, type BarSeriesOption, type GaugeSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Only what the dashboards draw is registered, so the bundle carries only these parts of ECharts.
use([BarChart, LineChart, GaugeChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** The options a chart in this app may use: exactly the registered series and components. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GaugeSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

export type ChartClick = Pick<ECElementEvent, 'componentType' | 'seriesIndex' | 'dataIndex' | 'name' | 'value'>;

export interface EChartProps {
  option: ChartOption;
  /** CSS height; the width follows the container. */
  height: number | string;
  /** Clicking a bar, a point or an axis label. */
  onClick?: (event: ChartClick) => void;
  /** Read by screen readers in place of the canvas. */
  ariaLabel: string;
  style?: CSSProperties;
  testId?: string;
}

function draw(instance: EChartsType, option: ChartOption) {
  instance.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
}

/**
 * One ECharts instance: created just after mount, fed with setOption when the option changes, resized
 * with its container (cards reflow on a phone, the side menu collapses on a desk), disposed on
 * unmount. The option replaces the previous one whole, so a drill-down with fewer rows leaves
 * no stale bars behind.
 */
export default function EChartCanvas({ option, height, onClick, ariaLabel, style, testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);
  const latestOption = useRef(option);

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let instance: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Created after the browser has painted what came with it: an update from fetched data
    // commits synchronously, effects included, and ECharts' first layout and draw would hold
    // the figures beside it off the screen for a few hundred milliseconds on a slow machine.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        instance = init(element, undefined, { renderer: 'canvas' });
        chart.current = instance;
        instance.on('click', (event) => clickHandler.current?.(event as ECElementEvent));
        draw(instance, latestOption.current);
        const created = instance;
        observer = new ResizeObserver(() => created.resize());
        observer.observe(element);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latestOption.current = option;
    if (chart.current) draw(chart.current, option);
  }, [option]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
