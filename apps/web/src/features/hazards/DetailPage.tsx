import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { ActionBar } from './ActionBar';
import { BackLink } from './BackLink';
import { AccountabilityCard, FactsCard, ListingCard, PlanCard, SignatureCard } from './DetailSections';
import { HazardBadges } from './HazardBadges';
import { useHazard } from './hazards.api';
import { HazardTimeline } from './HazardTimeline';
import { PhotoGallery } from './PhotoGallery';

/** 隐患详情: the facts, the plan, the listing, the signature, the photos and every event. */
export default function DetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const hazard = useHazard(id);

  if (hazard.isPending) return <LoadingState />;
  if (hazard.isError) return <ErrorState error={hazard.error} onRetry={() => void hazard.refetch()} />;
  const h = hazard.data;
  const before = h.files.filter((f) => f.kind === 'before');
  const after = h.files.filter((f) => f.kind === 'after');
  const progress = h.files.filter((f) => f.kind !== 'before' && f.kind !== 'after');

  return (
    <div style={{ maxWidth: 1100 }} data-testid="hazard-detail" data-hazard-id={h.id} data-status={h.status}>
      <BackLink />
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: '0 0 8px' }} data-testid="hazard-title">{h.title}</Typography.Title>
        <Typography.Text type="secondary">{t('hazards.number', { id: h.id })}</Typography.Text>
      </Flex>
      <div style={{ marginBottom: 12 }}><HazardBadges hazard={h} withOverdue /></div>
      {h.accountabilityRequired && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('hazards.detail.accountabilityRequired')} />}
      {h.extensionRequest && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hazards.acts.extensionRequested', { date: h.extensionRequest.requestedDeadline ?? '—', current: h.deadline ?? '—' })} description={h.extensionRequest.reason} />
      )}
      <ActionBar hazard={h} drawId={params.get('draw') ?? undefined} />
      <FactsCard hazard={h} />
      {h.listing && <ListingCard hazard={h} />}
      {h.plan && <PlanCard plan={h.plan} />}
      {h.acceptance && <SignatureCard acceptance={h.acceptance} />}
      <AccountabilityCard hazard={h} />
      <Card size="small" title={t('hazards.detail.photos')} style={{ marginBottom: 12 }}>
        {h.files.length === 0 ? (
          <EmptyState description={t('hazards.detail.noPhotos')} />
        ) : (
          <Flex vertical gap={12}>
            {before.length > 0 && <div><Typography.Text type="secondary">{t('hazards.detail.before')}</Typography.Text><PhotoGallery files={before} testId="photos-before" /></div>}
            {after.length > 0 && <div><Typography.Text type="secondary">{t('hazards.detail.after')}</Typography.Text><PhotoGallery files={after} testId="photos-after" /></div>}
            {progress.length > 0 && <div><Typography.Text type="secondary">{t('hazards.detail.progress')}</Typography.Text><PhotoGallery files={progress} testId="photos-progress" /></div>}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('hazards.detail.timeline')}>
        <HazardTimeline events={h.timeline} />
      </Card>
    </div>
  );
}
