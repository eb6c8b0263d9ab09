import { Grid, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../shared/i18n';
import { EmptyState } from '../../shared/ui/states';
import type { AccidentRegionRow, AccidentStatsData, HazardRegionRow, HazardStatsData } from './dashboard.api';
import css from './dashboard.module.css';
import { Compare } from './FigureCard';
import { ledgerLink } from './HazardFigures';

interface Row extends AccidentRegionRow {
  hazards?: HazardRegionRow;
  drillable: boolean;
}

function Count({ value, testId }: { value: number | string; testId: string }) {
  return <b style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>{value}</b>;
}

/**
 * 下级排名: every sub-region in the API's rank order (deaths, then accidents), 双上升 rows
 * marked red, the hazard figures beside them. A row, or its name, drills down. Below them, apart
 * and unranked, 本级 (accidents recorded on the region itself), then 合计.
 */
export function RegionRanking(props: { accidents: AccidentStatsData; hazards?: HazardStatsData; regionPath: (code: string) => string; onDrill: (code: string) => void }) {
  const { accidents, hazards, regionPath, onDrill } = props;
  const { t } = useTranslation();
  const { pick } = useLanguage();
  // The summary rows' cells follow the columns shown at this width (responsive columns hide).
  const screens = Grid.useBreakpoint();
  const hazardRows = new Map((hazards?.byRegion ?? []).map((r) => [r.code, r]));
  // Sub-regions are ranked; the region's own row (本级, accidents not placed in any sub-region) is not one of them.
  const rows: Row[] = accidents.byRegion.filter((r) => !r.atThisLevel).map((r) => ({ ...r, hazards: hazardRows.get(r.code), drillable: true }));
  const own = accidents.byRegion.filter((r) => r.atThisLevel);

  const columns: TableColumnsType<Row> = [
    { key: 'rank', title: t('dashboard.ranking.rank'), width: 56, align: 'center', render: (_, r) => <Count value={r.rank} testId="rank" /> },
    {
      key: 'name', title: t('dashboard.ranking.region'),
      render: (_, r) => (
        <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
          {r.drillable ? (
            <Link to={regionPath(r.code)} onClick={(e) => e.stopPropagation()} style={{ fontSize: 16, fontWeight: 600 }} data-testid="region-link">
              {pick(r.label)}
            </Link>
          ) : (
            <span style={{ fontSize: 15 }}>{pick(r.label)}</span>
          )}
          {r.doubleRise && <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="double-rise">{t('dashboard.doubleRise')}</Tag>}
        </span>
      ),
    },
    {
      key: 'accidents', title: t('dashboard.ranking.accidents'), align: 'right',
      render: (_, r) => (
        <>
          <Count value={r.accidents.current} testId="accidents" />
          <div style={{ fontSize: 13 }}><Compare figure={r.accidents} tone="casualty" compact testId="accidents" /></div>
        </>
      ),
    },
    {
      key: 'deaths', title: <span title={t('dashboard.figures.deaths')}>{t('dashboard.ranking.deaths')}</span>, align: 'right',
      render: (_, r) => (
        <>
          <Count value={r.deaths.current} testId="deaths" />
          <div style={{ fontSize: 13 }}><Compare figure={r.deaths} tone="casualty" compact testId="deaths" /></div>
        </>
      ),
    },
    { key: 'serious', title: t('dashboard.ranking.serious'), align: 'right', responsive: ['md'], render: (_, r) => <Count value={r.seriousInjuries.current} testId="serious-injuries" /> },
  ];
  if (hazards) {
    columns.push(
      { key: 'found', title: t('dashboard.hazards.found'), align: 'right', responsive: ['lg'], render: (_, r) => r.hazards && <Count value={r.hazards.found.current} testId="hazards-found" /> },
      { key: 'rate', title: t('dashboard.hazards.rate'), align: 'right', responsive: ['lg'], render: (_, r) => r.hazards && <span data-testid="rectification-rate">{r.hazards.rectificationRate.percentText ?? '—'}</span> },
      {
        key: 'overdue', title: t('dashboard.hazards.overdue'), align: 'right', responsive: ['sm'],
        render: (_, r) =>
          r.hazards && (r.hazards.snapshot.overdue > 0 && r.drillable ? (
            <Link to={ledgerLink(r.code, 'overdue')} onClick={(e) => e.stopPropagation()} style={{ color: '#cf1322', fontWeight: 700, fontSize: 16 }} data-testid="hazards-overdue">
              {r.hazards.snapshot.overdue}
            </Link>
          ) : (
            <Count value={r.hazards.snapshot.overdue} testId="hazards-overdue" />
          )),
      },
    );
  }

  // 合计 = the region's totals (sub-regions and 本级 together), as the figures above print them.
  const totals = accidents.totals;
  const hazardTotals = hazards?.totals;
  const cells = (label: ReactNode, testId: string, a: { accidents: number; deaths: number; serious: number }, h?: { found: number; rate: string; overdue: number }) => (
    <Table.Summary.Row key={testId} data-testid={testId}>
      <Table.Summary.Cell index={0} />
      <Table.Summary.Cell index={1}>{label}</Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right"><Count value={a.accidents} testId="accidents" /></Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right"><Count value={a.deaths} testId="deaths" /></Table.Summary.Cell>
      {screens.md && <Table.Summary.Cell index={4} align="right"><Count value={a.serious} testId="serious-injuries" /></Table.Summary.Cell>}
      {hazards && screens.lg && <Table.Summary.Cell index={5} align="right">{h && <Count value={h.found} testId="hazards-found" />}</Table.Summary.Cell>}
      {hazards && screens.lg && <Table.Summary.Cell index={6} align="right">{h?.rate}</Table.Summary.Cell>}
      {hazards && screens.sm && <Table.Summary.Cell index={7} align="right">{h && <Count value={h.overdue} testId="hazards-overdue" />}</Table.Summary.Cell>}
    </Table.Summary.Row>
  );
  const summary = () => (
    <Table.Summary>
      {own.map((r) => cells(
        <span title={t('dashboard.ranking.ownLevelHint')}>{pick(r.label)}</span>,
        'ranking-own-level',
        { accidents: r.accidents.current, deaths: r.deaths.current, serious: r.seriousInjuries.current },
      ))}
      {cells(
        <b>{t('dashboard.ranking.total')}</b>,
        'ranking-total',
        { accidents: totals.accidents.current, deaths: totals.deaths.current, serious: totals.seriousInjuries.current },
        hazardTotals && { found: hazardTotals.found.current, rate: hazardTotals.rectificationRate.percentText ?? '—', overdue: hazardTotals.snapshot.overdue },
      )}
    </Table.Summary>
  );

  return (
    <>
    <div className={css.muted} style={{ marginBottom: 6 }} data-testid="ranking-order">{t('dashboard.ranking.order')}</div>
    <Table<Row>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      // A township has dozens of villages: the table scrolls inside the card, its header stays in view.
      scroll={{ x: 'max-content', y: rows.length > 15 ? 720 : undefined }}
      rowClassName={(r) => (r.doubleRise ? (css.doubleRise ?? '') : '')}
      locale={{ emptyText: <EmptyState description={t('dashboard.ranking.none')} /> }}
      onRow={(r) => ({
        'data-testid': `region-row-${r.code}`,
        'data-double-rise': r.doubleRise ? 'true' : 'false',
        onClick: r.drillable ? () => onDrill(r.code) : undefined,
        style: r.drillable ? { cursor: 'pointer' } : undefined,
      }) as HTMLAttributes<HTMLElement>}
      summary={summary}
    />
    </>
  );
}
