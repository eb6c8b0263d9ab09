import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { EnterpriseBlacklistTag } from '../cases/BlacklistTag';
import type { DrawData } from './draws.api';

const Hash = ({ value, testId }: { value: string; testId?: string }) => (
  <Typography.Text code copyable={{ text: value }} style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={testId}>{value}</Typography.Text>
);

/** What step 1 fixed and published (and, once drawn, the revealed seed): shared by the wizard and the public page. */
export function DrawInputs({ draw }: { draw: DrawData }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Card size="small" title={t('draws.inputs.title')} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={mobile ? 1 : 2} items={[
        { key: 'period', label: t('draws.draws.period'), children: `${draw.periodFrom} ～ ${draw.periodTo}` },
        { key: 'status', label: t('draws.draws.quota'), children: <span data-testid="draw-quota">{t('draws.stratum.key')} {draw.quota.key} · {t('draws.stratum.other')} {draw.quota.other}</span> },
        { key: 'registerCount', label: t('draws.inputs.registerCount'), children: draw.registerCount },
        { key: 'poolCount', label: t('draws.inputs.poolCount'), children: draw.poolCount },
        { key: 'registerHash', label: t('draws.inputs.registerHash'), children: <Hash value={draw.registerHash} /> },
        { key: 'poolHash', label: t('draws.inputs.poolHash'), children: <Hash value={draw.poolHash} /> },
        { key: 'commitment', label: t('draws.inputs.commitment'), children: <Hash value={draw.commitment} testId="draw-commitment" /> },
        { key: 'seed', label: t('draws.inputs.seed'), children: draw.seed ? <Hash value={draw.seed} testId="draw-seed" /> : <Typography.Text type="secondary">{t('draws.inputs.seedHidden')}</Typography.Text> },
        { key: 'inputsHash', label: t('draws.inputs.inputsHash'), children: <Hash value={draw.inputsHash} /> },
        ...(draw.resultHash ? [{ key: 'resultHash', label: t('draws.inputs.resultHash'), children: <Hash value={draw.resultHash} /> }] : []),
        { key: 'algorithm', label: t('draws.inputs.algorithm'), children: <Typography.Text style={{ fontSize: 12 }}>{draw.algorithm}</Typography.Text> },
        { key: 'fixedAt', label: t('draws.draws.fixedAt'), children: formatDateTime(draw.fixedAt) },
        ...(draw.drawnAt ? [{ key: 'drawnAt', label: t('draws.draws.drawnAt'), children: formatDateTime(draw.drawnAt) }] : []),
      ]} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="draw-weight-rule">{t('draws.inputs.weightRule', { n: String(draw.register.filter((e) => e.weight > 1).length) })}</Typography.Paragraph>
    </Card>
  );
}

type Pair = DrawData['pairs'][number];

function Outcome({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  if (!pair.inspectedOn) return <Tag>{pair.inspectionId ? t('draws.result.inspecting') : t('draws.result.pending')}</Tag>;
  return <Tag color={pair.closed ? 'green' : 'orange'}>{pair.closed ? t('draws.result.yes') : t('draws.result.no')}</Tag>;
}

/**
 * Each drawn enterprise with its team, and what the inspection later found (filled when it
 * lands). `action`: what a signed-in user may do with a pair (the public page passes none).
 */
export function DrawResult({ draw, action }: { draw: DrawData; action?: (pair: Pair) => ReactNode }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const stratum = (s: Pair['stratum']) => <Tag color={s === 'key' ? 'red' : 'blue'}>{t(`draws.stratum.${s}`)}</Tag>;
  return (
    <Card size="small" title={`${t('draws.result.title')}（${draw.pairs.length}）`} style={{ marginBottom: 12 }} data-testid="draw-result">
      {mobile ? (
        <Flex vertical gap={8}>
          {draw.pairs.map((p) => (
            <Card key={p.id} size="small" data-testid="draw-pair">
              <Flex justify="space-between" gap={8}><Typography.Text strong>{p.position}. {p.enterpriseName}<EnterpriseBlacklistTag enterpriseId={p.enterpriseId} /></Typography.Text>{stratum(p.stratum)}</Flex>
              <div style={{ fontSize: 13 }}>{p.regionName}</div>
              <div style={{ fontSize: 13 }}>{t('draws.result.team')}：{p.inspectors.join('、')}</div>
              <Flex gap={8} align="center" style={{ marginTop: 4 }}><Outcome pair={p} />{p.inspectedOn && <span>{p.inspectedOn}</span>}</Flex>
              {p.findings && <div style={{ fontSize: 13 }}>{t('draws.result.findings')}：{p.findings}</div>}
              {p.measures && <div style={{ fontSize: 13 }}>{t('draws.result.measures')}：{p.measures}</div>}
              {action && <div style={{ marginTop: 6 }}>{action(p)}</div>}
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<Pair> rowKey="id" size="small" pagination={false} dataSource={draw.pairs} onRow={() => ({ 'data-testid': 'draw-pair' }) as never} columns={[
          { title: t('draws.result.position'), dataIndex: 'position', width: 60 },
          { title: t('draws.result.enterprise'), dataIndex: 'enterpriseName', render: (v: string, p) => <>{v}<EnterpriseBlacklistTag enterpriseId={p.enterpriseId} /></> },
          { title: t('draws.result.region'), dataIndex: 'regionName', width: 140 },
          { title: t('draws.result.stratum'), dataIndex: 'stratum', width: 100, render: stratum },
          { title: t('draws.result.team'), dataIndex: 'inspectors', render: (v: string[]) => v.join('、') },
          { title: t('draws.result.date'), dataIndex: 'inspectedOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('draws.result.findings'), dataIndex: 'findings', render: (v: string | null) => v ?? '—' },
          { title: t('draws.result.measures'), dataIndex: 'measures', render: (v: string | null) => v ?? '—' },
          { title: t('draws.result.closed'), key: 'closed', width: 90, render: (_, p) => <Outcome pair={p} /> },
          ...(action ? [{ title: '', key: 'action', width: 110, render: (_: unknown, p: Pair) => action(p) }] : []),
        ]} />
      )}
    </Card>
  );
}
