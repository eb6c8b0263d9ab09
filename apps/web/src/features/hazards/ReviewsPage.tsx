import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { HazardBadges } from './HazardBadges';
import { useDraw, useDraws, useDrawSample, type DrawData } from './lists.api';

interface Values {
  regionCode?: string;
  mode: 'size' | 'percent';
  size?: number;
  percent?: number;
  seed?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function DrawResult({ draw }: { draw: DrawData }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Card size="small" title={t('hazardLists.reviews.result')} style={{ marginBottom: 12 }} data-testid="draw-result">
      <Descriptions
        size="small"
        column={mobile ? 1 : 3}
        items={[
          { key: 'seed', label: t('hazardLists.reviews.seed'), children: <Typography.Text code copyable data-testid="draw-seed">{draw.seed}</Typography.Text> },
          { key: 'population', label: t('hazardLists.reviews.population'), children: <span data-testid="draw-population">{draw.populationCount}</span> },
          { key: 'size', label: t('hazardLists.reviews.sampleSize'), children: draw.sample.length },
          { key: 'ok', label: t('hazardLists.reviews.reproducible'), children: draw.reproducible
            ? <Tag color="green" icon={<CheckCircleFilled />} data-testid="draw-reproducible">{t('hazardLists.reviews.reproducibleYes')}</Tag>
            : <Tag color="red" icon={<CloseCircleFilled />} data-testid="draw-reproducible">{t('hazardLists.reviews.reproducibleNo')}</Tag> },
          { key: 'algorithm', label: t('hazardLists.reviews.algorithm'), children: draw.algorithm },
          { key: 'at', label: t('hazardLists.reviews.drawnAt'), children: `${formatDateTime(draw.drawnAt)} · ${draw.drawnBy}` },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>{t('hazardLists.reviews.sample')}</Typography.Text>
      {draw.sample.length === 0 && <EmptyState description={t('hazardLists.reviews.sampleEmpty')} />}
      <Flex vertical gap={8}>
        {draw.sample.map((h) => (
          <Card key={h.id} size="small" data-testid="draw-sample-item">
            <Link to={`/hazards/${h.id}?draw=${draw.id}`}>#{h.id} {h.title}</Link>
            <Flex wrap gap={8} align="center" style={{ marginTop: 4 }}>
              <HazardBadges hazard={h} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.enterprise?.name ?? h.regionName} · {h.closedOn}</Typography.Text>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Card>
  );
}

/** 回头看: a seeded, recorded draw of closed hazards; each sampled hazard opens for re-review. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'size';
  const [shown, setShown] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const drawSample = useDrawSample();
  const draws = useDraws();
  const draw = useDraw(shown);

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const result = await drawSample.mutateAsync({
        regionCode: v.regionCode,
        ...(v.mode === 'size' ? { size: v.size } : { percent: v.percent }),
        seed: v.seed?.trim() || undefined,
        from: v.from?.format('YYYY-MM-DD'),
        to: v.to?.format('YYYY-MM-DD'),
      });
      setShown(result.id);
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('hazardLists.reviews.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hazardLists.reviews.subtitle')}</Typography.Paragraph>
      <Card size="small" title={t('hazardLists.reviews.drawTitle')} style={{ marginBottom: 12 }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form<Values> form={form} name="reviewDraw" layout="vertical" initialValues={{ mode: 'size', size: 10, percent: 10, regionCode: me.org.regionCode }} onFinish={(v) => void submit(v)}>
          <Flex wrap gap={16}>
            <Form.Item name="regionCode" label={t('hazardLists.reviews.region')} style={{ minWidth: 220 }}>
              <RegionPicker />
            </Form.Item>
            <Form.Item name="mode" label={t('hazardLists.reviews.mode')}>
              <Radio.Group optionType="button" options={[{ value: 'size', label: t('hazardLists.reviews.bySize') }, { value: 'percent', label: t('hazardLists.reviews.byPercent') }]} />
            </Form.Item>
            {mode === 'size' ? (
              <Form.Item name="size" label={t('hazardLists.reviews.size')} rules={[{ required: true, message: t('common.required', { field: t('hazardLists.reviews.size') }) }]}>
                <InputNumber min={1} max={10000} precision={0} style={{ width: 120 }} />
              </Form.Item>
            ) : (
              <Form.Item name="percent" label={t('hazardLists.reviews.percent')} rules={[{ required: true, message: t('common.required', { field: t('hazardLists.reviews.percent') }) }]}>
                <InputNumber min={0.1} max={100} style={{ width: 120 }} />
              </Form.Item>
            )}
            <Form.Item name="seed" label={t('hazardLists.reviews.seed')} extra={t('hazardLists.reviews.seedHint')} style={{ minWidth: 220 }}>
              <Input maxLength={100} allowClear />
            </Form.Item>
            <Form.Item name="from" label={t('hazardLists.reviews.closedFrom')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="to" label={t('hazardLists.reviews.closedTo')}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={drawSample.isPending} data-testid="draw-submit">{t('hazardLists.reviews.draw')}</Button>
        </Form>
      </Card>
      {shown && (draw.isPending ? <LoadingState /> : draw.isError ? <ErrorState error={draw.error} onRetry={() => void draw.refetch()} /> : <DrawResult draw={draw.data} />)}
      <Card size="small" title={t('hazardLists.reviews.past')} styles={{ body: { padding: 0 } }}>
        {draws.isError ? (
          <ErrorState error={draws.error} onRetry={() => void draws.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={draws.isPending}
            dataSource={draws.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState description={t('hazardLists.reviews.pastEmpty')} /> }}
            columns={[
              { key: 'at', title: t('hazardLists.reviews.drawnAt'), render: (_, d) => formatDateTime(d.drawnAt) },
              { key: 'by', title: t('hazardLists.reviews.drawnBy'), render: (_, d) => d.drawnBy },
              { key: 'rule', title: t('hazardLists.reviews.mode'), render: (_, d) => (d.size !== null ? `${t('hazardLists.reviews.bySize')} ${d.size}` : `${t('hazardLists.reviews.byPercent')} ${d.percent}%`) },
              { key: 'population', title: t('hazardLists.reviews.population'), render: (_, d) => d.populationCount },
              { key: 'period', title: t('hazardLists.reviews.period'), render: (_, d) => (d.from || d.to ? `${d.from ?? '…'} – ${d.to ?? '…'}` : '—') },
              { key: 'seed', title: t('hazardLists.reviews.seed'), render: (_, d) => <Typography.Text code>{d.seed}</Typography.Text> },
              { key: 'view', title: '', render: (_, d) => <Button type="link" size="small" onClick={() => setShown(d.id)}>{t('hazardLists.reviews.view')}</Button> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
