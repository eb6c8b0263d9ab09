import { INSPECTION_STATUS_LABELS, INSPECTION_TRANSITIONS, type InspectionAction, type InspectionStatus } from '@anjian/domain';
import { Button, Card, Descriptions, Flex, Image, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { formatDateTime } from '../../shared/ui/format';
import { useInspection, useInspectionMutations, type InspectionData } from './inspections.api';
import { StatusTag, TypeTag, usePick } from './labels';
import { RecordPage } from './RecordPage';
import { FileCaseButton } from './FileCaseDialog';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { STATUS_COLORS, statusLabel } from '../cases/labels';
import type { CaseStatus } from '@anjian/domain';

const RESULT: Record<string, { label: string; color: string }> = { pass: { label: '合格', color: 'green' }, fail: { label: '不合格', color: 'red' }, na: { label: '不适用', color: 'default' } };

function Recorded({ inspection }: { inspection: InspectionData }) {
  const { t } = useTranslation();
  const { archive } = useInspectionMutations(inspection.id);
  const pick = usePick();
  const me = useCurrentUser();
  const lang = useLanguage();
  const act = (a: string) => (a === 'create' ? pick({ zh: '新建', en: 'Create' }) : pick(INSPECTION_TRANSITIONS[a as InspectionAction]?.label ?? { zh: a, en: a }));
  const sig = inspection.enterpriseSignature;
  return (
    <div style={{ maxWidth: 960 }}>
      <Card size="small" style={{ marginBottom: 12 }} title={<Flex gap={6} align="center" wrap><span>{inspection.enterprise.name}</span><TypeTag type={inspection.type} /><StatusTag status={inspection.status} /></Flex>}
        extra={<Flex gap={8}>
          {hasPermission(me, 'case.file') && <FileCaseButton inspection={inspection} />}
          {inspection.actions.includes('archive') && <Button loading={archive.isPending} onClick={() => archive.mutate()} data-testid="archive">{t('inspections.detail.archive')}</Button>}
        </Flex>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
          { key: 'date', label: t('inspections.inspectedOn'), children: inspection.inspectedOn },
          { key: 'org', label: t('inspections.org'), children: inspection.orgName },
          { key: 'team', label: t('inspections.team'), children: inspection.team.map((m) => m.name).join('、') },
          { key: 'checklist', label: t('inspections.checklist'), children: `${inspection.checklist.title}（第 ${inspection.checklist.version} 版）` },
          { key: 'findings', label: t('inspections.findings'), children: inspection.failedCount ? t('inspections.findingsCount', { failed: String(inspection.failedCount), major: String(inspection.majorCount) }) : t('inspections.noFindings') },
          { key: 'summary', label: t('inspections.summary'), children: inspection.summary ?? '—' },
          ...(inspection.drawId ? [{ key: 'draw', label: t('inspections.detail.draw'), children: inspection.drawPlanId ? <Link to={`/inspection-plans/${inspection.drawPlanId}/draws/${inspection.drawId}`} data-testid="draw-link">{t('inspections.detail.draw')}</Link> : inspection.drawId }] : []),
          ...(inspection.orderCase ? [{ key: 'orderCase', label: t('inspections.detail.orderCase'), children: <Link to={`/cases/${inspection.orderCase.id}`}>{inspection.orderCase.number}</Link> }] : []),
          { key: 'cases', label: t('inspections.detail.cases'), children: inspection.cases.length ? <Flex vertical gap={2} data-testid="inspection-cases">{inspection.cases.map((c) => (
            <span key={c.id}><Link to={`/cases/${c.id}`}>{c.number}</Link> {c.cause} <Tag color={STATUS_COLORS[c.status as CaseStatus]}>{statusLabel(lang.pick, c.status as CaseStatus)}</Tag></span>
          ))}</Flex> : t('inspections.detail.noCases') },
        ]} />
      </Card>
      <Card size="small" title={t('inspections.detail.items')} style={{ marginBottom: 12 }}>
        <List dataSource={inspection.items} renderItem={(item, n) => (
          <List.Item data-testid="result-item" data-item-key={item.key}>
            <div style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} align="flex-start">
                <Typography.Text>{n + 1}. {item.text}</Typography.Text>
                {item.result && <Tag color={RESULT[item.result]!.color} style={{ flexShrink: 0 }}>{RESULT[item.result]!.label}</Tag>}
              </Flex>
              {item.note && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{item.note}</Typography.Paragraph>}
              {item.photos.length > 0 && <Image.PreviewGroup>{item.photos.map((p) => <Image key={p} src={`/api/files/${p}`} width={64} height={64} style={{ objectFit: 'cover', marginRight: 6 }} />)}</Image.PreviewGroup>}
              {item.hazard && (
                <div style={{ marginTop: 6 }} data-testid="finding-hazard">
                  <Tag color={item.hazard.level === 'major' ? 'red' : 'orange'}>{item.hazard.level === 'major' ? '重大事故隐患' : '一般事故隐患'}</Tag>
                  <Link to={`/hazards/${item.hazard.id}`} data-testid="hazard-link">{t('inspections.detail.hazard')} #{item.hazard.id}</Link>
                  {item.hazard.criterionClause && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>{item.hazard.criterionClause}</Typography.Text>}
                </div>
              )}
            </div>
          </List.Item>
        )} />
      </Card>
      <Card size="small" title={t('inspections.detail.signatures')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} items={[
          { key: 'i', label: t('inspections.detail.inspectorsSigned'), children: inspection.team.map((m) => `${m.name}（${formatDateTime(m.signedAt)}）`).join('；') },
          { key: 'e', label: t('inspections.detail.enterpriseSigned'), children: sig ? <Flex vertical gap={4}><span>{sig.name}{sig.title ? `（${sig.title}）` : ''} {formatDateTime(sig.at)}</span>{sig.imageFileId && <Image src={`/api/files/${sig.imageFileId}`} height={60} alt={sig.name} />}</Flex> : '—' },
        ]} />
      </Card>
      <Card size="small" title={t('inspections.detail.events')}>
        <Timeline items={inspection.events.map((e) => ({ children: `${formatDateTime(e.at)} ${e.actorName} ${act(e.action)} → ${pick(INSPECTION_STATUS_LABELS[e.toStatus as InspectionStatus])}` }))} />
      </Card>
    </div>
  );
}

/** One inspection: the phone-first record page while a team member may still fill it in, the signed record otherwise. */
export default function DetailPage() {
  const { id = '' } = useParams();
  const query = useInspection(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inspection = query.data;
  return inspection.actions.includes('save_results') ? <RecordPage inspection={inspection} /> : <Recorded inspection={inspection} />;
}
