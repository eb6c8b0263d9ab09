import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/charts/EChart';
import { useLanguage } from '../../shared/i18n';
import { useAccidentTrend, type AccidentTrendData } from './dashboard.api';
import { monthName } from './TrendChart';

const AXIS = { fontSize: 18, color: '#bcd9f5' };

/** The month-by-month trend in the 大屏's colours: accidents (bars, left axis), deaths (line, right axis). */
export function ScreenTrend({ regionCode, year }: { regionCode: string; year: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const trend = useAccidentTrend(regionCode, year, { refreshMs: 60_000 });
  const option = useMemo((): ChartOption | null => {
    const data = trend.data;
    if (!data) return null;
    const now = (pick: (m: AccidentTrendData['months'][number]) => number) => data.months.map((m) => (m.future ? null : pick(m)));
    const accidents = t('dashboard.trend.accidents', { year: String(year) });
    const deaths = t('dashboard.trend.deaths', { year: String(year) });
    return {
      textStyle: { color: '#e6f4ff' },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 18 } },
      legend: { top: 0, textStyle: { fontSize: 18, color: '#e6f4ff' }, data: [accidents, deaths] },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => monthName(m.month, language)), axisLabel: { ...AXIS, interval: 0 } },
      yAxis: [
        { type: 'value', name: t('dashboard.trend.axisAccidents'), minInterval: 1, nameTextStyle: { ...AXIS, align: 'left' }, axisLabel: AXIS, splitLine: { lineStyle: { color: 'rgba(142,197,255,0.15)' } } },
        { type: 'value', name: t('dashboard.trend.axisDeaths'), minInterval: 1, nameTextStyle: { ...AXIS, align: 'right' }, axisLabel: AXIS, splitLine: { show: false } },
      ],
      series: [
        { name: accidents, type: 'bar', data: now((m) => m.accidents.current), itemStyle: { color: '#4fa3ff' }, barMaxWidth: 28 },
        { name: deaths, type: 'line', yAxisIndex: 1, data: now((m) => m.deaths.current), itemStyle: { color: '#ff4d4f' }, lineStyle: { width: 4 }, symbolSize: 10 },
      ],
    };
  }, [trend.data, language, t, year]);
  if (!option) return null;
  return <EChart option={option} height="clamp(300px, 48vh, 640px)" ariaLabel={t('dashboard.trend.title')} testId="screen-trend" />;
}
