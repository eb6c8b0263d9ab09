import { Breadcrumb, Button, Card, Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAncestors, useChildren, useRegion, type RegionData } from '../../shared/api/regions';
import { useLabels } from '../../shared/api/reference';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';

export function RegionDetail({ code, onOpen }: { code: string; onOpen: (region: RegionData) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const region = useRegion(code);
  const ancestors = useAncestors(code);
  const children = useChildren(region.data && region.data.childCount > 0 ? code : undefined);

  if (region.isPending) return <Card title={t('regions.detail')}><LoadingState /></Card>;
  if (region.isError) return <Card title={t('regions.detail')}><ErrorState error={region.error} onRetry={() => void region.refetch()} /></Card>;
  const r = region.data;

  return (
    <Card title={r.name}>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'code', label: t('regions.code'), children: <Typography.Text copyable>{r.code}</Typography.Text> },
          { key: 'level', label: t('regions.level'), children: labels.regionLevel(r.level) },
          { key: 'count', label: t('regions.childCount'), children: r.childCount },
          {
            key: 'path',
            label: t('regions.path'),
            children: ancestors.data ? <Breadcrumb items={ancestors.data.map((a) => ({ key: a.code, title: a.name }))} /> : '…',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('regions.children')}</Typography.Title>
      {r.childCount === 0 ? (
        <EmptyState description={t('regions.noChildren')} />
      ) : children.isError ? (
        <ErrorState error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <List
          size="small"
          bordered
          loading={children.isPending}
          dataSource={children.data ?? []}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(child) => (
            <List.Item
              actions={[<Button key="open" type="link" size="small" onClick={() => onOpen(child)}>{t('regions.open')}</Button>]}
            >
              <List.Item.Meta
                title={child.name}
                description={`${child.code} · ${labels.regionLevel(child.level)}${child.childCount ? ` · ${t('regions.childCount')} ${child.childCount}` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
