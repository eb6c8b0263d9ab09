import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_BASE, CHART_COLORS, CHART_FONT } from '../../shared/charts/chart-style';
import { EChart, type ChartOption } from '../../shared/charts/EChart';
import { useLanguage } from '../../shared/i18n';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { ChartCard } from './ChartCard';
import { useAccidentTrend, type AccidentTrendData } from './dashboard.api';
import css from './dashboard.module.css';
import { downloadCsv } from './download';

export function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** 事故趋势: accidents (bars) and deaths (lines) month by month, this year against last. */
export function TrendChart({ regionCode, year }: { regionCode: string; year: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mobile = useIsMobile();
  const trend = useAccidentTrend(regionCode, year);

  const names = {
    accidents: t('dashboard.trend.accidents', { year: String(year) }),
    accidentsLast: t('dashboard.trend.accidents', { year: String(year - 1) }),
    deaths: t('dashboard.trend.deaths', { year: String(year) }),
    deathsLast: t('dashboard.trend.deaths', { year: String(year - 1) }),
  };

  const option = useMemo((): ChartOption | null => {
    const data = trend.data;
    if (!data) return null;
    const months = data.months.map((m) => (m.partial ? `${monthName(m.month, language)}*` : monthName(m.month, language)));
    // Months not yet begun have no figures this year (null: no bar, the line stops).
    const now = (pick: (m: AccidentTrendData['months'][number]) => number) => data.months.map((m) => (m.future ? null : pick(m)));
    return {
      ...CHART_BASE,
      legend: { ...CHART_BASE.legend, data: [names.accidents, names.accidentsLast, names.deaths, names.deathsLast] },
      grid: { left: 8, right: 12, top: mobile ? 88 : 72, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months, axisLabel: { fontSize: CHART_FONT.axis, color: '#262626', interval: 0, rotate: mobile ? 45 : 0 } },
      // Two axes: accidents (起) on the left, deaths (人) on the right, so one month with many
      // deaths does not flatten a year of accident counts (or the other way round).
      yAxis: [
        { type: 'value', name: t('dashboard.trend.axisAccidents'), minInterval: 1, nameTextStyle: { fontSize: CHART_FONT.axis, color: CHART_COLORS.current, align: 'left' }, axisLabel: { fontSize: CHART_FONT.axis, color: CHART_COLORS.current } },
        { type: 'value', name: t('dashboard.trend.axisDeaths'), minInterval: 1, splitLine: { show: false }, nameTextStyle: { fontSize: CHART_FONT.axis, color: CHART_COLORS.deaths, align: 'right' }, axisLabel: { fontSize: CHART_FONT.axis, color: CHART_COLORS.deaths } },
      ],
      series: [
        { name: names.accidents, type: 'bar', data: now((m) => m.accidents.current), itemStyle: { color: CHART_COLORS.current }, barMaxWidth: 22 },
        { name: names.accidentsLast, type: 'bar', data: data.months.map((m) => m.accidents.previous), itemStyle: { color: CHART_COLORS.previous }, barMaxWidth: 22 },
        { name: names.deaths, type: 'line', yAxisIndex: 1, data: now((m) => m.deaths.current), itemStyle: { color: CHART_COLORS.deaths }, lineStyle: { width: 3 }, symbolSize: 8 },
        { name: names.deathsLast, type: 'line', yAxisIndex: 1, data: data.months.map((m) => m.deaths.previous), itemStyle: { color: CHART_COLORS.deathsPrevious }, lineStyle: { width: 2, type: 'dashed' }, symbolSize: 6 },
      ],
    };
  }, [t, trend.data, language, mobile, names.accidents, names.accidentsLast, names.deaths, names.deathsLast]);

  const exportCsv = () => {
    const data = trend.data;
    if (!data) return;
    downloadCsv(`${t('dashboard.trend.fileName')}_${data.region.name}_${data.year}.csv`, [
      [`${data.region.name} ${t('dashboard.trend.title')} ${data.year}`],
      [t('dashboard.trend.month'), t('dashboard.trend.from'), t('dashboard.trend.to'), names.accidents, names.accidentsLast, t('dashboard.yoy'), names.deaths, names.deathsLast, t('dashboard.yoy')],
      ...data.months.map((m) => [
        m.month, m.from, m.to,
        m.future ? '' : m.accidents.current, m.accidents.previous, m.future ? '' : m.accidents.percentText,
        m.future ? '' : m.deaths.current, m.deaths.previous, m.future ? '' : m.deaths.percentText,
      ]),
    ]);
  };

  return (
    <ChartCard title={t('dashboard.trend.title')} exportSpec={{ format: 'csv', run: exportCsv }} exportTestId="export-trend" testId="chart-trend">
      {trend.isError ? (
        <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
      ) : !option ? (
        <LoadingState />
      ) : (
        <>
          <EChart option={option} height={mobile ? 300 : 360} ariaLabel={t('dashboard.trend.title')} testId="trend-canvas" />
          {trend.data && (
            <div className={css.srOnly}>
            <table data-testid="trend-table">
              <caption>{t('dashboard.trend.title')}</caption>
              <thead>
                <tr><th>{t('dashboard.trend.month')}</th><th>{names.accidents}</th><th>{names.accidentsLast}</th><th>{names.deaths}</th><th>{names.deathsLast}</th></tr>
              </thead>
              <tbody>
                {trend.data.months.map((m) => (
                  <tr key={m.month} data-testid={`trend-month-${m.month}`}>
                    <th>{monthName(m.month, language)}</th>
                    <td data-testid="accidents">{m.future ? '' : m.accidents.current}</td>
                    <td data-testid="accidents-previous">{m.accidents.previous}</td>
                    <td data-testid="deaths">{m.future ? '' : m.deaths.current}</td>
                    <td data-testid="deaths-previous">{m.deaths.previous}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          {trend.data?.months.some((m) => m.partial) && <div style={{ fontSize: 13, color: '#595959' }}>{t('dashboard.trend.partial')}</div>}
        </>
      )}
    </ChartCard>
  );
}
