import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateFilled } from '@ant-design/icons';
import { verifyDraw, type PublishedDraw, type Verification } from '@anjian/domain';
import { Alert, Button, Card, Collapse, Flex, Layout, Result, Table, Tag, Typography } from 'antd';
import i18n from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch';
import { LANGUAGES } from '../../shared/i18n/define';
import { formatDateTime } from '../../shared/ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { usePublicDraw, usePublicDraws, type DrawData } from './draws.api';
import { drawsMessages } from './draws.messages';
import { DrawInputs, DrawResult } from './DrawView';

// Outside the signed-in app, which loads every module's strings: this page brings its own.
for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', { draws: drawsMessages[language] }, true, true);

function Verify({ draw }: { draw: DrawData }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<Verification | null>(null);
  const url = `${window.location.origin}/api/public/draws/${draw.id}`;
  return (
    <Card size="small" title={t('draws.public.verify')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph>{t('draws.public.howTo')}</Typography.Paragraph>
      <Typography.Paragraph><Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{`node scripts/verify-draw.mjs ${url}`}</Typography.Text></Typography.Paragraph>
      <Button type="primary" onClick={() => setResult(verifyDraw(draw as unknown as PublishedDraw))} data-testid="verify-button">{t('draws.public.verify')}</Button>
      {result && (
        <Alert style={{ marginTop: 12 }} type={result.ok ? 'success' : 'error'} showIcon icon={result.ok ? <CheckCircleFilled /> : <CloseCircleFilled />} data-testid="verify-result"
          title={result.ok ? t('draws.public.verified') : t('draws.public.notVerified')}
          description={<Flex wrap gap={4}>{result.checks.map((c) => <Tag key={c.name} color={c.ok ? 'green' : 'red'}>{c.name}</Tag>)}</Flex>} />
      )}
    </Card>
  );
}

function Lists({ draw }: { draw: DrawData }) {
  const { t } = useTranslation();
  return (
    <Collapse size="small" style={{ marginBottom: 12 }} items={[
      { key: 'register', label: t('draws.public.registerList', { count: draw.register.length }), children: (
        <Table rowKey="id" size="small" pagination={{ pageSize: 20, size: 'small' }} dataSource={draw.register} scroll={{ x: 560 }} columns={[
          { title: t('draws.result.enterprise'), dataIndex: 'name' },
          { title: t('draws.result.stratum'), dataIndex: 'stratum', width: 100, render: (s: 'key' | 'other') => t(`draws.stratum.${s}`) },
          { title: 'weight', dataIndex: 'weight', width: 70 },
          { title: 'id', dataIndex: 'id', render: (v: string) => <Typography.Text style={{ fontSize: 11 }} type="secondary">{v}</Typography.Text> },
        ]} />
      ) },
      { key: 'pool', label: t('draws.public.poolList', { count: draw.pool.length }), children: (
        <Table rowKey="id" size="small" pagination={false} dataSource={draw.pool} scroll={{ x: 560 }} columns={[
          { title: t('draws.pool.name'), dataIndex: 'name' },
          { title: t('draws.pool.avoidances'), dataIndex: 'avoid', render: (v: string[]) => v.length },
          { title: 'id', dataIndex: 'id', render: (v: string) => <Typography.Text style={{ fontSize: 11 }} type="secondary">{v}</Typography.Text> },
        ]} />
      ) },
    ]} />
  );
}

function DrawPage() {
  const { t } = useTranslation();
  const { region, id } = useParams();
  const draw = usePublicDraw(id);
  if (draw.isPending) return <LoadingState />;
  if (draw.isError) return <ErrorState error={draw.error} />;
  const d = draw.data;
  return (
    <>
      <Link to={`/public/draws/${region}`}>← {t('draws.public.back')}</Link>
      <Typography.Title level={4} style={{ marginTop: 8 }}>{d.orgName} · {d.planName}</Typography.Title>
      <Tag color={d.status === 'drawn' ? 'green' : 'gold'} style={{ marginBottom: 12 }}>{t(`draws.status.${d.status}`)}</Tag>
      <DrawInputs draw={d} />
      {d.status === 'drawn' && <DrawResult draw={d} />}
      {d.status === 'drawn' && <Verify draw={d} />}
      <Lists draw={d} />
    </>
  );
}

function ListPage() {
  const { t } = useTranslation();
  const { region } = useParams();
  const draws = usePublicDraws(region);
  if (draws.isPending) return <LoadingState />;
  if (draws.isError) return <ErrorState error={draws.error} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('draws.public.subtitle', { region: draws.data.regionName })}</Typography.Paragraph>
      {draws.data.items.length === 0 ? <EmptyState description={t('draws.public.empty')} /> : (
        <Flex vertical gap={8}>
          {draws.data.items.map((d) => (
            <Card key={d.id} size="small" data-testid="public-draw">
              <Flex justify="space-between" wrap gap={8}>
                <Link to={`/public/draws/${region}/${d.id}`}><Typography.Text strong>{d.orgName} · {d.planName}</Typography.Text></Link>
                <Tag color={d.status === 'drawn' ? 'green' : 'gold'}>{t(`draws.status.${d.status}`)}</Tag>
              </Flex>
              <div style={{ fontSize: 13, marginTop: 4 }}>{t('draws.draws.period')}：{d.periodFrom} ～ {d.periodTo} · {t('draws.draws.quota')}：{d.quota.key + d.quota.other} / {d.registerCount}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('draws.draws.drawnAt')}：{d.drawnAt ? formatDateTime(d.drawnAt) : '—'}</Typography.Text>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}

/** 一公开: the published draws of a region, for anyone, without signing in (/public/draws/:region). */
export default function PublicDrawsPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#0b3d91', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: mobile ? 12 : 24 }}>
        <Flex align="center" gap={8} style={{ color: '#fff', fontSize: mobile ? 15 : 18, fontWeight: 600 }}>
          <SafetyCertificateFilled />{t('draws.public.title')}
        </Flex>
        <LanguageSwitch compact={mobile} />
      </Layout.Header>
      <Layout.Content style={{ padding: mobile ? 12 : 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Routes>
          <Route path=":region" element={<ListPage />} />
          <Route path=":region/:id" element={<DrawPage />} />
          <Route path="*" element={<Result status="404" title={t('draws.public.notFound')} />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
