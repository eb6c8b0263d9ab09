import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FIGURE_GRID } from './AccidentFigures';
import type { HazardStatsData } from './dashboard.api';
import css from './dashboard.module.css';
import { FigureCard } from './FigureCard';

/**
 * The hazard ledger, filtered: the other end of every clickable hazard figure. Overdue, listed
 * and acceptance-overdue are counts as of now (no period); the others count hazards found in the
 * period, which is what the ledger's from/to filter on (found_on).
 */
export function ledgerLink(regionCode: string, filter: 'overdue' | 'acceptanceOverdue' | 'listed' | null, extra: Record<string, string> = {}): string {
  return `/hazards?${new URLSearchParams({ ...(filter ? { [filter]: 'true' } : {}), regionCode, ...extra }).toString()}`;
}

/**
 * 隐患排查 and 整改: found, closed, rectification rate, major; overdue and listed click through to the
 * ledger. Closed counts the closures in the period whenever found; the rate is over the hazards
 * found in the period: each card names its base, so the two are never read as one.
 */
export function HazardFigures({ stats }: { stats: HazardStatsData }) {
  const { t } = useTranslation();
  const { totals } = stats;
  const rate = totals.rectificationRate;
  const snap = totals.snapshot;
  const unit = t('dashboard.units.items');
  const found = { from: stats.period.from, to: stats.period.to };
  const toLabel = t('dashboard.hazards.openLedger');
  return (
    // At most three cards a row: the grid shares its row with the chart on a wide screen.
    <div style={{ ...FIGURE_GRID, gridTemplateColumns: 'repeat(auto-fit, minmax(max(140px, 30%), 1fr))' }}>
      <FigureCard testId="figure-hazards-found" label={t('dashboard.hazards.found')} raw={totals.found.current} unit={unit} figure={totals.found} tone="neutral" to={ledgerLink(stats.region.code, null, found)} toLabel={toLabel} />
      <FigureCard
        testId="figure-hazards-closed"
        label={t('dashboard.hazards.closed')}
        raw={totals.closed.current}
        unit={unit}
        figure={totals.closed}
        tone="neutral"
        footer={<div className={css.muted} data-testid="closed-basis">{t('dashboard.hazards.closedBasis')}</div>}
      />
      <FigureCard
        testId="figure-rectification-rate"
        label={t('dashboard.hazards.rate')}
        raw={rate.percentText ?? '—'}
        // The rate's part: hazards found in the period and closed since.
        to={rate.part > 0 ? ledgerLink(stats.region.code, null, { ...found, status: 'closed' }) : undefined}
        toLabel={toLabel}
        footer={
          <>
            <div className={css.muted} data-testid="rate-basis">{t('dashboard.hazards.rateParts', { part: String(rate.part), whole: String(rate.whole) })}</div>
            <div className={css.muted}>
              {t('dashboard.previous')} {rate.previous.percentText ?? '—'}
            </div>
          </>
        }
      />
      <FigureCard testId="figure-hazards-major" label={t('dashboard.hazards.major')} raw={totals.major.current} unit={unit} figure={totals.major} tone="neutral" to={ledgerLink(stats.region.code, null, { ...found, level: 'major' })} toLabel={toLabel} />
      <FigureCard
        testId="figure-overdue"
        label={t('dashboard.hazards.overdue')}
        raw={snap.overdue}
        unit={unit}
        alert={snap.overdue > 0}
        to={ledgerLink(stats.region.code, 'overdue')}
        toLabel={toLabel}
        footer={
          <>
            <div className={css.muted} data-testid="figure-acceptance-overdue" data-value={snap.acceptanceOverdue} title={t('dashboard.hazards.acceptanceOverdueHint')}>
              {snap.acceptanceOverdue > 0 ? (
                <Link to={ledgerLink(stats.region.code, 'acceptanceOverdue')}>{t('dashboard.hazards.acceptanceOverdue', { count: snap.acceptanceOverdue })}</Link>
              ) : (
                t('dashboard.hazards.acceptanceOverdue', { count: snap.acceptanceOverdue })
              )}
            </div>
            <div className={css.muted}>{t('dashboard.hazards.open', { count: snap.open })}</div>
            <div className={css.muted}>{t('dashboard.hazards.exposed', { exposed: String(snap.exposed), accountability: String(snap.accountabilityRequired) })}</div>
          </>
        }
      />
      <FigureCard
        testId="figure-listed"
        label={t('dashboard.hazards.listed')}
        raw={snap.listed}
        unit={unit}
        to={ledgerLink(stats.region.code, 'listed')}
        toLabel={toLabel}
        footer={<div className={css.muted}>{t('dashboard.hazards.listedByLevel', { province: String(snap.listedByLevel.province), city: String(snap.listedByLevel.city), county: String(snap.listedByLevel.county) })}</div>}
      />
    </div>
  );
}
