import { SafetyCertificateOutlined } from '@ant-design/icons';
import { FIVE_IMPLEMENTATIONS } from '@anjian/domain';
import { Card, Descriptions, Divider, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format';
import { PlaceView } from '../../shared/ui/PlaceView';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { DeadlineText } from './HazardBadges';
import type { HazardData } from './hazards.api';
import { useHazardLabels } from './labels';
import { ReporterButton } from './ReporterButton';
import { EnterpriseBlacklistTag } from '../cases/BlacklistTag';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const dash = (v: ReactNode) => v ?? '—';

/** Where, what, who found it, and who answers for it. */
export function FactsCard({ hazard: h }: { hazard: HazardData }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const mobile = useIsMobile();
  return (
    <Card size="small" title={t('hazards.detail.facts')} style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        column={mobile ? 1 : 2}
        data-testid="hazard-facts"
        items={[
          { key: 'enterprise', label: t('hazards.enterprise'), children: <>{dash(h.enterprise?.name)}<EnterpriseBlacklistTag enterpriseId={h.enterprise?.id} /></> },
          { key: 'industry', label: t('hazards.industry'), children: h.industryCode ? labels.industry(h.industryCode) : '—' },
          { key: 'source', label: t('hazards.source'), children: labels.source(h.source) },
          {
            key: 'location', label: t('hazards.location'),
            children: <PlaceView regionCode={h.regionCode} regionName={h.regionName} address={h.location} latitude={h.latitude} longitude={h.longitude} label={h.enterprise?.name ?? h.location ?? undefined} testId="hazard-place" />,
          },
          {
            key: 'found', label: t('hazards.foundBy'),
            // 举报人身份保密: the page names no citizen; those who handle the report may ask, audited.
            children: h.reporterConfidential
              ? <span data-testid="reporter-confidential">{t('hazards.reporter.confidential')} · {h.foundOn}{h.reporterAvailable && <ReporterButton hazardId={h.id} />}</span>
              : `${h.foundByName} · ${h.foundOn}`,
          },
          { key: 'reported', label: t('hazards.reportedAt'), children: formatDateTime(h.reportedAt) },
          { key: 'clause', label: t('hazards.criterionClause'), children: dash(h.criterionClause) },
          { key: 'unit', label: t('hazards.responsibleUnit'), children: h.responsibleUnit ? `${h.responsibleUnit}${h.responsiblePerson ? ` · ${h.responsiblePerson}` : ''}` : '—' },
          { key: 'dept', label: t('hazards.supervisingDepartment'), children: dash(h.supervisingDepartment?.name) },
          { key: 'deadline', label: t('hazards.deadline'), children: <DeadlineText hazard={h} /> },
          { key: 'closed', label: t('hazards.closedOn'), children: dash(h.closedOn) },
          { key: 'description', label: t('hazards.description'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.description || '—'}</span> },
        ]}
      />
    </Card>
  );
}

/** 五落实: responsibility, measures, funds, deadline, contingency plan. */
export function PlanCard({ plan }: { plan: Record<string, string> }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  return (
    <Card size="small" title={t('hazards.detail.plan')} style={{ marginBottom: 12 }} data-testid="hazard-plan">
      <Descriptions size="small" column={1} items={FIVE_IMPLEMENTATIONS.map((key) => ({ key, label: labels.planPart(key), children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan[key] ?? '—'}</span> }))} />
    </Card>
  );
}

/** 挂牌督办: which level, the 包联领导, the responsible department, suspension. */
export function ListingCard({ hazard }: { hazard: HazardData }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const l = hazard.listing ?? {};
  return (
    <Card size="small" title={<span style={{ color: '#d4380d' }}>{hazard.listedLevel !== null ? labels.listing(hazard.listedLevel) : t('hazards.listed')}</span>} style={{ marginBottom: 12, borderColor: '#ffbb96' }} data-testid="hazard-listing">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'leader', label: t('hazards.acts.liaisonLeader'), children: dash(text(l.liaisonLeader)) },
          { key: 'dept', label: t('hazards.acts.department'), children: dash(text(l.departmentName)) },
          { key: 'suspend', label: t('hazards.acts.suspend'), children: l.suspend ? <Tag color="red">{t('hazards.detail.yes')}</Tag> : t('hazards.detail.no') },
          { key: 'at', label: t('hazards.detail.listedAt'), children: formatDateTime(text(l.listedAt)) },
        ]}
      />
    </Card>
  );
}

/** "谁验收、谁签字、谁负责": the acceptor's signature as recorded, with the hash of what was accepted. */
export function SignatureCard({ acceptance }: { acceptance: Record<string, unknown> }) {
  const { t } = useTranslation();
  const hash = text(acceptance.stateHash);
  return (
    <Card
      size="small"
      title={<><SafetyCertificateOutlined style={{ color: '#389e0d' }} /> {t('hazards.signature.title')}</>}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hazards.signature.motto')}</Typography.Text>}
      style={{ marginBottom: 12, borderColor: '#b7eb8f' }}
      data-testid="acceptance-signature"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'by', label: t('hazards.signature.signedBy'), children: <Typography.Text strong data-testid="signature-signer">{dash(text(acceptance.signedBy))}</Typography.Text> },
          { key: 'org', label: t('hazards.signature.org'), children: dash(text(acceptance.org)) },
          { key: 'at', label: t('hazards.signature.at'), children: formatDateTime(text(acceptance.at)) },
          { key: 'hash', label: t('hazards.signature.hash'), children: hash ? <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="signature-hash">{hash}</Typography.Text> : t('hazards.signature.noHash') },
          ...(text(acceptance.rootCause) ? [{ key: 'root', label: t('hazards.acts.rootCause'), children: text(acceptance.rootCause) }] : []),
          ...(text(acceptance.loopholeFixed) ? [{ key: 'loophole', label: t('hazards.acts.loopholeFixed'), children: text(acceptance.loopholeFixed) }] : []),
        ]}
      />
    </Card>
  );
}

/** 问责 records, and a warning while one is owed. */
export function AccountabilityCard({ hazard }: { hazard: HazardData }) {
  const { t } = useTranslation();
  if (hazard.accountability.length === 0) return null;
  return (
    <Card size="small" title={t('hazards.detail.accountability')} style={{ marginBottom: 12 }} data-testid="hazard-accountability">
      {hazard.accountability.map((a, i) => (
        <div key={`${a.person}-${a.decidedOn}-${i}`} data-testid="accountability-record">
          {i > 0 && <Divider style={{ margin: '8px 0' }} />}
          <Typography.Text strong>{a.person}</Typography.Text>
          {a.personOrg && <Typography.Text type="secondary"> · {a.personOrg}</Typography.Text>}
          <Typography.Text type="secondary"> · {a.decidedOn}</Typography.Text>
          <div>{t('hazards.fact', { label: t('hazards.acts.failure'), value: a.failure })}</div>
          <div>{t('hazards.fact', { label: t('hazards.acts.decision'), value: a.decision })}</div>
        </div>
      ))}
    </Card>
  );
}
