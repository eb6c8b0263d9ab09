import { CASE_TRANSITIONS, DOCUMENT_KINDS, DOCUMENT_INFO, type CaseAction, type DocumentKind } from '@anjian/domain';
import { Button, Card, Descriptions, Dropdown, Flex, List, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { CaseActDialog } from './CaseActDialog';
import { documentUrl, useCase, useGenerateDocument, type CaseData } from './cases.api';
import { measureLabel, STATUS_COLORS, statusLabel, yuan } from './labels';
import { EnterpriseBlacklistTag } from './BlacklistTag';
import { CaseInspections } from '../inspections/CaseInspections';

/** One case: its state and clock, the measures, the acts the user may take, its documents and timeline. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const generate = useGenerateDocument(id);
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const c: CaseData = query.data;
  const dash = (v: string | null) => v ?? '—';
  return (
    <Flex vertical gap={16}>
      <Link to="/cases">← {t('cases.title')}</Link>
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number">{c.number}</Typography.Title>
        <Tag color={STATUS_COLORS[c.status]}>{statusLabel(pick, c.status)}</Tag>
        {c.daysOverdue > 0 && <Tag color="red">{t('cases.overdueBy', { days: String(c.daysOverdue) })}</Tag>}
      </Flex>
      {c.actions.length > 0 && (
        <Flex wrap gap={8}>
          {c.actions.map((a) => (
            <Button key={a} type={['decide', 'notify', 'close'].includes(a) ? 'primary' : 'default'} danger={['revoke', 'transfer'].includes(a)} onClick={() => setAction(a as CaseAction)}>
              {pick(CASE_TRANSITIONS[a as CaseAction].label)}
            </Button>
          ))}
        </Flex>
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
          { key: 'e', label: t('cases.fields.enterprise'), children: <>{c.enterpriseName}<EnterpriseBlacklistTag enterpriseId={c.enterpriseId} /></> },
          { key: 'c', label: t('cases.fields.cause'), children: c.cause },
          { key: 'o', label: t('cases.fields.org'), children: c.orgName },
          { key: 'f', label: t('cases.fields.filedOn'), children: c.filedOn },
          { key: 'd', label: t('cases.fields.dueOn'), children: c.dueOn ? `${c.dueOn}${c.extensionDays ? `（${t('cases.fields.extension')} ${t('cases.days', { days: String(c.extensionDays) })}）` : ''}` : '—' },
          { key: 'n', label: t('cases.fields.notifiedOn'), children: dash(c.notifiedOn) },
          { key: 'r', label: t('cases.fields.responseLastDay'), children: c.responseLastDay ? `${c.responseLastDay}（${t('cases.fields.hearingRight')}：${c.hearingRight ? t('cases.yes') : t('cases.no')}）` : '—' },
          { key: 'dd', label: t('cases.fields.decidedOn'), children: dash(c.decidedOn) },
          { key: 's', label: t('cases.fields.servedOn'), children: dash(c.servedOn) },
          { key: 'x', label: t('cases.fields.executedOn'), children: c.executedOn ? `${c.executedOn}（${t('cases.fields.paid')} ${yuan(c.paidFen)}）` : '—' },
          { key: 'cl', label: t('cases.fields.closedOn'), children: dash(c.closedOn) },
          ...(c.outcomeReason ? [{ key: 'or', label: t('cases.fields.outcome'), children: c.outcomeReason }] : []),
          { key: 'fa', label: t('cases.fields.facts'), children: dash(c.facts), span: 'filled' as const },
        ]} />
      </Card>
      <Card size="small" title={c.measures.length ? t('cases.fields.measures') : t('cases.fields.proposed')}>
        <Table size="small" pagination={false} rowKey={(m, i) => `${m.kind}${i}`} scroll={{ x: true }}
          dataSource={(c.measures.length ? c.measures : c.proposedMeasures) as { kind: 'fine'; amountFen?: number | null; legalBasis?: string; deadline?: string | null; content?: string | null }[]}
          columns={[
            { key: 'k', title: t('cases.act.kind'), render: (_, m) => measureLabel(pick, m.kind) },
            { key: 'a', title: t('cases.fields.amount'), render: (_, m) => (m.amountFen ? yuan(m.amountFen) : '—') },
            { key: 'd', title: t('cases.fields.deadline'), render: (_, m) => m.deadline ?? '—' },
            { key: 'b', title: t('cases.fields.legalBasis'), dataIndex: 'legalBasis' },
          ]} />
      </Card>
      <CaseInspections c={c} />
      <Card size="small" title={t('cases.fields.documents')} extra={c.actions.length > 0 && (
        <Dropdown menu={{ items: DOCUMENT_KINDS.map((k) => ({ key: k, label: pick(DOCUMENT_INFO[k].title) })), onClick: ({ key }) => generate.mutate(key as DocumentKind) }}>
          <Button size="small" loading={generate.isPending}>{t('cases.documents.generate')}</Button>
        </Dropdown>
      )}>
        {generate.error && <Typography.Text type="danger">{errorText(generate.error)}</Typography.Text>}
        <List size="small" dataSource={c.documents} locale={{ emptyText: t('cases.documents.empty') }} renderItem={(d) => (
          <List.Item actions={[<a key="dl" href={documentUrl(c.id, d.id)}>{t('cases.documents.download')}</a>]}>
            <List.Item.Meta title={`${d.title} ${d.number}`} description={<span style={{ fontSize: 12 }}>{formatDateTime(d.generatedAt).slice(0, 16)} · {t('cases.documents.size', { kb: String(Math.round(d.size / 1024)), ms: String(d.generatedMs) })} · SHA-256 {d.sha256.slice(0, 16)}…</span>} />
          </List.Item>
        )} />
      </Card>
      <Card size="small" title={t('cases.fields.timeline')}>
        <Timeline items={c.events.map((e) => ({
          key: e.seq,
          color: e.action === 'overdue_escalated' ? 'red' : 'blue',
          content: (
            <>
              <div><b>{e.action in CASE_TRANSITIONS ? pick(CASE_TRANSITIONS[e.action as CaseAction].label) : e.action === 'file' ? '立案' : e.action === 'overdue_escalated' ? '办案超期督办' : e.action}</b> · {e.actorName}{e.actorOrgName ? `（${e.actorOrgName}）` : ''}</div>
              <div style={{ fontSize: 12, color: '#595959' }}>{formatDateTime(e.at).slice(0, 16)}{e.comment ? ` · ${e.comment}` : ''}</div>
            </>
          ),
        }))} />
      </Card>
      {action && <CaseActDialog caseId={c.id} action={action} proposed={c.proposedMeasures} onClose={() => setAction(null)} />}
    </Flex>
  );
}
