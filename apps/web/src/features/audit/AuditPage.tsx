import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { AUDIT_LOGIN_REASONS, auditActionLabel } from '@anjian/domain';
import { App, Button, Descriptions, Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { PagedTable } from '../../shared/ui/PagedTable';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { exportAuditLog, useAuditLog, type AuditFilters, type AuditRowData } from './audit.api';
import { AuditFilterBar } from './AuditFilterBar';
import { VerifyResult } from './VerifyResult';

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
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [exporting, setExporting] = useState(false);
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const resultLabel = (result: string) =>
    result === 'success' || result === 'failure' || result === 'denied' ? t(`audit.results.${result}`) : result;
  // A refused sign-in records why (the user is told only "wrong name or password"); other failures the message shown.
  const reasonText = (reason: string | null) => reason?.split('; ').map((r) => (AUDIT_LOGIN_REASONS[r] ? pick(AUDIT_LOGIN_REASONS[r]) : r)).join('；') ?? null;

  const user = (r: AuditRowData) =>
    r.username ? (
      <span style={{ whiteSpace: 'nowrap' }}>{r.actorName ?? r.username}</span>
    ) : (
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('audit.anonymous')}</Typography.Text>
    );
  const actionLabel = (action: string) => {
    const label = auditActionLabel(action);
    return label ? pick(label) : action;
  };
  const action = (r: AuditRowData) => (
    <Tooltip title={r.action}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="audit-action" data-action={r.action}>{actionLabel(r.action)}</span>
    </Tooltip>
  );
  const object = (r: AuditRowData) =>
    r.objectName ? (
      <Tooltip title={`${r.objectType ?? ''} ${r.objectId ?? ''}`}><span data-testid="audit-object">{r.objectName}</span></Tooltip>
    ) : r.objectType || r.objectId ? (
      <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>{`${r.objectType ?? ''} ${r.objectId ?? ''}`.trim()}</Typography.Text>
    ) : (
      '—'
    );
  const result = (r: AuditRowData) => (
    <>
      <Tag color={RESULT_COLOURS[r.result] ?? 'default'}>{resultLabel(r.result)}</Tag>
      {r.reason && <div style={{ fontSize: 12, color: '#595959', maxWidth: 280 }} data-testid="audit-reason">{reasonText(r.reason)}</div>}
    </>
  );

  // A phone gets two stacked columns; everything else is one tap away in the expanded row.
  const phoneColumns: TableColumnsType<AuditRowData> = [
    { key: 'when', title: `${t('audit.at')} / ${t('audit.username')}`, render: (_, r) => (<><div>{formatDateTime(r.at)}</div><div>{user(r)}</div></>) },
    { key: 'what', title: `${t('audit.action')} / ${t('audit.result')}`, render: (_, r) => (<><div>{action(r)}</div><div>{object(r)}</div>{result(r)}</>) },
  ];

  const columns: TableColumnsType<AuditRowData> = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</span> },
    { key: 'user', title: t('audit.username'), render: (_, r) => user(r) },
    { key: 'action', title: t('audit.action'), render: (_, r) => action(r) },
    { key: 'object', title: t('audit.object'), responsive: ['lg'], render: (_, r) => object(r) },
    { key: 'result', title: t('audit.result'), render: (_, r) => result(r) },
    { key: 'status', title: t('audit.statusCode'), width: 80, responsive: ['md'], render: (_, r) => r.statusCode ?? '—' },
    { key: 'ip', title: t('audit.ip'), responsive: ['xl'], render: (_, r) => r.ip ?? '—' },
    { key: 'hash', title: t('audit.hash'), width: 140, responsive: ['md'], render: (_, r) => (
      <Tooltip title={r.hash ?? t('audit.unlinkedHint')}>
        <Typography.Text code={r.hash !== null} type={r.hash === null ? 'secondary' : undefined}>{r.hash?.slice(0, HASH_PREFIX) ?? t('audit.unlinked')}</Typography.Text>
      </Tooltip>
    ) },
  ];

  const runExport = async () => {
    setExporting(true);
    try {
      await exportAuditLog(filters);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('audit.title')}</Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()} data-testid="audit-export">{t('audit.export')}</Button>
          <VerifyResult trigger={<SafetyCertificateOutlined />} />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('audit.subtitle')}</Typography.Paragraph>
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
                { key: 'action', label: t('audit.actionCode'), children: <Typography.Text code>{r.action}</Typography.Text> },
                { key: 'object', label: t('audit.object'), children: `${r.objectName ? `${r.objectName} · ` : ''}${r.objectType ?? ''} ${r.objectId ?? ''}`.trim() || '—' },
                { key: 'hash', label: t('audit.hash'), span: 'filled', children: r.hash === null ? t('audit.unlinkedHint') : <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{r.hash}</Typography.Text> },
                { key: 'req', label: t('audit.requestId'), children: r.requestId ?? '—' },
                { key: 'region', label: t('audit.region'), children: r.regionCode ?? '—' },
                { key: 'user', label: t('audit.userId'), children: `${r.username ?? ''} ${r.userId ?? ''}`.trim() || '—' },
                { key: 'org', label: t('audit.orgId'), children: r.orgId ?? '—' },
                { key: 'ip', label: t('audit.ip'), children: r.ip ?? '—' },
                { key: 'details', label: t('audit.details'), span: 'filled', children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{prettyDetails(r.details)}</pre> },
              ]}
            />
          ),
        }}
      />
    </>
  );
}
