import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { AccountabilitySection } from './AccountabilitySection';
import { useAccident, type GradeData } from './accidents.api';
import { ClockList } from './ClockList';
import { EscalationSection } from './EscalationSection';
import { FiguresView, GradeSummary, GradeTag } from './GradeSummary';
import { InvestigationSection } from './InvestigationSection';
import { categoryLabel, criterionLabel } from './labels';
import { SupplementSection } from './SupplementSection';

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children}
    </Card>
  );
}

/** One accident: what happened, its grade and why, the legal clocks, and the follow-up. */
export default function AccidentDetailPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { createdGrade?: GradeData } | null)?.createdGrade;
  const query = useAccident(id);
  const a = query.data;

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!a) return <LoadingState />;

  const figuresChanged = a.initialFigures.deathsIncludingMissing !== a.figures.deathsIncludingMissing
    || a.initialFigures.seriousInjuries !== a.figures.seriousInjuries
    || a.initialFigures.directLossYuan !== a.figures.directLossYuan
    || a.initialFigures.minorInjuries !== a.figures.minorInjuries;

  return (
    <Flex vertical gap={16} data-testid="accident-detail" data-grade={a.grade.code}>
      <Flex align="center" gap={8} wrap>
        <Link to="/accidents"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('accidents.list.title')} /></Link>
        <Typography.Title level={4} style={{ margin: 0 }}>{a.place}</Typography.Title>
        <GradeTag grade={a.grade} />
      </Flex>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          data-testid="created-alert"
          data-grade={created.code}
          title={t('accidents.report.created', { grade: pick(created.label) })}
          description={created.code === 'ordinary'
            ? t('accidents.grade.ordinaryShort')
            : t('accidents.grade.decidedByShort', { criteria: created.decidedBy.map((c) => criterionLabel(pick, c)).join(t('accidents.grade.separator')) })}
        />
      )}
      <Section title={t('accidents.detail.basics')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'at', label: t('accidents.fields.occurredAt'), children: formatDateTime(a.occurredAt).slice(0, 16) },
            { key: 'region', label: t('accidents.fields.region'), children: a.region.name },
            { key: 'place', label: t('accidents.fields.place'), children: a.place },
            { key: 'ent', label: t('accidents.fields.enterprise'), children: a.enterprise?.name ?? '—' },
            { key: 'ind', label: t('accidents.fields.industry'), children: a.industry?.name ?? '—' },
            { key: 'cat', label: t('accidents.fields.category'), children: categoryLabel(pick, a.category.code) },
            { key: 'rep', label: t('accidents.fields.reportedAt'), children: formatDateTime(a.reportedAt).slice(0, 16) },
            { key: 'by', label: t('accidents.detail.reportedBy'), children: `${a.reportedBy.name} · ${a.reporterOrg.name}` },
            { key: 'sum', label: t('accidents.fields.summary'), children: a.summary, span: 'filled' },
            ...(a.cause ? [{ key: 'cause', label: t('accidents.fields.cause'), children: a.cause, span: 'filled' as const }] : []),
          ]}
        />
      </Section>
      <Section title={t('accidents.detail.grade')} testId="section-grade">
        <Flex vertical gap={12}>
          <GradeSummary grade={a.grade} initialGrade={a.initialGrade} />
          <FiguresView figures={a.figures} />
          {figuresChanged && (
            <div>
              <Typography.Text type="secondary">{t('accidents.detail.initialFigures')}</Typography.Text>
              <FiguresView figures={a.initialFigures} />
            </div>
          )}
        </Flex>
      </Section>
      <Section title={t('accidents.detail.clocks')} testId="section-clocks">
        <ClockList accident={a} />
      </Section>
      <Section title={t('accidents.detail.supplements')} testId="section-supplements">
        <SupplementSection accident={a} />
      </Section>
      <Section title={t('accidents.detail.escalations')} testId="section-escalations">
        <EscalationSection accident={a} />
      </Section>
      <Section title={t('accidents.detail.investigation')} testId="section-investigation">
        <InvestigationSection accident={a} />
      </Section>
      <Section title={t('accidents.detail.accountability')} testId="section-accountability">
        <AccountabilitySection accident={a} />
      </Section>
    </Flex>
  );
}
