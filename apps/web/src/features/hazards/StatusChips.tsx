import { HAZARD_STATUSES } from '@anjian/domain';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerFilters } from './hazards.api';
import { useHazardLabels } from './labels';

interface Counts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
  acceptanceOverdue: number;
  listed: number;
}

/**
 * The counts per status on top of the ledger, each a filter: one tap narrows the list to
 * that status (again: back to all). 逾期, 验收超期 and 挂牌督办 combine with a status.
 */
export function StatusChips({ counts, filters, onChange }: { counts?: Counts; filters: LedgerFilters; onChange: (patch: LedgerFilters) => void }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const all = counts ? Object.values(counts.byStatus).reduce((a, b) => a + b, 0) : undefined;
  const n = (value: number | undefined) => (value === undefined ? '' : ` ${value}`);
  const chip = (key: string, label: string, count: number | undefined, active: boolean, onClick: () => void, danger = false) => (
    <Button
      key={key}
      size="small"
      shape="round"
      type={active ? 'primary' : 'default'}
      danger={danger}
      aria-pressed={active}
      data-testid={`status-chip-${key}`}
      onClick={onClick}
    >
      {label}{n(count)}
    </Button>
  );
  return (
    <Flex wrap gap={8} role="group" aria-label={t('hazards.ledger.chips')} style={{ marginBottom: 12 }}>
      {chip('all', t('common.all'), all, !filters.status, () => onChange({ status: undefined }))}
      {HAZARD_STATUSES.map((s) =>
        chip(s, labels.status(s), counts ? (counts.byStatus[s] ?? 0) : undefined, filters.status === s, () => onChange({ status: filters.status === s ? undefined : s })),
      )}
      {chip('overdue', t('hazards.overdue'), counts?.overdue, filters.overdue === 'true', () => onChange({ overdue: filters.overdue === 'true' ? undefined : 'true' }), true)}
      {chip('acceptanceOverdue', t('hazards.acceptanceOverdue'), counts?.acceptanceOverdue, filters.acceptanceOverdue === 'true', () => onChange({ acceptanceOverdue: filters.acceptanceOverdue === 'true' ? undefined : 'true' }))}
      {chip('listed', t('hazards.listed'), counts?.listed, filters.listed === 'true', () => onChange({ listed: filters.listed === 'true' ? undefined : 'true' }))}
    </Flex>
  );
}
