import { HAZARD_STATUSES } from '@anjian/domain';
import { Button, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { HazardCard } from '../hazards/HazardList';
import { useLedger, type LedgerFilters } from '../hazards/hazards.api';
import { useHazardLabels } from '../hazards/labels';

/**
 * 我的上报: what this account reported, newest first, with each one's state — the server's
 * ledger narrowed to reportedByMe (inside the account's scope as always); a chip per status.
 */
export function MyReports() {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const [filters, setFilters] = useState<LedgerFilters>({ reportedByMe: 'true' });
  const ledger = useLedger(filters);
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = ledger.data?.pages[0]?.counts;
  // Only the states this account's reports are in: a phone has no room for empty chips.
  const chip = (key: string, label: string, count: number, active: boolean, status: string | undefined) => (
    <Button key={key} size="small" shape="round" type={active ? 'primary' : 'default'} aria-pressed={active} data-testid={`my-status-${key}`} onClick={() => setFilters((f) => ({ ...f, status: active ? undefined : status }))}>
      {label} {count}
    </Button>
  );

  return (
    <section data-testid="my-reports" style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('home.mine')}</Typography.Title>
      {ledger.isPending && <LoadingState />}
      {ledger.isError && <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />}
      {counts && counts.total > 0 && (
        <Flex wrap gap={8} role="group" aria-label={t('home.byStatus')} style={{ marginBottom: 12 }}>
          {chip('all', t('common.all'), counts.total, !filters.status, undefined)}
          {HAZARD_STATUSES.filter((s) => (counts.byStatus[s] ?? 0) > 0).map((s) => chip(s, labels.status(s), counts.byStatus[s] ?? 0, filters.status === s, s))}
        </Flex>
      )}
      {ledger.isSuccess && rows.length === 0 && <EmptyState description={t('home.mineEmpty')} />}
      <Row gutter={[8, 8]}>
        {rows.map((h) => (
          <Col key={h.id} xs={24} md={12} xl={8}><HazardCard hazard={h} /></Col>
        ))}
      </Row>
      {ledger.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>{t('common.loadMore')}</Button>
        </Flex>
      )}
    </section>
  );
}
