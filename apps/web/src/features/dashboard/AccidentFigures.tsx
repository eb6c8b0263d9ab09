import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../../shared/charts/chart-style';
import { useLanguage } from '../../shared/i18n';
import type { AccidentStatsData } from './dashboard.api';
import css from './dashboard.module.css';
import { FigureCard } from './FigureCard';

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

/** 事故起数, 死亡, 重伤, 轻伤, 直接经济损失 with 同比. */
export function AccidentFigures({ stats }: { stats: AccidentStatsData }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { totals } = stats;
  const loss = totals.directLossYuan.current;
  // 万元 as the seeds print losses; 亿元 once the figure would no longer fit a card.
  const big = loss >= 100_000_000;
  const lossDisplay = (loss / (big ? 100_000_000 : 10_000)).toLocaleString(language, { maximumFractionDigits: big ? 2 : 1 });
  return (
    <div style={FIGURE_GRID}>
      <FigureCard testId="figure-accidents" label={t('dashboard.figures.accidents')} raw={totals.accidents.current} unit={t('dashboard.units.accidents')} figure={totals.accidents} />
      <FigureCard testId="figure-deaths" label={t('dashboard.figures.deaths')} raw={totals.deaths.current} unit={t('dashboard.units.people')} figure={totals.deaths} />
      <FigureCard testId="figure-serious-injuries" label={t('dashboard.figures.seriousInjuries')} raw={totals.seriousInjuries.current} unit={t('dashboard.units.people')} figure={totals.seriousInjuries} />
      <FigureCard testId="figure-minor-injuries" label={t('dashboard.figures.minorInjuries')} raw={totals.minorInjuries.current} unit={t('dashboard.units.people')} figure={totals.minorInjuries} />
      <FigureCard
        testId="figure-direct-loss"
        label={t('dashboard.figures.directLoss')}
        raw={loss}
        display={lossDisplay}
        unit={big ? t('dashboard.units.hundredMillionYuan') : t('dashboard.units.tenThousandYuan')}
        rawUnit={t('dashboard.units.yuan')}
        figure={totals.directLossYuan}
      />
    </div>
  );
}
