import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../../shared/charts/chart-style';
import { useLanguage } from '../../shared/i18n';
import type { AccidentStatsData } from './dashboard.api';
import css from './dashboard.module.css';
import { FigureCard } from './FigureCard';
import { formatMoney } from './money';

export const FIGURE_GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 12 } as const;

/** Says what the colours mean, once, next to the figures. */
export function TrendLegend() {
  const { t } = useTranslation();
  return (
    <div className={css.legend} data-testid="trend-legend">
      <span style={{ color: CHART_COLORS.up }}><ArrowUpOutlined aria-hidden /> {t('dashboard.legendUp')}</span>
      <span style={{ color: CHART_COLORS.down }}><ArrowDownOutlined aria-hidden /> {t('dashboard.legendDown')}</span>
    </div>
  );
}

/** The accident ledger with the dashboard's region and period: the other end of every accident figure. */
export function accidentListLink(regionCode: string, period: { from: string; to: string }): string {
  return `/accidents?${new URLSearchParams({ regionCode, from: period.from, to: period.to }).toString()}`;
}

/** 事故起数, 死亡, 重伤, 轻伤, 直接经济损失 with 同比; each opens the accidents behind it. */
export function AccidentFigures({ stats }: { stats: AccidentStatsData }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { totals } = stats;
  const money = formatMoney(totals.directLossYuan.current, language);
  const to = accidentListLink(stats.region.code, stats.period);
  const toLabel = t('dashboard.openAccidents');
  const card = { to, toLabel };
  return (
    <div style={FIGURE_GRID}>
      <FigureCard testId="figure-accidents" label={t('dashboard.figures.accidents')} raw={totals.accidents.current} unit={t('dashboard.units.accidents')} figure={totals.accidents} {...card} />
      <FigureCard testId="figure-deaths" label={t('dashboard.figures.deaths')} raw={totals.deaths.current} unit={t('dashboard.units.people')} figure={totals.deaths} {...card} />
      <FigureCard testId="figure-serious-injuries" label={t('dashboard.figures.seriousInjuries')} raw={totals.seriousInjuries.current} unit={t('dashboard.units.people')} figure={totals.seriousInjuries} {...card} />
      <FigureCard testId="figure-minor-injuries" label={t('dashboard.figures.minorInjuries')} raw={totals.minorInjuries.current} unit={t('dashboard.units.people')} figure={totals.minorInjuries} {...card} />
      <FigureCard
        testId="figure-direct-loss"
        label={t('dashboard.figures.directLoss')}
        raw={totals.directLossYuan.current}
        display={money.value}
        rawDisplay={money.yuan}
        unit={t(`dashboard.units.${money.unit}`)}
        rawUnit={t('dashboard.units.yuan')}
        figure={totals.directLossYuan}
        formatPrevious={(n) => formatMoney(n, language).yuan}
        {...card}
      />
    </div>
  );
}
