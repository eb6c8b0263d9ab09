import { Alert, Button, Card, DatePicker, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { EmptyState, ErrorState } from '../../shared/ui/states';
import { IndicatorCell } from './IndicatorCell';
import { useIndicatorTable, type IndicatorRowData } from './indicators.api';

/** Today's year in Beijing. */
const currentYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/**
 * 控制指标: the caps for a region and its sub-regions for a year, and how much of each is used.
 * Users who may set caps edit the sub-regions' cells in place (the server says which, in actions).
 */
export default function IndicatorsPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('regionCode') ?? me.org.regionCode;
  const year = Number(params.get('year')) || currentYear();
  const table = useIndicatorTable(regionCode, year);
  const data = table.data;

  const go = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const columns: TableColumnsType<IndicatorRowData> = [
    {
      key: 'region', title: t('indicators.region'), fixed: 'left', width: 150,
      render: (_, r) =>
        r.self ? (
          <span><b>{r.region.name}</b> <Tag style={{ marginInlineEnd: 0 }}>{t('indicators.self')}</Tag></span>
        ) : (
          <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => go({ regionCode: r.region.code })}>{r.region.name}</Button>
        ),
    },
    ...(data?.metrics ?? []).map((m, index) => ({
      key: m.code,
      title: (
        <span>
          {pick(m.label)}
          <div style={{ fontWeight: 400, fontSize: 12, color: '#595959' }}>{t('indicators.unitHint', { unit: pick(m.unit) })}</div>
        </span>
      ),
      width: 190,
      render: (_: unknown, r: IndicatorRowData) => {
        const cell = r.items[index];
        return cell && <IndicatorCell cell={cell} regionCode={r.region.code} regionName={r.region.name} metricLabel={pick(m.label)} year={data?.year ?? year} editable={r.actions.includes('set')} />;
      },
    })),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('indicators.title')}</Typography.Title>
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <RegionPicker value={regionCode} onChange={(code) => go({ regionCode: code === me.org.regionCode ? undefined : code })} className="anjian-filter" style={{ width: 240 }} />
          <DatePicker
            picker="year"
            allowClear={false}
            aria-label={t('indicators.year')}
            value={dayjs(new Date(year, 0, 1))}
            onChange={(d) => d && go({ year: d.year() === currentYear() ? undefined : String(d.year()) })}
            className="anjian-filter"
          />
          {regionCode !== me.org.regionCode && <Button onClick={() => go({ regionCode: undefined })}>{t('indicators.backToOwn')}</Button>}
          {data && (
            <span data-testid="year-progress">
              {t('indicators.progress', { asOf: data.asOf, percent: String(data.yearProgressPercent) })}
            </span>
          )}
        </Flex>
      </Card>
      {data?.scopeIndustries && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('indicators.scopeIndustries')} />}
      {table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<IndicatorRowData>
            rowKey={(r) => r.region.code}
            size="middle"
            columns={columns}
            dataSource={data?.rows ?? []}
            loading={table.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': `indicator-row-${r.region.code}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <EmptyState description={t('indicators.empty')} /> }}
          />
          <div style={{ padding: '8px 12px', fontSize: 13, color: '#595959' }}>{t('indicators.legend')}</div>
        </Card>
      )}
    </>
  );
}
