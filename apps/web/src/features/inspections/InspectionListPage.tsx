import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_STATUS_LABELS, INSPECTION_STATUSES, INSPECTION_TYPE_LABELS, INSPECTION_TYPES } from '@anjian/domain';
import { Button, Card, Flex, List, Segmented, Select, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { EmptyState, ErrorState, LoadMore } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { useInspections, type InspectionRow } from './inspections.api';
import { StatusTag, TypeTag, usePick } from './labels';

function Findings({ row }: { row: InspectionRow }) {
  const { t } = useTranslation();
  if (row.status === 'draft') return <Typography.Text type="secondary">—</Typography.Text>;
  return row.failedCount ? <Typography.Text type={row.majorCount ? 'danger' : 'warning'}>{t('inspections.findingsCount', { failed: String(row.failedCount), major: String(row.majorCount) })}</Typography.Text> : <Typography.Text type="success">{t('inspections.noFindings')}</Typography.Text>;
}

/** 监督检查: the records in scope, newest first; a phone shows cards. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = { type: params.get('type') ?? undefined, status: params.get('status') ?? undefined, mine: params.get('mine') ?? undefined };
  const list = useInspections(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canRecord = hasPermission(me, 'inspection.record');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const open = (id: string) => void navigate(`/inspections/${id}`);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('inspections.title')}</Typography.Title>
        {canRecord && <Button type="primary" size={mobile ? 'large' : 'middle'} icon={<PlusOutlined />} onClick={() => void navigate('/inspections/new')} data-testid="new-inspection">{t('inspections.newButton')}</Button>}
      </Flex>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented value={filters.status ?? ''} onChange={(v) => set('status', v || undefined)} options={[{ value: '', label: t('inspections.all') }, ...INSPECTION_STATUSES.map((s) => ({ value: s, label: pick(INSPECTION_STATUS_LABELS[s]).replace(/（.*）|\s*\(.*\)/, '') }))]} />
        <Select allowClear placeholder={t('inspections.type')} value={filters.type} onChange={(v) => set('type', v)} style={{ minWidth: 140 }} options={INSPECTION_TYPES.map((v) => ({ value: v, label: pick(INSPECTION_TYPE_LABELS[v]) }))} />
        {canRecord && <Flex gap={6} align="center"><Switch size="small" checked={filters.mine === 'true'} onChange={(on) => set('mine', on ? 'true' : undefined)} /><span>{t('inspections.mine')}</span></Flex>}
      </Flex>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : mobile ? (
        <>
          <List
            loading={list.isPending}
            dataSource={rows}
            locale={{ emptyText: <EmptyState description={t('inspections.empty')} /> }}
            renderItem={(row) => (
              <Card size="small" hoverable style={{ marginBottom: 8 }} onClick={() => open(row.id)} data-testid="inspection-card">
                <Flex justify="space-between" gap={8}><Typography.Text strong>{row.enterprise.name}</Typography.Text><StatusTag status={row.status} /></Flex>
                <Flex gap={4} wrap style={{ margin: '6px 0' }}><TypeTag type={row.type} /><Typography.Text type="secondary">{row.inspectedOn} · {row.team.map((m) => m.name).join('、')}</Typography.Text></Flex>
                <Findings row={row} />
              </Card>
            )}
          />
          <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
        </>
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<InspectionRow>
            rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={rows}
            locale={{ emptyText: <EmptyState description={t('inspections.empty')} /> }}
            onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('inspections.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
              { title: t('inspections.enterprise'), render: (_, r) => <Link to={`/inspections/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="inspection-link">{r.enterprise.name}</Link> },
              { title: t('inspections.type'), width: 130, render: (_, r) => <TypeTag type={r.type} /> },
              { title: t('inspections.org'), dataIndex: 'orgName', width: 200 },
              { title: t('inspections.team'), width: 160, render: (_, r) => r.team.map((m) => m.name).join('、') },
              { title: t('inspections.findings'), width: 200, render: (_, r) => <Findings row={r} /> },
              { title: t('inspections.status'), width: 130, render: (_, r) => <StatusTag status={r.status} /> },
            ]}
          />
          <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
        </Card>
      )}
    </>
  );
}
