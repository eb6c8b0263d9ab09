import type { CaseDetail } from '@anjian/domain';
import { Button, Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { StatusTag } from './labels';

/**
 * On a case's page: the inspection it was opened from, and the 复查 of its 责令限期整改 with
 * 安排复查 for an inspector once the order is decided (a 复查 before the deadline is allowed).
 */
export function CaseInspections({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const ordered = c.measures.some((m) => m.kind === 'rectify_order');
  if (!ordered && !c.inspectionId && c.reinspections.length === 0) return null;
  return (
    <Card size="small" title={t('inspections.caseLinks.title')} data-testid="case-reinspections"
      extra={ordered && hasPermission(me, 'inspection.record') && <Link to={`/inspections/new?caseId=${c.id}`}><Button size="small" data-testid="arrange-reinspection">{t('inspections.linked.reinspectionTitle')}</Button></Link>}>
      {c.inspectionId && <div style={{ marginBottom: 8 }}>{t('inspections.caseLinks.source')}：<Link to={`/inspections/${c.inspectionId}`}>{t('inspections.caseLinks.view')}</Link></div>}
      {(ordered || c.reinspections.length > 0) && <List size="small" dataSource={c.reinspections} locale={{ emptyText: t('inspections.caseLinks.none') }} renderItem={(r) => (
        <List.Item actions={[<Link key="v" to={`/inspections/${r.id}`}>{t('inspections.caseLinks.view')}</Link>]}>
          <List.Item.Meta
            title={<>{t('inspections.caseLinks.reinspection')} {r.inspectedOn} <StatusTag status={r.status} /></>}
            description={<>{r.orgName}{r.summary ? ` · ${r.summary}` : ''} {r.status !== 'draft' && (r.failedCount === 0
              ? <Tag color="green">{t('inspections.noFindings')}</Tag>
              : <Tag color="orange">{t('inspections.findingsCount', { failed: String(r.failedCount), major: String(r.majorCount) })}</Tag>)}</>} />
        </List.Item>
      )} />}
    </Card>
  );
}
