import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Popconfirm, Steps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorText } from '../../shared/api/client';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useDraw, useFixDraw, usePlan, useRevealDraw, type PlanDetailData } from './draws.api';
import { DrawInputs, DrawResult } from './DrawView';
import { PairAction } from './PairAction';

interface FixValues { periodFrom: Dayjs; periodTo: Dayjs; key: number; other: number }

/** The current quarter of the plan's year (or its first quarter for a plan of another year). */
function defaultPeriod(year: number): [Dayjs, Dayjs] {
  const now = dayjs();
  const start = now.year() === year ? now.startOf('month').month(Math.floor(now.month() / 3) * 3) : dayjs(`${year}-01-01`);
  return [start, start.add(2, 'month').endOf('month')];
}

function FixStep({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FixValues>();
  const fix = useFixDraw(plan.id);
  const [error, setError] = useState<string | null>(null);
  const [from, to] = defaultPeriod(plan.year);
  const submit = async (v: FixValues) => {
    setError(null);
    try {
      const draw = await fix.mutateAsync({ periodFrom: v.periodFrom.format('YYYY-MM-DD'), periodTo: v.periodTo.format('YYYY-MM-DD'), quota: { key: v.key, other: v.other } });
      void navigate(`/inspection-plans/${plan.id}/draws/${draw.id}`, { replace: true });
    } catch (e) {
      setError(placeServerErrors(form, e));
    }
  };
  return (
    <Card size="small" title={t('draws.wizard.step1')}>
      <Typography.Paragraph type="secondary">{t('draws.wizard.step1Hint')}</Typography.Paragraph>
      <Typography.Paragraph>{t('draws.plan.preview', { keys: String(plan.preview.key), others: String(plan.preview.other), qk: String(plan.preview.quota.key), qo: String(plan.preview.quota.other) })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="fix-error" />}
      <Form<FixValues> form={form} name="fixDraw" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ periodFrom: from, periodTo: to, key: plan.preview.quota.key, other: plan.preview.quota.other }}>
        <Flex wrap gap={12}>
          <Form.Item name="periodFrom" label={t('draws.wizard.periodFrom')} rules={[{ required: true, message: t('common.required', { field: t('draws.wizard.periodFrom') }) }]}><DatePicker /></Form.Item>
          <Form.Item name="periodTo" label={t('draws.wizard.periodTo')} rules={[{ required: true, message: t('common.required', { field: t('draws.wizard.periodTo') }) }]}><DatePicker /></Form.Item>
          <Form.Item name="key" label={t('draws.wizard.quotaKey')} extra={t('draws.wizard.quotaHint')}><InputNumber min={0} max={plan.preview.key} precision={0} /></Form.Item>
          <Form.Item name="other" label={t('draws.wizard.quotaOther')}><InputNumber min={0} max={plan.preview.other} precision={0} /></Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={fix.isPending}>{t('draws.wizard.fix')}</Button>
      </Form>
    </Card>
  );
}

/** The draw wizard: fix the inputs → reveal the seed and draw → the published result. */
export function DrawWizardPage() {
  const { t } = useTranslation();
  const { id, drawId } = useParams();
  const plan = usePlan(id);
  const draw = useDraw(drawId);
  const reveal = useRevealDraw();
  if (plan.isPending || (drawId && draw.isPending)) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} />;
  if (draw.isError) return <ErrorState error={draw.error} />;
  const current = !draw.data ? 0 : draw.data.status === 'committed' ? 1 : 2;
  return (
    <>
      <Link to={`/inspection-plans/${plan.data.id}`}><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('draws.wizard.back')}</Button></Link>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('draws.wizard.title')} · {plan.data.name}</Typography.Title>
      <Steps current={current} size="small" style={{ marginBottom: 16 }} items={[{ title: t('draws.wizard.step1') }, { title: t('draws.wizard.step2') }, { title: t('draws.wizard.step3') }]} />
      {!draw.data && <FixStep plan={plan.data} />}
      {draw.data && <DrawInputs draw={draw.data} />}
      {draw.data?.status === 'committed' && (
        <Card size="small" title={t('draws.wizard.step2')}>
          <Typography.Paragraph type="secondary">{t('draws.wizard.step2Hint')}</Typography.Paragraph>
          {reveal.isError && <Alert type="error" showIcon title={errorText(reveal.error)} style={{ marginBottom: 12 }} />}
          <Popconfirm title={t('draws.wizard.drawConfirm')} onConfirm={() => reveal.mutate(draw.data!.id)}>
            <Button type="primary" loading={reveal.isPending}>{t('draws.wizard.draw')}</Button>
          </Popconfirm>
        </Card>
      )}
      {draw.data?.status === 'drawn' && (
        <>
          <DrawResult draw={draw.data} action={(pair) => <PairAction drawId={draw.data!.id} pair={pair} />} />
          <Link to={`/public/draws/${draw.data.regionCode}/${draw.data.id}`} target="_blank">{t('draws.wizard.viewPublic')}</Link>
        </>
      )}
    </>
  );
}
