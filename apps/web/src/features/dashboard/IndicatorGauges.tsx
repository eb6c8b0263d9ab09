import { INDICATOR_METRIC_CODES } from '@anjian/domain';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHART_COLORS } from '../../shared/charts/chart-style';
import { EChart, type ChartOption } from '../../shared/charts/EChart';
import { useLanguage } from '../../shared/i18n';
import { EmptyState } from '../../shared/ui/states';
import type { AccidentStatsData } from './dashboard.api';
import css from './dashboard.module.css';

type Indicator = AccidentStatsData['indicators'][number];

/** The dial runs to 150%: far enough to show an overrun, the exact figure is printed below. */
const DIAL_MAX = 150;

function colorOf(i: Indicator) {
  if (i.exceeded) return CHART_COLORS.exceeded;
  if (i.ahead) return CHART_COLORS.ahead;
  return CHART_COLORS.ok;
}

function gaugeOption(i: Indicator, labels: { used: string; elapsed: string }): ChartOption {
  // A zero cap ("零死亡") has no percentage: any count fills the dial.
  const used = i.percent ?? (i.actual > 0 ? DIAL_MAX : 0);
  const dial = { type: 'gauge' as const, min: 0, max: DIAL_MAX, startAngle: 210, endAngle: -30, radius: '92%', center: ['50%', '58%'], splitNumber: 3 };
  return {
    tooltip: { trigger: 'item', confine: true, formatter: `${labels.used} ${i.percentText ?? '—'}<br/>${labels.elapsed} ${i.yearProgressPercent}%` },
    series: [
      {
        ...dial,
        progress: { show: true, width: 16, itemStyle: { color: colorOf(i) } },
        axisLine: { lineStyle: { width: 16, color: [[100 / DIAL_MAX, '#e6e6e6'], [1, '#ffd8d6']] } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { distance: -16, length: 16, lineStyle: { width: 2, color: '#fff' } },
        axisLabel: { show: false },
        detail: { show: false },
        title: { show: false },
        data: [{ value: Math.min(used, DIAL_MAX), name: labels.used }],
      },
      {
        ...dial,
        // The pointer: the share of the year already gone. Used ahead of it means too fast.
        pointer: { show: true, length: '62%', width: 5, itemStyle: { color: '#262626' } },
        anchor: { show: true, size: 12, itemStyle: { color: '#262626' } },
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        progress: { show: false },
        detail: { show: false },
        title: { show: false },
        data: [{ value: i.yearProgressPercent, name: labels.elapsed }],
      },
    ],
  };
}

function Gauge({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const used = t('dashboard.indicators.used');
  const elapsed = t('dashboard.indicators.elapsed');
  const labels = { used, elapsed };
  const option = useMemo(() => gaugeOption(indicator, { used, elapsed }), [indicator, used, elapsed]);
  const unit = pick(indicator.unit);
  return (
    <div data-testid={`indicator-${indicator.metric}`} data-percent={indicator.percentText ?? ''} style={{ minWidth: 0 }}>
      <div className={css.gaugeTitle}>{pick(indicator.label)}</div>
      <EChart option={option} height={170} ariaLabel={`${pick(indicator.label)}: ${labels.used} ${indicator.percentText ?? '—'}, ${labels.elapsed} ${indicator.yearProgressPercent}%`} />
      <div style={{ textAlign: 'center', marginTop: -18 }}>
        <div style={{ fontSize: 'clamp(22px, 1.8vw, 34px)', fontWeight: 700, color: colorOf(indicator) }} data-testid="indicator-percent">
          {indicator.percentText ?? t('dashboard.indicators.zeroCap')}
        </div>
        <div className={css.muted}>
          {t('dashboard.indicators.actual')} <b data-testid="indicator-actual">{indicator.actual}</b> / {t('dashboard.indicators.cap')}{' '}
          <b data-testid="indicator-cap">{indicator.cap}</b> {unit}
        </div>
        <div className={css.muted}>{t('dashboard.indicators.elapsed')} {indicator.yearProgressPercent}%</div>
        {(indicator.exceeded || indicator.ahead) && (
          <Tag color={indicator.exceeded ? 'red' : 'orange'} style={{ marginTop: 4, marginInlineEnd: 0 }}>
            {indicator.exceeded ? t('dashboard.indicators.exceeded') : t('dashboard.indicators.ahead')}
          </Tag>
        )}
      </div>
    </div>
  );
}

/** 控制指标: how much of each annual cap is used, against how much of the year has passed. */
export function IndicatorGauges({ stats }: { stats: AccidentStatsData }) {
  const { t } = useTranslation();
  // In the domain's order of metrics (total deaths first), whatever order the answer has.
  const sorted = [...stats.indicators].sort((a, b) => INDICATOR_METRIC_CODES.indexOf(a.metric) - INDICATOR_METRIC_CODES.indexOf(b.metric));
  if (stats.indicators.length === 0) {
    return <EmptyState description={t('dashboard.indicators.none')} action={<Link to="/indicators">{t('dashboard.indicators.open')}</Link>} />;
  }
  return (
    <>
      <div className={css.legend} style={{ marginBottom: 8 }}>
        <span>{t('dashboard.indicators.legendBar')}</span>
        <span>{t('dashboard.indicators.legendPointer')}</span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 12 }}>
        {sorted.map((i) => <Gauge key={i.metric} indicator={i} />)}
      </div>
    </>
  );
}
