import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLabels } from '../../shared/api/reference';
import { useLanguage } from '../../shared/i18n';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { usePlan, type PlanDetailData } from './draws.api';
import { targetText } from './PlansListPage';
import { PoolSection } from './PoolSection';

type Draw = PlanDetailData['draws'][number];

export function PlanDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const labels = useLabels();
  const { language } = useLanguage();
  const plan = usePlan(id);
  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const owner = p.orgId === me.org.id;
  const pending = p.draws.find((d) => d.status === 'committed');
  const scales = p.keyRule.scales.map((s) => t(`draws.scale.${s}`)).join(language === 'en-US' ? ', ' : '、');
  return (
    <>
      <Link to="/inspection-plans"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('draws.title')}</Button></Link>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{p.name}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={mobile ? 1 : 2} items={[
          { key: 'org', label: t('draws.plan.org'), children: p.orgName },
          { key: 'region', label: t('draws.plan.region'), children: p.regionName },
          { key: 'industries', label: t('draws.plan.industries'), children: p.industries ? <Flex wrap gap={4}>{p.industries.map((i) => <Tag key={i}>{labels.industry(i)}</Tag>)}</Flex> : t('draws.plan.allIndustries') },
          { key: 'keyRule', label: t('draws.plan.keyRule'), children: p.keyRule.majorHazardMonths ? t('draws.plan.keyRuleText', { scales: scales || '—', months: String(p.keyRule.majorHazardMonths) }) : t('draws.plan.keyRuleScalesOnly', { scales: scales || '—' }) },
          { key: 'target', label: t('draws.plan.target'), children: targetText(t, p) },
          { key: 'team', label: t('draws.plan.teamSize'), children: p.teamSize },
          { key: 'preview', label: '', children: <Typography.Text type="secondary" data-testid="plan-preview">{t('draws.plan.preview', { keys: String(p.preview.key), others: String(p.preview.other), qk: String(p.preview.quota.key), qo: String(p.preview.quota.other) })}</Typography.Text> },
        ]} />
      </Card>
      <PoolSection plan={p} mayManage={owner && hasPermission(me, 'inspection_plan.manage')} />
      <Card size="small" title={t('draws.draws.title')}
        extra={owner && hasPermission(me, 'draw.conduct') ? <Link to={pending ? `/inspection-plans/${p.id}/draws/${pending.id}` : `/inspection-plans/${p.id}/draws/new`}><Button type="primary" size="small">{pending ? t('draws.wizard.draw') : t('draws.draws.start')}</Button></Link> : null}>
        {p.draws.length === 0 ? <EmptyState description={t('draws.draws.empty')} /> : (
          <Table<Draw> rowKey="id" size="small" pagination={false} dataSource={p.draws} scroll={mobile ? { x: 600 } : undefined} columns={[
            { title: t('draws.draws.period'), key: 'period', render: (_, d) => <Link to={`/inspection-plans/${p.id}/draws/${d.id}`}>{d.periodFrom} ～ {d.periodTo}</Link> },
            { title: t('draws.draws.register'), dataIndex: 'registerCount', width: 90 },
            { title: t('draws.draws.pool'), dataIndex: 'poolCount', width: 70 },
            { title: t('draws.draws.quota'), key: 'quota', render: (_, d) => `${d.quota.key} + ${d.quota.other}` },
            { title: '', dataIndex: 'status', render: (s: Draw['status']) => <Tag color={s === 'drawn' ? 'green' : 'gold'}>{t(`draws.status.${s}`)}</Tag> },
            { title: t('draws.draws.fixedAt'), dataIndex: 'fixedAt', render: (v: string) => formatDateTime(v) },
          ]} />
        )}
      </Card>
    </>
  );
}
