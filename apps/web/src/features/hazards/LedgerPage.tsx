import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { EmptyState, ErrorState, LoadMore } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { HazardList } from './HazardList';
import { useLedger, type LedgerFilters as Filters } from './hazards.api';
import { LedgerFilters } from './LedgerFilters';
import { StatusChips } from './StatusChips';

const FILTER_KEYS = ['regionCode', 'enterpriseId', 'industry', 'level', 'status', 'source', 'overdue', 'acceptanceOverdue', 'listed', 'from', 'to', 'q'] as const;

/** 隐患台账. The filters live in the address, so going back from a hazard keeps them. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const ledger = useLedger(filters);
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = ledger.data?.pages[0]?.counts;
  const canReport = hasPermission(me, 'hazard.report');

  const update = (patch: Filters) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('hazards.ledger.title')}</Typography.Title>
        {canReport && (
          <Button type="primary" icon={<PlusOutlined />} size={mobile ? 'large' : 'middle'} onClick={() => void navigate('/hazards/new')} data-testid="report-hazard">
            {t('hazards.report.button')}
          </Button>
        )}
      </Flex>
      <StatusChips counts={counts} filters={filters} onChange={update} />
      <LedgerFilters filters={filters} onChange={update} />
      {ledger.isError ? (
        <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }} variant={mobile ? 'borderless' : 'outlined'} style={mobile ? { background: 'transparent', boxShadow: 'none' } : undefined}>
          <HazardList
            rows={rows}
            loading={ledger.isPending || (ledger.isPlaceholderData && ledger.isFetching)}
            empty={<EmptyState description={canReport ? t('hazards.ledger.empty') : t('hazards.ledger.emptyReadOnly')} />}
          />
          <LoadMore count={rows.length} hasMore={!!ledger.hasNextPage} loading={ledger.isFetchingNextPage} onLoad={() => void ledger.fetchNextPage()} />
        </Card>
      )}
    </>
  );
}
