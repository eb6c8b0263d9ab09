import { Descriptions, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { PagedTable } from '../../shared/ui/PagedTable';
import { useAuditLog, type AuditFilters, type AuditRowData } from './audit.api';
import { AuditFilterBar } from './AuditFilterBar';

const RESULT_COLOURS: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };
const HASH_PREFIX = 12;

function prettyDetails(details: string | null): string {
  if (!details) return '—';
  try {
    return JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    return details;
  }
}

export default function AuditPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const resultLabel = (result: string) =>
    result === 'success' || result === 'failure' || result === 'denied' ? t(`audit.results.${result}`) : result;

  const user = (r: AuditRowData) => r.username ?? <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('audit.anonymous')}</Typography.Text>;
  const action = (r: AuditRowData) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{r.action}</Typography.Text>;
  const result = (r: AuditRowData) => <Tag color={RESULT_COLOURS[r.result] ?? 'default'}>{resultLabel(r.result)}</Tag>;

  // A phone gets two stacked columns; everything else is one tap away in the expanded row.
  const phoneColumns: TableColumnsType<AuditRowData> = [
    { key: 'when', title: `${t('audit.at')} / ${t('audit.username')}`, render: (_, r) => (<><div>{formatDateTime(r.at)}</div><div>{user(r)}</div></>) },
    { key: 'what', title: `${t('audit.action')} / ${t('audit.result')}`, render: (_, r) => (<><div style={{ wordBreak: 'break-all' }}>{r.action}</div>{result(r)}</>) },
  ];

  const columns: TableColumnsType<AuditRowData> = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</span> },
    { key: 'user', title: t('audit.username'), render: (_, r) => user(r) },
    { key: 'action', title: t('audit.action'), render: (_, r) => action(r) },
    { key: 'object', title: t('audit.object'), responsive: ['lg'], render: (_, r) => (r.objectType || r.objectId ? `${r.objectType ?? ''} ${r.objectId ?? ''}`.trim() : '—') },
    { key: 'result', title: t('audit.result'), width: 90, render: (_, r) => result(r) },
    { key: 'status', title: t('audit.statusCode'), width: 80, responsive: ['md'], render: (_, r) => r.statusCode ?? '—' },
    { key: 'ip', title: t('audit.ip'), responsive: ['xl'], render: (_, r) => r.ip ?? '—' },
    { key: 'hash', title: t('audit.hash'), width: 140, responsive: ['md'], render: (_, r) => (
      <Tooltip title={r.hash ?? t('audit.unlinkedHint')}>
        <Typography.Text code={r.hash !== null} type={r.hash === null ? 'secondary' : undefined}>{r.hash?.slice(0, HASH_PREFIX) ?? t('audit.unlinked')}</Typography.Text>
      </Tooltip>
    ) },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('audit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.subtitle')}</Typography.Paragraph>
      <AuditFilterBar onApply={setFilters} />
      <PagedTable<AuditRowData>
        query={log}
        rows={rows}
        size="small"
        columns={mobile ? phoneColumns : columns}
        empty={t('audit.empty')}
        expandable={{
              expandedRowRender: (r) => (
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'hash', label: t('audit.hash'), span: 'filled', children: r.hash === null ? t('audit.unlinkedHint') : <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{r.hash}</Typography.Text> },
                    { key: 'req', label: t('audit.requestId'), children: r.requestId ?? '—' },
                    { key: 'region', label: t('audit.region'), children: r.regionCode ?? '—' },
                    { key: 'user', label: t('audit.userId'), children: r.userId ?? '—' },
                    { key: 'org', label: t('audit.orgId'), children: r.orgId ?? '—' },
                    { key: 'ip', label: t('audit.ip'), children: r.ip ?? '—' },
                    { key: 'object', label: t('audit.object'), children: `${r.objectType ?? ''} ${r.objectId ?? ''}`.trim() || '—' },
                    { key: 'details', label: t('audit.details'), span: 'filled', children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{prettyDetails(r.details)}</pre> },
                  ]}
                />
              ),
            }}
      />
    </>
  );
}
