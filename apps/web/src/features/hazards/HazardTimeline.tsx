import { ArrowRightOutlined } from '@ant-design/icons';
import type { HazardStatus } from '@anjian/domain';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format';
import { StatusTag } from './HazardBadges';
import type { HazardEventData } from './hazards.api';
import { useHazardLabels } from './labels';
import { PhotoGallery } from './PhotoGallery';

const COLOURS: Record<string, string> = {
  report: 'blue', verify: 'cyan', reject: 'gray', assign: 'orange', submit_for_acceptance: 'purple', accept: 'green',
  reject_acceptance: 'red', review_fail: 'red', overdue_escalated: 'red', accountability_required: 'red', record_accountability: 'red',
};

/** The facts an event carries that its comment does not say (deadline set, reason chosen …). */
function useEventFacts() {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  return (e: HazardEventData): string[] => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const facts: string[] = [];
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    const kv = (label: string, value: unknown) => t('hazards.fact', { label, value: String(value) });
    if (e.action === 'reject' && str(d.reason)) facts.push(kv(t('hazards.acts.reason'), `${labels.rejection(String(d.reason))}${str(d.duplicateOf) ? ` #${String(d.duplicateOf)}` : ''}`));
    if (e.action === 'assign') {
      if (str(d.responsibleUnit)) facts.push(kv(t('hazards.responsibleUnit'), `${String(d.responsibleUnit)}${str(d.responsiblePerson) ? ` · ${String(d.responsiblePerson)}` : ''}`));
      if (str(d.supervisingDepartment)) facts.push(kv(t('hazards.supervisingDepartment'), d.supervisingDepartment));
      if (str(d.deadline)) facts.push(kv(t('hazards.deadline'), d.deadline));
    }
    if (e.action === 'request_extension' && str(d.requestedDeadline)) facts.push(kv(t('hazards.acts.requestedDeadline'), d.requestedDeadline));
    if (e.action === 'decide_extension') facts.push(d.approve ? t('hazards.acts.extensionApproved', { date: String(d.deadline ?? '') }) : t('hazards.acts.extensionRefused'));
    if (e.action === 'list') {
      if (typeof d.level === 'number') facts.push(labels.listing(d.level));
      if (str(d.liaisonLeader)) facts.push(kv(t('hazards.acts.liaisonLeader'), d.liaisonLeader));
      if (str(d.departmentName)) facts.push(kv(t('hazards.acts.department'), d.departmentName));
      if (d.suspend) facts.push(t('hazards.acts.suspend'));
    }
    if (e.action === 'accept') {
      const sig = (d.signature ?? {}) as Record<string, unknown>;
      if (str(sig.signedBy)) facts.push(kv(t('hazards.signature.signedBy'), sig.signedBy));
    }
    if (e.action === 'record_accountability' && str(d.person)) facts.push(`${kv(t('hazards.acts.person'), d.person)} · ${kv(t('hazards.acts.decision'), d.decision ?? '')}`);
    return facts;
  };
}

/** Every event, oldest first: who, from which organisation, when, what changed, with what evidence. */
export function HazardTimeline({ events }: { events: HazardEventData[] }) {
  const labels = useHazardLabels();
  const factsOf = useEventFacts();
  return (
    <div data-testid="hazard-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.seq,
          color: COLOURS[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-event" data-action={e.action}>
              <div>
                <Typography.Text strong>{labels.action(e.action)}</Typography.Text>
                {e.fromStatus && e.fromStatus !== e.toStatus && (
                  <span style={{ marginInlineStart: 8 }}>
                    <StatusTag status={e.fromStatus as HazardStatus} /> <ArrowRightOutlined style={{ fontSize: 10, opacity: 0.6 }} /> <StatusTag status={e.toStatus as HazardStatus} />
                  </span>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorName}{e.actorOrgName ? ` · ${e.actorOrgName}` : ''} · {formatDateTime(e.at)}
              </Typography.Text>
              {factsOf(e).map((f) => <div key={f} style={{ fontSize: 13 }}>{f}</div>)}
              {e.comment && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.comment}</Typography.Paragraph>}
              {e.files.length > 0 && <div style={{ marginTop: 6 }}><PhotoGallery files={e.files} size={64} /></div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
