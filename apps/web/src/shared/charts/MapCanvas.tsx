import { MapChart, type MapSeriesOption } from 'echarts/charts';
import { GeoComponent, VisualMapComponent, type VisualMapComponentOption } from 'echarts/components';
import { registerMap, use } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import EChartCanvas, { type ChartOption } from './EChartCanvas';

use([MapChart, GeoComponent, VisualMapComponent]);

// Each outline is its own chunk, fetched when its region's map is first drawn.
const OUTLINES: Record<string, () => Promise<{ default: unknown }>> = {
  '13': () => import('./geo/13.json'),
  '1301': () => import('./geo/1301.json'),
};

const RAMP = ['#4fa3ff', '#f5c623', '#ff7a45', '#ff4d4f'];

/**
 * Colour classes a projector shows apart: 0 in the map's own blue, then at most four ranges of
 * whole numbers up to the largest value, the highest in red. A continuous scale mixed small
 * counts into a grey that read as "no data".
 */
export function mapPieces(max: number): { min?: number; max?: number; value?: number; label: string; color: string }[] {
  const top = Math.max(1, Math.ceil(max));
  const step = Math.max(1, Math.ceil(top / RAMP.length));
  const ranges: [number, number][] = [];
  for (let lo = 1; lo <= top; lo += step) ranges.push([lo, Math.min(top, lo + step - 1)]);
  const colors = RAMP.slice(RAMP.length - ranges.length);
  return [
    { value: 0, label: '0', color: '#1d3a5c' },
    ...ranges.map(([lo, hi], i) => (lo === hi ? { value: lo, label: String(lo), color: colors[i]! } : { min: lo, max: hi, label: `${lo}–${hi}`, color: colors[i]! })),
  ];
}

export interface MapFigure {
  /** The sub-region's name as the region tables spell it (the outlines are matched by name). */
  name: string;
  code: string;
  value: number;
}

export interface MapChartProps {
  regionCode: string;
  figures: MapFigure[];
  /** Two colours only (双上升: yes / no) instead of a scale. */
  binary?: boolean;
  labels: { low: string; high: string; yes?: string; no?: string };
  height: number | string;
  ariaLabel: string;
  onClick?: (code: string) => void;
  testId?: string;
}

/** The region's sub-regions coloured by one figure; a click on one drills down. */
export default function MapCanvas({ regionCode, figures, binary, labels, height, ariaLabel, onClick, testId }: MapChartProps) {
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    const load = OUTLINES[regionCode];
    if (!load) return;
    let live = true;
    void load().then((m) => {
      // registerMap takes GeoJSON (or ECharts' compact encoding of it); the files are either.
      registerMap(`anjian-${regionCode}`, m.default as Parameters<typeof registerMap>[1]);
      if (live) setReady(regionCode);
    });
    return () => {
      live = false;
    };
  }, [regionCode]);

  const option = useMemo(() => {
    const max = Math.max(1, ...figures.map((f) => f.value));
    const visualMap: VisualMapComponentOption = binary
      ? { type: 'piecewise', pieces: [{ value: 1, label: labels.yes, color: '#ff4d4f' }, { value: 0, label: labels.no, color: '#2b4a6f' }], left: 16, bottom: 16, textStyle: { color: '#e6f4ff', fontSize: 18 }, itemWidth: 28, itemHeight: 18 }
      : { type: 'piecewise', pieces: mapPieces(max), left: 16, bottom: 16, textStyle: { color: '#e6f4ff', fontSize: 18 }, itemWidth: 28, itemHeight: 18 };
    const series: MapSeriesOption = {
      type: 'map',
      map: `anjian-${regionCode}`,
      roam: false,
      layoutCenter: ['55%', '50%'],
      layoutSize: '98%',
      data: figures.map((f) => ({ name: f.name, value: f.value })),
      label: { show: true, color: '#fff', fontSize: 16, fontWeight: 'bold', textBorderColor: '#000', textBorderWidth: 2 },
      itemStyle: { areaColor: '#1d3a5c', borderColor: '#8ec5ff', borderWidth: 1 },
      emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#3f7fd1' } },
      select: { disabled: true },
    };
    return { tooltip: { trigger: 'item', textStyle: { fontSize: 18 } }, visualMap, series: [series] } as unknown as ChartOption;
  }, [figures, binary, labels, regionCode]);

  if (ready !== regionCode) return <div aria-busy="true" aria-label={ariaLabel} style={{ width: '100%', height }} />;
  return (
    <EChartCanvas
      option={option}
      height={height}
      ariaLabel={ariaLabel}
      testId={testId}
      onClick={onClick && ((e) => {
        const hit = figures.find((f) => f.name === e.name);
        if (hit) onClick(hit.code);
      })}
    />
  );
}
