import { lazy, Suspense } from 'react';
import type { MapChartProps } from './MapCanvas';

export type { MapChartProps, MapFigure } from './MapCanvas';

/** Regions whose sub-regions can be drawn: geo/NOTICE.md says where each outline comes from. */
export const MAPPED_REGIONS = ['13', '1301'] as const;
export const hasMap = (code: string): boolean => (MAPPED_REGIONS as readonly string[]).includes(code);

/*
 * The map series, its colour scale and the outlines come only with the 大屏: the canvas chunk the
 * dashboard loads stays as it was, and the sign-in page loads none of it.
 */
const Canvas = lazy(() => import('./MapCanvas'));

export function EChartMap(props: MapChartProps) {
  const placeholder = <div aria-busy="true" aria-label={props.ariaLabel} style={{ width: '100%', height: props.height }} />;
  return (
    <Suspense fallback={placeholder}>
      <Canvas {...props} />
    </Suspense>
  );
}
