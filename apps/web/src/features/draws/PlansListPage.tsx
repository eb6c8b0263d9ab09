import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { ENTERPRISE_SCALES } from '@anjian/domain';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLabels } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { useCreatePlan, usePlans, type PlanData } from './draws.api';

interface Values { name: string; year: number; scales: string[]; majorHazardMonths: number; keyTimesPerYear: number; othersPercent: number; roundsPerYear: number; teamSize: number }

export function targetText(t: TFunction, plan: Pick<PlanData, 'keyTimesPerYear' | 'othersPercent' | 'roundsPerYear'>): string {
  return t('draws.plan.targetText', { times: String(plan.keyTimesPerYear), percent: String(plan.othersPercent), rounds: String(plan.roundsPerYear) });
}

function NewPlan({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      const plan = await create.mutateAsync({ name: v.name, year: v.year, keyRule: { scales: v.scales as never, majorHazardMonths: v.majorHazardMonths }, keyTimesPerYear: v.keyTimesPerYear, othersPercent: v.othersPercent, roundsPerYear: v.roundsPerYear, teamSize: v.teamSize });
      onClose();
      void navigate(`/inspection-plans/${plan.id}`);
    } catch (e) {
      setError(placeServerErrors(form, e));
    }
  };
  const year = new Date().getFullYear();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Modal open={open} title={t('draws.newPlan')} onCancel={onClose} onOk={() => form.submit()} okText={t('draws.plan.create')} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Form<Values> form={form} layout="vertical" name="newPlan" onFinish={(v) => void submit(v)}
        initialValues={{ name: `${year}年度“双随机、一公开”监管执法检查计划`, year, scales: ['large'], majorHazardMonths: 12, keyTimesPerYear: 2, othersPercent: 10, roundsPerYear: 4, teamSize: 2 }}>
        <Form.Item name="name" label={t('draws.plan.name')} rules={required(t('draws.plan.name'))}><Input maxLength={100} /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="year" label={t('draws.plan.year')} rules={required(t('draws.plan.year'))}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
          <Form.Item name="teamSize" label={t('draws.plan.teamSize')}><InputNumber min={2} max={5} precision={0} /></Form.Item>
          <Form.Item name="roundsPerYear" label={t('draws.plan.roundsPerYear')}><InputNumber min={1} max={12} precision={0} /></Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('draws.plan.keyRuleHint')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          <Form.Item name="scales" label={t('draws.plan.scales')} style={{ minWidth: 200 }}>
            <Select mode="multiple" options={ENTERPRISE_SCALES.map((s) => ({ value: s, label: t(`draws.scale.${s}`) }))} />
          </Form.Item>
          <Form.Item name="majorHazardMonths" label={t('draws.plan.majorHazardMonths')}><InputNumber min={0} max={60} precision={0} /></Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="keyTimesPerYear" label={t('draws.plan.keyTimesPerYear')}><InputNumber min={0} max={12} precision={0} /></Form.Item>
          <Form.Item name="othersPercent" label={t('draws.plan.othersPercent')}><InputNumber min={0} max={100} /></Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

export function PlansListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const plans = usePlans();
  const labels = useLabels();
  const [creating, setCreating] = useState(false);
  const mayManage = hasPermission(me, 'inspection_plan.manage') && (me.org.type === 'department' || me.org.type === 'safety_committee_office');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('draws.title')}</Typography.Title>
        <Flex gap={8}>
          <Link to={`/public/draws/${me.org.regionCode}`} target="_blank">{t('draws.publicPage')}</Link>
          {mayManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('draws.newPlan')}</Button>}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('draws.subtitle')}</Typography.Paragraph>
      {plans.isPending ? <LoadingState /> : plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : plans.data.items.length === 0 ? <EmptyState description={t('draws.empty')} /> : mobile ? (
        <Flex vertical gap={8}>
          {plans.data.items.map((p) => (
            <Card key={p.id} size="small" title={<Link to={`/inspection-plans/${p.id}`}>{p.name}</Link>}>
              <div>{p.orgName} · {p.regionName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{targetText(t, p)}</Typography.Text>
            </Card>
          ))}
        </Flex>
      ) : (
        <Card size="small">
          <Table<PlanData> rowKey="id" size="small" pagination={false} dataSource={plans.data.items} columns={[
            { title: t('draws.plan.name'), dataIndex: 'name', render: (v: string, p) => <Link to={`/inspection-plans/${p.id}`}>{v}</Link> },
            { title: t('draws.plan.year'), dataIndex: 'year', width: 80 },
            { title: t('draws.plan.org'), dataIndex: 'orgName' },
            { title: t('draws.plan.region'), dataIndex: 'regionName', width: 120 },
            { title: t('draws.plan.industries'), dataIndex: 'industries', render: (v: string[] | null) => (v ? v.map((i) => <Tag key={i}>{labels.industry(i)}</Tag>) : t('draws.plan.allIndustries')) },
            { title: t('draws.plan.target'), key: 'target', render: (_, p) => targetText(t, p) },
          ]} />
        </Card>
      )}
      <NewPlan open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
