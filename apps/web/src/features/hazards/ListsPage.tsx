import { DownloadOutlined } from '@ant-design/icons';
import { HAZARD_LISTS } from '@anjian/domain';
import { Alert, App, Button, Card, DatePicker, Flex, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../shared/api/client';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { EmptyState, ErrorState, LoadMore } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { EnterpriseBlacklistTag } from '../cases/BlacklistTag';
import { download } from './files.api';
import { hazardPath } from './HazardList';
import { useHazardList, type ListFilters, type ListName, type ListRow } from './lists.api';

const THREE: readonly ListName[] = ['problems', 'rectification', 'responsibility'];
/** The enforcement lists read cases: shown to those who may read cases (the server answers 403 otherwise). */
const ENFORCEMENT: readonly ListName[] = ['cases', 'penalties'];
const money = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 三张清单 and 四个清单: one generic table per list, with its .xlsx export. */
export default function ListsPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const names = HAZARD_LISTS.filter((name) => !ENFORCEMENT.includes(name) || hasPermission(me, 'case.read'));
  const list = (names as readonly string[]).includes(params.get('list') ?? '') ? (params.get('list') as ListName) : 'problems';
  const [filters, setFilters] = useState<ListFilters>({});
  const [exporting, setExporting] = useState(false);
  const data = useHazardList(list, filters);
  const first = data.data?.pages[0];
  const rows = data.data?.pages.flatMap((p) => p.rows) ?? [];
  const enterprise = me.org.type === 'enterprise';

  const cell = (value: ListRow[string], key: string, row: ListRow) => {
    if (value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('hazardLists.yes') : t('hazardLists.no');
    if (key === 'id' && row.id) return <Link to={hazardPath(String(row.id))}>{String(value)}</Link>;
    if (key === 'caseNo' && row.caseId) return <Link to={`/cases/${String(row.caseId)}`}>{String(value)}</Link>;
    if (key === 'amount' && typeof value === 'number') return money(value);
    if (key === 'enterprise' && typeof row.enterpriseId === 'string') return <>{String(value)}<EnterpriseBlacklistTag enterpriseId={row.enterpriseId} /></>;
    return String(value);
  };
  const columns: TableColumnsType<ListRow> = (first?.columns ?? []).map((c) => ({
    key: c.key,
    title: pick(c),
    render: (_, row) => cell(row[c.key] ?? null, c.key, row),
    ...(c.key === 'id' ? { width: 70 } : {}),
    ...(c.key === 'amount' ? { align: 'right' as const } : {}),
  }));

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const name = await download(`/hazard-lists/${list}/export`, { ...filters }, `${t(`hazardLists.names.${list}`)}.xlsx`);
      void message.success(t('hazardLists.exported', { name }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const tabLabel = (name: ListName) => <span data-testid={`list-tab-${name}`}>{t(`hazardLists.names.${name}`)}</span>;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('hazardLists.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hazardLists.subtitle')}</Typography.Paragraph>
      <Tabs
        activeKey={list}
        onChange={(key) => setParams({ list: key }, { replace: true })}
        items={names.map((name) => ({ key: name, label: tabLabel(name) }))}
        tabBarExtraContent={mobile ? undefined : <Typography.Text type="secondary">{THREE.includes(list) ? t('hazardLists.groupThree') : t('hazardLists.groupFour')}</Typography.Text>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center">
          {!enterprise && (
            <RegionPicker allowClear value={filters.regionCode} placeholder={t('hazardLists.region')} onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode }))} className="anjian-filter" style={{ width: 220 }} />
          )}
          <DatePicker placeholder={t('hazardLists.from')} aria-label={t('hazardLists.from')} value={filters.from ? dayjs(filters.from) : null} onChange={(d) => setFilters((f) => ({ ...f, from: d?.format('YYYY-MM-DD') }))} className="anjian-filter" />
          <DatePicker placeholder={t('hazardLists.to')} aria-label={t('hazardLists.to')} value={filters.to ? dayjs(filters.to) : null} onChange={(d) => setFilters((f) => ({ ...f, to: d?.format('YYYY-MM-DD') }))} className="anjian-filter" />
          {hasPermission(me, 'hazard.export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="list-export" style={{ marginInlineStart: mobile ? 0 : 'auto' }}>
              {t('hazardLists.export')}
            </Button>
          )}
        </Flex>
      </Card>
      {first?.note && <Alert type="info" showIcon title={pick(first.note)} style={{ marginBottom: 12 }} data-testid="list-note" />}
      {data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }} title={first ? pick(first.title) : undefined}>
          <Table<ListRow>
            rowKey={(row) => String(row.id ?? JSON.stringify(row))}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={data.isPending || (data.isPlaceholderData && data.isFetching)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState description={t('hazardLists.empty')} /> }}
          />
          <LoadMore count={rows.length} hasMore={!!data.hasNextPage} loading={data.isFetchingNextPage} onLoad={() => void data.fetchNextPage()} />
        </Card>
      )}
    </>
  );
}
