import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_BASE, CHART_COLORS, CHART_FONT } from '../../shared/charts/chart-style';
import { EChart, type ChartOption } from '../../shared/charts/EChart';
import { useLanguage } from '../../shared/i18n';
import { EmptyState } from '../../shared/ui/states';
import type { HazardStatsData } from './dashboard.api';

const TOP = 12;

interface Bar {
  code: string | null;
  name: string;
  found: number;
  closed: number;
}

/** The rows behind the chart: sub-regions with any hazard found or closed, or the sources for a village. */
function barsOf(stats: HazardStatsData, pick: (t: { zh: string; en: string }) => string): Bar[] {
  if (stats.byRegion.length > 0) {
    return stats.byRegion
      .filter((r) => r.found.current > 0 || r.closed.current > 0)
      .sort((a, b) => b.found.current - a.found.current || b.closed.current - a.closed.current)
      .slice(0, TOP)
      .map((r) => ({ code: r.code === stats.region.code ? null : r.code, name: pick(r.label), found: r.found.current, closed: r.closed.current }));
  }
  return stats.bySource.map((r) => ({ code: null, name: pick(r.label), found: r.found.current, closed: r.closed.current }));
}

/** 隐患排查与整改: found against closed, by sub-region; a bar drills down. */
export function HazardChart({ stats, onDrill }: { stats: HazardStatsData; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const { pick, language } = useLanguage();
  // pick is a new function each render; the language is what it depends on.
  const bars = useMemo(() => barsOf(stats, pick), [stats, language]);
  const found = t('dashboard.hazards.found');
  const closed = t('dashboard.hazards.closed');

  const option = useMemo(
    (): ChartOption => ({
      ...CHART_BASE,
      legend: { ...CHART_BASE.legend, data: [found, closed] },
      grid: { left: 8, right: 36, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: CHART_FONT.axis, color: '#262626' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), triggerEvent: true, axisLabel: { fontSize: CHART_FONT.axis, color: '#141414', width: 110, overflow: 'truncate' } },
      series: [
        { name: found, type: 'bar', data: bars.map((b) => b.found), itemStyle: { color: CHART_COLORS.found }, label: { show: true, position: 'right', fontSize: CHART_FONT.label }, barMaxWidth: 16 },
        { name: closed, type: 'bar', data: bars.map((b) => b.closed), itemStyle: { color: CHART_COLORS.closed }, label: { show: true, position: 'right', fontSize: CHART_FONT.label }, barMaxWidth: 16 },
      ],
    }),
    [bars, found, closed],
  );

  if (bars.length === 0) return <EmptyState description={t('dashboard.hazards.none')} />;
  return (
    <EChart
      option={option}
      height={Math.max(220, bars.length * 44 + 60)}
      ariaLabel={t('dashboard.hazards.chartTitle')}
      testId="hazard-canvas"
      onClick={(e) => {
        const bar = typeof e.dataIndex === 'number' && e.componentType === 'series' ? bars[e.dataIndex] : bars.find((b) => b.name === e.value);
        if (bar?.code) onDrill(bar.code);
      }}
    />
  );
}
