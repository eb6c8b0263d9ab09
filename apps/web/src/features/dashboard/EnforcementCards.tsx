import { INSPECTION_TYPE_LABELS } from '@anjian/domain';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { EmptyState } from '../../shared/ui/states';
import { FIGURE_GRID } from './AccidentFigures';
import css from './dashboard.module.css';
import { inspectionsLink, type EnforcementData } from './enforcement.api';
import { FigureCard } from './FigureCard';
import { formatMoney } from './money';

const K = 'dashboardEnforcement';

/** Inspections by type and the hazards they found; each type opens the inspections list filtered by it. */
export function InspectionCards({ data }: { data: EnforcementData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const me = useCurrentUser();
  const { inspections, hazards } = data;
  if (inspections.total === 0) {
    return (
      <div data-testid="enforcement-empty-inspections">
        <EmptyState
          description={t(`${K}.emptyInspections`)}
          action={hasPermission(me, 'inspection.record') ? <Link to="/inspections/new"><Button type="primary">{t(`${K}.newInspection`)}</Button></Link> : undefined}
        />
      </div>
    );
  }
  const unit = t('dashboard.units.items');
  return (
    // Eight cards: narrow enough that they share one row on a desk screen.
    <div style={{ ...FIGURE_GRID, gridTemplateColumns: 'repeat(auto-fit, minmax(112px, 1fr))' }}>
      <FigureCard testId="figure-inspections" label={t(`${K}.inspections`)} raw={inspections.total} unit={t(`${K}.cases.units.inspections`)} to={inspectionsLink()} toLabel={t(`${K}.openInspections`)} />
      {inspections.byType.map((x) => (
        <FigureCard key={x.type} testId={`figure-inspections-${x.type}`} label={pick(INSPECTION_TYPE_LABELS[x.type])} raw={x.count} unit={t(`${K}.cases.units.inspections`)} to={x.count > 0 ? inspectionsLink(x.type) : undefined} toLabel={t(`${K}.openInspections`)} />
      ))}
      <FigureCard
        testId="figure-inspection-hazards"
        label={t(`${K}.hazardsFound`)}
        raw={hazards.total}
        unit={unit}
        alert={hazards.major > 0}
        footer={<div className={css.muted} data-testid="figure-inspection-hazards-major" data-value={hazards.major}>{t(`${K}.hazardsMajor`, { count: hazards.major })}</div>}
      />
    </div>
  );
}

/** The cases module's figures: filed, decided, overdue, fines in 元 (万元 on the card, the exact 元 below), suspensions, blacklist. */
export function CaseCards({ cases }: { cases: NonNullable<EnforcementData['cases']> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const list = { to: '/cases', toLabel: t(`${K}.cases.openList`) };
  const n = t(`${K}.cases.units.cases`);
  const money = (testId: string, label: string, yuan: number) => {
    const m = formatMoney(yuan, language);
    return <FigureCard testId={testId} label={label} raw={yuan} display={m.value} rawDisplay={m.yuan} unit={t(`dashboard.units.${m.unit}`)} rawUnit={t('dashboard.units.yuan')} {...list} />;
  };
  return (
    <div style={FIGURE_GRID}>
      <FigureCard testId="figure-cases-opened" label={t(`${K}.cases.opened`)} raw={cases.opened} unit={n} {...list} />
      <FigureCard testId="figure-cases-decided" label={t(`${K}.cases.decided`)} raw={cases.decided} unit={n} {...list} />
      <FigureCard
        testId="figure-cases-overdue" label={t(`${K}.cases.overdue`)} raw={cases.overdue} unit={n} alert={cases.overdue > 0}
        to="/cases?overdue=true" toLabel={t(`${K}.cases.openList`)} footer={<div className={css.muted}>{t(`${K}.cases.overdueHint`)}</div>}
      />
      {money('figure-fines-decided', t(`${K}.cases.finesDecided`), cases.finesDecidedYuan)}
      {money('figure-fines-collected', t(`${K}.cases.finesCollected`), cases.finesCollectedYuan)}
      <FigureCard
        testId="figure-cases-suspended" label={t(`${K}.cases.suspended`)} raw={cases.suspended} unit={t(`${K}.cases.units.enterprises`)} to="/enforcement" toLabel={t(`${K}.cases.openResumptions`)}
        footer={<div className={css.muted} data-testid="figure-cases-resumed-closed" data-resumed={cases.resumed} data-closed={cases.closed}>{t(`${K}.cases.resumedClosed`, { resumed: String(cases.resumed), closed: String(cases.closed) })}</div>}
      />
      <FigureCard
        testId="figure-blacklisted" label={t(`${K}.cases.blacklisted`)} raw={cases.blacklisted} unit={t(`${K}.cases.units.enterprises`)} to="/blacklist" toLabel={t(`${K}.cases.openBlacklist`)}
        footer={<div className={css.muted}>{t(`${K}.cases.blacklistHint`)}</div>}
      />
    </div>
  );
}
