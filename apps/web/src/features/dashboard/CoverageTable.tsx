import { Flex, Segmented, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHART_COLORS } from '../../shared/charts/chart-style';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { EmptyState } from '../../shared/ui/states';
import type { CoverageRow, EnforcementData } from './enforcement.api';

const K = 'dashboardEnforcement.coverage';
const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** Coverage as a bar with the plan's target marked on it (a dark line): green at or above the target, orange below. */
function CoverageBar({ row }: { row: Omit<CoverageRow, 'code' | 'name'> }) {
  const { t } = useTranslation();
  const below = row.percent !== null && row.targetPercent !== null && row.percent < row.targetPercent;
  const label = `${t(`${K}.rate`)} ${pct(row.percent)}，${t(`${K}.target`)} ${pct(row.targetPercent)}${below ? `，${t(`${K}.below`)}` : ''}`;
  return (
    <Tooltip title={label}>
      <Flex align="center" gap={8} style={{ minWidth: 110 }} data-testid="coverage-bar" data-percent={row.percent ?? ''} data-target={row.targetPercent ?? ''} role="img" aria-label={label}>
        <div style={{ position: 'relative', flex: 1, height: 10, borderRadius: 5, background: '#f0f0f0' }}>
          <div style={{ width: `${Math.min(row.percent ?? 0, 100)}%`, height: '100%', borderRadius: 5, background: below ? CHART_COLORS.ahead : CHART_COLORS.ok }} />
          {row.targetPercent !== null && <span style={{ position: 'absolute', top: -3, bottom: -3, left: `${Math.min(row.targetPercent, 100)}%`, width: 2, marginLeft: -1, background: '#141414' }} />}
        </div>
        <span style={{ width: 48, textAlign: 'right', fontVariantNumeric: 'tabular-nums', color: below ? CHART_COLORS.ahead : '#141414' }}>{pct(row.percent)}</span>
      </Flex>
    </Tooltip>
  );
}

/**
 * 检查覆盖率 per sub-region or per industry: enterprises under this year's plans, how many were
 * inspected from 1 January to the period's end, against the plans' target. A sub-region's name
 * drills the dashboard down to it.
 */
export function CoverageTable({ data, regionPath }: { data: EnforcementData; regionPath: (code: string) => string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { coverage } = data;
  const [by, setBy] = useState<'region' | 'industry'>(coverage.byRegion.length > 0 ? 'region' : 'industry');
  if (coverage.plans.length === 0) {
    return (
      <div data-testid="coverage-empty">
        <EmptyState description={t(`${K}.empty`)} action={<Link to="/inspection-plans">{t(`${K}.openPlans`)}</Link>} />
      </div>
    );
  }
  const rows = [...(by === 'region' ? coverage.byRegion : coverage.byIndustry), { ...coverage.total, code: '', name: t(`${K}.total`) }];
  const isRegion = (r: CoverageRow) => by === 'region' && r.code !== '' && r.code !== data.region.code;
  const columns: ColumnsType<CoverageRow> = [
    {
      title: t(`${K}.name`), dataIndex: 'name',
      render: (name: string, r) => (isRegion(r) ? <Link to={regionPath(r.code)} title={t(`${K}.drill`, { name })}>{name}</Link> : r.code === '' ? <b>{name}</b> : name),
    },
    { title: t(`${K}.enterprises`), dataIndex: 'enterprises', align: 'right', width: 90 },
    { title: t(`${K}.inspected`), dataIndex: 'inspected', align: 'right', width: 80 },
    { title: t(`${K}.rate`), key: 'rate', width: 240, render: (_, r) => <CoverageBar row={r} /> },
    { title: t(`${K}.target`), key: 'target', align: 'right', width: 130, render: (_, r) => t(`${K}.targetValue`, { target: String(r.target), percent: pct(r.targetPercent) }) },
    {
      title: <Tooltip title={t(`${K}.keyHint`)}><span style={{ textDecoration: 'underline dotted' }}>{t(`${K}.key`)}</span></Tooltip>, key: 'key', align: 'right', width: 110,
      render: (_, r) => <span style={r.key.met < r.key.enterprises ? { color: CHART_COLORS.ahead } : undefined}>{t(`${K}.keyValue`, { met: String(r.key.met), total: String(r.key.enterprises) })}</span>,
    },
  ];
  return (
    <Flex vertical gap={8} data-testid="coverage">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Text type="secondary">{t(`${K}.period`, { year: String(coverage.year), to: coverage.to, count: coverage.plans.length })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`${K}.legend`)}</Typography.Text>
        </Flex>
        <Segmented
          size="small"
          value={by}
          onChange={(v) => setBy(v as 'region' | 'industry')}
          options={[...(coverage.byRegion.length > 0 ? [{ value: 'region', label: t(`${K}.byRegion`) }] : []), { value: 'industry', label: t(`${K}.byIndustry`) }]}
          data-testid="coverage-by"
        />
      </Flex>
      {mobile ? (
        // A phone: one block per row, the bar full width, the counts on one line under it.
        <Flex vertical gap={10}>
          {rows.map((r) => (
            <div key={r.code || 'total'} data-testid="coverage-row" data-code={r.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
              <Flex justify="space-between" gap={8}>
                {isRegion(r) ? <Link to={regionPath(r.code)}>{r.name}</Link> : <b>{r.name}</b>}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t(`${K}.inspected`)} {r.inspected} / {r.enterprises}</Typography.Text>
              </Flex>
              <CoverageBar row={r} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(`${K}.target`)} {t(`${K}.targetValue`, { target: String(r.target), percent: pct(r.targetPercent) })} · {t(`${K}.key`)} {t(`${K}.keyValue`, { met: String(r.key.met), total: String(r.key.enterprises) })}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      ) : (
      <Table<CoverageRow>
        size="small"
        rowKey={(r) => r.code || 'total'}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => ({ 'data-testid': 'coverage-row', 'data-code': r.code } as React.HTMLAttributes<HTMLTableRowElement>)}
      />
      )}
    </Flex>
  );
}
