import { PlusOutlined } from '@ant-design/icons';
import { ORG_TYPES, type OrgType } from '@anjian/domain';
import { Button, Card, Checkbox, Flex, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { PagedTable } from '../../shared/ui/PagedTable';
import { OrgFormDialog } from './OrgFormDialog';
import { useOrgList, type OrgData, type OrgFilters } from './orgs.api';

export default function OrgsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<OrgFilters>({ regionCode: me.org.regionCode, subtree: true });
  const [dialog, setDialog] = useState<{ org: OrgData | null } | null>(null);
  const list = useOrgList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCreate = hasPermission(me, 'org.create');

  const columns: TableColumnsType<OrgData> = [
    { key: 'name', title: t('orgs.name'), dataIndex: 'name', render: (name: string, org) => (
      <>
        <div>{name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{labels.orgType(org.type)}{mobile && ` · ${org.regionName}`}</Typography.Text>
      </>
    ) },
    { key: 'region', title: t('orgs.region'), responsive: ['md'], render: (_, org) => `${org.regionName}` },
    { key: 'industries', title: t('orgs.industries'), responsive: ['lg'], render: (_, org) => org.industries.map((code) => <Tag key={code}>{labels.industry(code)}</Tag>) },
    { key: 'status', title: t('orgs.status'), width: 90, render: (_, org) => (
      <Tag color={org.status === 'active' ? 'green' : 'default'}>{t(`common.status.${org.status}`)}</Tag>
    ) },
    { key: 'users', title: t('orgs.userCount'), dataIndex: 'userCount', width: 80, align: 'right', responsive: ['md'] },
  ];
  // Read-only viewers get no empty actions column.
  if (rows.some((org) => org.actions.includes('update'))) {
    columns.push({ key: 'actions', title: t('common.actions'), width: 90, render: (_, org) =>
      org.actions.includes('update') && <Button type="link" size="small" onClick={() => setDialog({ org })}>{t('common.edit')}</Button> });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('orgs.title')}</Typography.Title>
        {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ org: null })}>{t('orgs.create')}</Button>}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <RegionPicker
            value={filters.regionCode}
            onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode: regionCode ?? me.org.regionCode }))}
            className="anjian-filter" style={{ width: 260, maxWidth: '100%' }}
          />
          <Checkbox checked={filters.subtree} onChange={(e) => setFilters((f) => ({ ...f, subtree: e.target.checked }))}>{t('orgs.includeSubtree')}</Checkbox>
          <Select<OrgType>
            allowClear
            placeholder={t('orgs.type')}
            aria-label={t('orgs.type')}
            value={filters.type}
            onChange={(type) => setFilters((f) => ({ ...f, type }))}
            options={ORG_TYPES.map((value) => ({ value, label: labels.orgType(value) }))}
            className="anjian-filter" style={{ width: 200, maxWidth: '100%' }}
          />
          <Input.Search
            allowClear
            placeholder={t('orgs.namePlaceholder')}
            aria-label={t('orgs.namePlaceholder')}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            className="anjian-filter"
            style={{ width: 260, maxWidth: '100%' }}
          />
        </Flex>
      </Card>
      <PagedTable<OrgData> query={list} rows={rows} columns={columns} empty={canCreate ? t('orgs.empty') : t('orgs.emptyReadOnly')} />
      {dialog && <OrgFormDialog org={dialog.org} defaultRegion={filters.regionCode} onClose={() => setDialog(null)} />}
    </>
  );
}
