import { CASE_STATUSES, type CaseStatus } from '@anjian/domain';
import { Button, Card, Checkbox, Flex, Input, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { ErrorState } from '../../shared/ui/states';
import { FileCaseDialog } from './FileCaseDialog';
import { useCases, useFigures, type CaseFilters, type CaseRow } from './cases.api';
import { STATUS_COLORS, statusLabel, yuan } from './labels';
import { EnterpriseBlacklistTag } from './BlacklistTag';

/** 案件查办: this year's figures, then the cases in scope (filters in the address). */
export default function CaseListPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();
  const [filing, setFiling] = useState(false);
  const filters: CaseFilters = { status: (params.get('status') as CaseStatus) || undefined, overdue: params.get('overdue') === 'true' ? 'true' : undefined, q: params.get('q') || undefined };
  const list = useCases(filters);
  const figures = useFigures();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const f = figures.data;
  const stats: [string, number | string][] = f ? [
    [t('cases.figures.opened'), f.opened], [t('cases.figures.decided'), f.decided], [t('cases.figures.overdue'), f.overdue],
    [t('cases.figures.finesDecided'), yuan(f.finesDecidedFen)], [t('cases.figures.finesCollected'), yuan(f.finesCollectedFen)],
    [t('cases.figures.suspended'), f.suspended], [t('cases.figures.resumed'), f.resumed], [t('cases.figures.closed'), f.closed], [t('cases.figures.blacklisted'), f.blacklisted],
  ] : [];
  const columns: TableColumnsType<CaseRow> = [
    { key: 'number', title: t('cases.fields.number'), render: (_, c) => <><Link to={`/cases/${c.id}`}>{c.number}</Link><div style={{ fontSize: 12, color: '#595959' }}>{c.enterpriseName}<EnterpriseBlacklistTag enterpriseId={c.enterpriseId} /></div></> },
    { key: 'cause', title: t('cases.fields.cause'), dataIndex: 'cause', responsive: ['md'] },
    { key: 'status', title: t('cases.fields.status'), render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{statusLabel(pick, c.status)}</Tag> },
    { key: 'filedOn', title: t('cases.fields.filedOn'), dataIndex: 'filedOn', responsive: ['sm'] },
    {
      key: 'dueOn', title: t('cases.fields.dueOn'), responsive: ['lg'],
      render: (_, c) => (c.daysOverdue > 0 ? <Tag color="red">{t('cases.overdueBy', { days: String(c.daysOverdue) })}</Tag> : c.dueOn ?? (c.decidedOn ? `✓ ${c.decidedOn}` : '—')),
    },
    { key: 'fine', title: t('cases.fields.fine'), align: 'right', responsive: ['md'], render: (_, c) => (c.fineFen ? yuan(c.fineFen) : '—') },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('cases.title')}</Typography.Title>
        {hasPermission(me, 'case.file') && <Button type="primary" data-testid="file-case" onClick={() => setFiling(true)}>{t('cases.file.open')}</Button>}
      </Flex>
      {f && (
        <Card size="small">
          <Flex wrap gap={24}>{stats.map(([label, value]) => <Statistic key={label} title={label} value={value} />)}</Flex>
        </Card>
      )}
      <Flex wrap gap={8}>
        <Select allowClear placeholder={t('cases.filters.status')} style={{ width: 160 }} value={filters.status} onChange={(v) => set('status', v)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(pick, s) }))} />
        <Input.Search allowClear placeholder={t('cases.filters.search')} style={{ width: 240 }} defaultValue={filters.q} onSearch={(v) => set('q', v)} />
        <Checkbox checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}>{t('cases.filters.overdue')}</Checkbox>
      </Flex>
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table rowKey="id" size="middle" loading={list.isLoading} columns={columns} dataSource={list.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      )}
      {filing && <FileCaseDialog onClose={() => setFiling(false)} />}
    </Flex>
  );
}
