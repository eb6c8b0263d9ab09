import { Card, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { DeadlineText, HazardBadges, LevelTag } from './HazardBadges';
import type { HazardRow } from './hazards.api';
import { useHazardLabels } from './labels';
import { EnterpriseBlacklistTag } from '../cases/BlacklistTag';

export const hazardPath = (id: string) => `/hazards/${id}`;

function TitleLink({ hazard }: { hazard: HazardRow }) {
  return (
    <Link to={hazardPath(hazard.id)} data-testid="hazard-link" data-hazard-id={hazard.id} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 500 }}>
      {hazard.title}
    </Link>
  );
}

/** One hazard as a card: what a phone shows instead of a table row. */
export function HazardCard({ hazard, extra }: { hazard: HazardRow; extra?: ReactNode }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      onClick={() => void navigate(hazardPath(hazard.id))}
      data-testid="hazard-card"
      data-hazard-id={hazard.id}
      style={{ borderColor: hazard.overdue ? '#ffa39e' : undefined }}
    >
      <Flex justify="space-between" gap={8} align="flex-start">
        <TitleLink hazard={hazard} />
        <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>#{hazard.id}</Typography.Text>
      </Flex>
      <div style={{ margin: '6px 0' }}>
        <HazardBadges hazard={hazard} withOverdue />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
        {hazard.enterprise?.name ?? hazard.regionName}
        {hazard.enterprise && ` · ${hazard.regionName}`}
        <EnterpriseBlacklistTag enterpriseId={hazard.enterprise?.id} />
      </Typography.Text>
      <Flex justify="space-between" wrap gap={4} style={{ fontSize: 13, marginTop: 4 }}>
        <span>{t('hazards.foundOn')} {hazard.foundOn}</span>
        {hazard.deadline && (
          <Typography.Text type={hazard.overdue ? 'danger' : undefined}>
            {t('hazards.deadline')} {hazard.deadline}
          </Typography.Text>
        )}
      </Flex>
      {hazard.industryCode && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{labels.industry(hazard.industryCode)} · {labels.source(hazard.source)}</Typography.Text>}
      {extra}
    </Card>
  );
}

/** Hazards as a table on a desk and as cards on a phone; every row opens the hazard. */
export function HazardList({ rows, loading, empty }: { rows: HazardRow[]; loading?: boolean; empty: ReactNode }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const mobile = useIsMobile();
  const navigate = useNavigate();

  if (mobile) {
    return (
      <Spin spinning={!!loading}>
        <Flex vertical gap={8} style={{ minHeight: loading ? 120 : undefined }}>
          {rows.map((h) => <HazardCard key={h.id} hazard={h} />)}
          {rows.length === 0 && !loading && <Card size="small">{empty}</Card>}
        </Flex>
      </Spin>
    );
  }

  const columns: TableColumnsType<HazardRow> = [
    { key: 'id', title: t('hazards.id'), width: 72, render: (_, h) => <Typography.Text type="secondary">{h.id}</Typography.Text> },
    { key: 'title', title: t('hazards.title'), render: (_, h) => (
      <>
        <TitleLink hazard={h} />
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{h.enterprise?.name ?? '—'}<EnterpriseBlacklistTag enterpriseId={h.enterprise?.id} /></Typography.Text>
      </>
    ) },
    { key: 'level', title: t('hazards.level'), width: 120, render: (_, h) => <LevelTag level={h.level} /> },
    { key: 'status', title: t('hazards.status'), width: 130, render: (_, h) => <HazardBadges hazard={h} withLevel={false} /> },
    { key: 'region', title: t('hazards.region'), responsive: ['lg'], render: (_, h) => h.regionName },
    { key: 'industry', title: t('hazards.industry'), responsive: ['xl'], render: (_, h) => (h.industryCode ? labels.industry(h.industryCode) : '—') },
    { key: 'found', title: t('hazards.foundOn'), width: 110, responsive: ['md'], render: (_, h) => <span style={{ whiteSpace: 'nowrap' }}>{h.foundOn}</span> },
    { key: 'deadline', title: t('hazards.deadline'), width: 190, render: (_, h) => <DeadlineText hazard={h} /> },
    { key: 'unit', title: t('hazards.responsibleUnit'), responsive: ['xxl'], render: (_, h) => h.responsibleUnit ?? '—' },
  ];
  return (
    <Table<HazardRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText: empty }}
      onRow={(h) => ({ onClick: () => void navigate(hazardPath(h.id)), style: { cursor: 'pointer' }, 'data-testid': 'hazard-row', 'data-hazard-id': h.id } as HTMLAttributes<HTMLElement>)}
    />
  );
}
