import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChartCanvas';

export type { ChartClick, ChartOption, EChartProps } from './EChartCanvas';

/*
 * ECharts is most of the dashboard's weight, and evaluating it holds the browser's one thread
 * for a few hundred milliseconds. The figures on a dashboard do not need it, so the canvas
 * comes in its own chunk, fetched when the first chart mounts — after the figures are on
 * screen — and the space each chart will take is held meanwhile.
 */
const Canvas = lazy(() => import('./EChartCanvas'));

export function EChart(props: EChartProps) {
  const placeholder = <div aria-busy="true" aria-label={props.ariaLabel} style={{ width: '100%', height: props.height, ...props.style }} />;
  return (
    <Suspense fallback={placeholder}>
      <Canvas {...props} />
    </Suspense>
  );
}
