import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_BASE, CHART_COLORS, CHART_FONT } from '../../shared/charts/chart-style';
import { EChart, type ChartOption } from '../../shared/charts/EChart';
import { useLanguage } from '../../shared/i18n';
import { EmptyState } from '../../shared/ui/states';
import type { AccidentStatsData } from './dashboard.api';

const TOP = 10;

/** Deaths and accidents of the sub-regions at the top of the ranking; a bar or a name drills down. */
export function RankingChart({ stats, onDrill }: { stats: AccidentStatsData; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const { pick, language } = useLanguage();
  const deaths = t('dashboard.figures.deaths');
  const accidents = t('dashboard.figures.accidents');
  const rows = useMemo(
    () => stats.byRegion.filter((r) => !r.atThisLevel && (r.accidents.current > 0 || r.deaths.current > 0)).slice(0, TOP).map((r) => ({ ...r, name: pick(r.label) })),
    [stats, language], // pick follows the language
  );

  const option = useMemo(
    (): ChartOption => ({
      ...CHART_BASE,
      legend: { ...CHART_BASE.legend, data: [deaths, accidents] },
      grid: { left: 8, right: 36, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: CHART_FONT.axis, color: '#262626' } },
      yAxis: {
        type: 'category', inverse: true, triggerEvent: true,
        data: rows.map((r) => r.name),
        axisLabel: { fontSize: CHART_FONT.axis, color: '#141414', width: 110, overflow: 'truncate' },
      },
      series: [
        {
          name: deaths, type: 'bar', barMaxWidth: 16,
          // 双上升 regions' bars are outlined, as their rows are marked in the table.
          data: rows.map((r) => ({ value: r.deaths.current, itemStyle: r.doubleRise ? { borderColor: '#000', borderWidth: 2 } : undefined })),
          itemStyle: { color: CHART_COLORS.deaths },
          label: { show: true, position: 'right', fontSize: CHART_FONT.label },
        },
        { name: accidents, type: 'bar', barMaxWidth: 16, data: rows.map((r) => r.accidents.current), itemStyle: { color: CHART_COLORS.current }, label: { show: true, position: 'right', fontSize: CHART_FONT.label } },
      ],
    }),
    [rows, deaths, accidents],
  );

  if (rows.length === 0) return <EmptyState description={t('dashboard.ranking.noAccidents')} />;
  return (
    <EChart
      option={option}
      height={Math.max(220, rows.length * 44 + 60)}
      ariaLabel={t('dashboard.ranking.chartTitle')}
      testId="ranking-canvas"
      onClick={(e) => {
        const row = typeof e.dataIndex === 'number' && e.componentType === 'series' ? rows[e.dataIndex] : rows.find((r) => r.name === e.value);
        if (row && !row.atThisLevel) onDrill(row.code);
      }}
    />
  );
}
