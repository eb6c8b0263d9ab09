import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ENTERPRISE_STATUSES } from '@anjian/domain';
import { App, Button, Card, Flex, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../shared/api/client';
import { useIndustries } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { PagedTable } from '../../shared/ui/PagedTable';
import { download } from '../hazards/files.api';
import { useHazardLabels } from '../hazards/labels';
import { EnterpriseFormDialog } from './EnterpriseFormDialog';
import { EnterpriseImportDialog } from './EnterpriseImportDialog';
import { useEnterpriseList, type EnterpriseData, type EnterpriseFilters } from './enterprises.api';
import { BlacklistTag } from '../cases/BlacklistTag';

export const STATUS_COLOURS: Record<EnterpriseData['status'], string> = { operating: 'green', suspended: 'orange', closed: 'default' };

export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const industries = useIndustries().data ?? [];
  const isEnterprise = me.org.type === 'enterprise';
  const [filters, setFilters] = useState<EnterpriseFilters>({});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useEnterpriseList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCreate = hasPermission(me, 'enterprise.create') && !isEnterprise;
  const canImport = hasPermission(me, 'enterprise.import') && !isEnterprise;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const name = await download('/enterprises/export', { ...filters }, `${t('enterprises.title')}.xlsx`);
      void message.success(t('enterprises.exported', { name }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<EnterpriseData> = [
    { key: 'name', title: t('enterprises.name'), render: (_, e) => (
      <>
        <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">{e.name}</Link><BlacklistTag flag={e.blacklist} />
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.uscc}</Typography.Text>
      </>
    ) },
    { key: 'region', title: t('enterprises.region'), responsive: ['md'], render: (_, e) => e.regionName },
    { key: 'industries', title: t('enterprises.industries'), responsive: ['lg'], render: (_, e) => e.industries.map((c) => <Tag key={c}>{labels.industry(c)}</Tag>) },
    { key: 'scale', title: t('enterprises.scale'), width: 80, responsive: ['xl'], render: (_, e) => labels.scale(e.scale) },
    { key: 'status', title: t('enterprises.status'), width: 110, render: (_, e) => <Tag color={STATUS_COLOURS[e.status]}>{labels.enterpriseStatus(e.status)}</Tag> },
    { key: 'dept', title: t('enterprises.supervisingDepartment'), responsive: ['xl'], render: (_, e) => e.supervisingDepartment?.name ?? '—' },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('enterprises.title')}</Typography.Title>
        <Flex gap={8} wrap>
          {canImport && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="enterprise-import">{t('enterprises.import.button')}</Button>}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="enterprise-export">{t('enterprises.export')}</Button>
          {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('enterprises.create')}</Button>}
        </Flex>
      </Flex>
      {!isEnterprise && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={12}>
            <RegionPicker allowClear value={filters.regionCode} onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode }))} className="anjian-filter" style={{ width: 220 }} />
            <Select
              allowClear
              placeholder={t('enterprises.industries')}
              aria-label={t('enterprises.industries')}
              value={filters.industry}
              onChange={(industry?: string) => setFilters((f) => ({ ...f, industry }))}
              options={industries.map((i) => ({ value: i.code, label: labels.industry(i.code) }))}
              showSearch={{ optionFilterProp: 'label' }}
              className="anjian-filter"
              style={{ width: 170 }}
            />
            <Select
              allowClear
              placeholder={t('enterprises.status')}
              aria-label={t('enterprises.status')}
              value={filters.status}
              onChange={(status?: string) => setFilters((f) => ({ ...f, status }))}
              options={ENTERPRISE_STATUSES.map((value) => ({ value, label: labels.enterpriseStatus(value) }))}
              className="anjian-filter"
              style={{ width: 150 }}
            />
            <Input.Search
              allowClear
              placeholder={t('enterprises.searchPlaceholder')}
              aria-label={t('enterprises.searchLabel')}
              onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
              className="anjian-filter"
              style={{ width: 240 }}
            />
          </Flex>
        </Card>
      )}
      <PagedTable<EnterpriseData>
        query={list}
        rows={rows}
        columns={columns}
        loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
        empty={canCreate ? t('enterprises.empty') : t('enterprises.emptyReadOnly')}
      />
      {creating && <EnterpriseFormDialog onClose={() => setCreating(false)} />}
      {importing && <EnterpriseImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}
