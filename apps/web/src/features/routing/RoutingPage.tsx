import { App, Alert, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { useLabels } from '../../shared/api/reference';
import { useAncestors } from '../../shared/api/regions';
import { useCurrentUser } from '../../shared/auth/session';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { EmptyState, ErrorState } from '../../shared/ui/states';
import { DepartmentDialog } from './DepartmentDialog';
import { useRouteChange, useRoutingTable, type RoutingRow } from './routing.api';

export default function RoutingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const labels = useLabels();
  const mobile = useIsMobile();
  const [regionCode, setRegionCode] = useState(me.org.regionCode);
  const [editing, setEditing] = useState<RoutingRow | null>(null);
  const table = useRoutingTable(regionCode);
  const path = useAncestors(regionCode);
  const change = useRouteChange(regionCode);
  const region = path.data?.[path.data.length - 1];
  const nameOf = (code: string | null) => path.data?.find((r) => r.code === code)?.name ?? code ?? '';
  // The server names industries in Chinese only; the industry list has both languages.
  const industryName = (row: RoutingRow) => (labels.industry(row.industryCode) === row.industryCode ? row.industryName : labels.industry(row.industryCode));
  // At the national root nothing is routed by design (departments start at province level).
  const unset = regionCode === '0' ? 0 : table.data?.items.filter((r) => !r.department).length ?? 0;

  const clear = async (row: RoutingRow) => {
    try {
      await change.mutateAsync({ industryCode: row.industryCode, departmentId: null });
      void message.success(t('routing.cleared'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const department = (row: RoutingRow) => (row.department ? row.department.name : <Typography.Text type="secondary">—</Typography.Text>);
  const source = (row: RoutingRow) => {
    if (!row.department) return <Tag color="orange">{t('routing.notSet')}</Tag>;
    return row.inherited ? <Tag>{t('routing.inheritedFrom', { name: nameOf(row.definedAt) })}</Tag> : <Tag color="blue">{t('routing.setHere')}</Tag>;
  };

  const columns: TableColumnsType<RoutingRow> = [
    ...(mobile
      ? [{ key: 'all', title: `${t('routing.industry')} / ${t('routing.department')}`, render: (_: unknown, row: RoutingRow) => (
          <>
            <Typography.Text strong>{industryName(row)}</Typography.Text>
            <div>{department(row)}</div>
            {source(row)}
          </>
        ) }]
      : [
          { key: 'industry', title: t('routing.industry'), render: (_: unknown, row: RoutingRow) => industryName(row) },
          { key: 'department', title: t('routing.department'), render: (_: unknown, row: RoutingRow) => department(row) },
          { key: 'source', title: t('routing.source'), render: (_: unknown, row: RoutingRow) => source(row) },
        ]),
    { key: 'actions', title: t('common.actions'), width: mobile ? 112 : undefined, render: (_, row) => (
      <Space size={0} wrap orientation={mobile ? 'vertical' : 'horizontal'} align="start">
        {row.actions.includes('set') && (
          <Button type="link" size="small" onClick={() => setEditing(row)}>{row.inherited || !row.department ? t('routing.set') : t('routing.change')}</Button>
        )}
        {row.actions.includes('clear') && (
          <Popconfirm
            title={t('routing.clearConfirmTitle')}
            description={t('routing.clearConfirm', { industry: industryName(row) })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => clear(row)}
          >
            <Button type="link" size="small" danger>{t('routing.clear')}</Button>
          </Popconfirm>
        )}
      </Space>
    ) },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('routing.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('routing.subtitle')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <span>{t('routing.region')}</span>
          <RegionPicker value={regionCode} onChange={(code) => setRegionCode(code ?? me.org.regionCode)} className="anjian-filter" style={{ width: 280, maxWidth: '100%' }} />
        </Flex>
      </Card>
      {unset > 0 && <Alert type="warning" showIcon title={t('routing.unsetCount', { count: unset })} style={{ marginBottom: 16 }} />}
      {table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<RoutingRow>
            rowKey="industryCode"
            size="middle"
            columns={columns}
            dataSource={table.data?.items ?? []}
            loading={table.isPending}
            pagination={false}
            locale={{ emptyText: <EmptyState description={t('routing.empty')} /> }}
          />
        </Card>
      )}
      {editing && region && path.data && (
        <DepartmentDialog region={region} path={path.data} row={editing} industryName={industryName(editing)} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
