import { FilterOutlined } from '@ant-design/icons';
import { HAZARD_LEVELS, HAZARD_SOURCES } from '@anjian/domain';
import { Button, Card, DatePicker, Flex, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries } from '../../shared/api/reference';
import { useCurrentUser } from '../../shared/auth/session';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import type { LedgerFilters as Filters } from './hazards.api';
import { useHazardLabels } from './labels';

const DATE = 'YYYY-MM-DD';

/**
 * Region, level, source, industry, period, listed and search. An enterprise account sees only
 * its own hazards, so it gets no region filter. On a phone everything but the search folds
 * away behind one button.
 */
export function LedgerFilters({ filters, onChange }: { filters: Filters; onChange: (patch: Filters) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const mobile = useIsMobile();
  const industries = useIndustries().data ?? [];
  const [open, setOpen] = useState(false);
  const enterprise = me.org.type === 'enterprise';
  const [q, setQ] = useState(filters.q ?? '');
  const active = ['regionCode', 'level', 'source', 'industry', 'from', 'to', 'listed'].filter((k) => filters[k as keyof Filters]).length;

  const search = (
    <Input.Search
      allowClear
      value={q}
      onChange={(e) => setQ(e.target.value)}
      placeholder={t('hazards.ledger.searchPlaceholder')}
      aria-label={t('hazards.ledger.search')}
      onSearch={(value) => onChange({ q: value.trim() || undefined })}
      className="anjian-filter"
      style={{ width: 220 }}
    />
  );

  const rest = (
    <>
      {!enterprise && (
        <RegionPicker
          value={filters.regionCode}
          allowClear
          placeholder={t('hazards.ledger.region')}
          onChange={(regionCode) => onChange({ regionCode })}
          className="anjian-filter"
          style={{ width: 220 }}
        />
      )}
      <Select
        allowClear
        placeholder={t('hazards.level')}
        aria-label={t('hazards.level')}
        value={filters.level}
        onChange={(level?: string) => onChange({ level })}
        options={HAZARD_LEVELS.map((value) => ({ value, label: labels.level(value) }))}
        className="anjian-filter"
        style={{ width: 150 }}
      />
      <Select
        allowClear
        placeholder={t('hazards.source')}
        aria-label={t('hazards.source')}
        value={filters.source}
        onChange={(source?: string) => onChange({ source })}
        options={HAZARD_SOURCES.map((value) => ({ value, label: labels.source(value) }))}
        className="anjian-filter"
        style={{ width: 170 }}
      />
      <Select
        allowClear
        placeholder={t('hazards.industry')}
        aria-label={t('hazards.industry')}
        value={filters.industry}
        onChange={(industry?: string) => onChange({ industry })}
        options={industries.map((i) => ({ value: i.code, label: labels.industry(i.code) }))}
        showSearch={{ optionFilterProp: 'label' }}
        className="anjian-filter"
        style={{ width: 170 }}
      />
      <Flex gap={8} align="center" className="anjian-filter" style={{ width: 'auto' }}>
        <DatePicker
          placeholder={t('hazards.ledger.from')}
          aria-label={t('hazards.ledger.from')}
          value={filters.from ? dayjs(filters.from) : null}
          onChange={(d) => onChange({ from: d ? d.format(DATE) : undefined })}
          style={{ flex: 1, minWidth: 130 }}
        />
        <span>–</span>
        <DatePicker
          placeholder={t('hazards.ledger.to')}
          aria-label={t('hazards.ledger.to')}
          value={filters.to ? dayjs(filters.to) : null}
          onChange={(d) => onChange({ to: d ? d.format(DATE) : undefined })}
          style={{ flex: 1, minWidth: 130 }}
        />
      </Flex>
    </>
  );

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex wrap gap={12} align="center">
        {search}
        {mobile && (
          <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="ledger-more-filters">
            {active ? t('hazards.ledger.moreFiltersActive', { count: active }) : t('hazards.ledger.moreFilters')}
          </Button>
        )}
        {(!mobile || open) && rest}
        {filters.enterpriseId && (
          <Tag closable onClose={() => onChange({ enterpriseId: undefined })} data-testid="ledger-enterprise-filter" style={{ marginInlineEnd: 0 }}>{t('hazards.ledger.oneEnterprise')}</Tag>
        )}
        {(active > 0 || filters.q || filters.status || filters.overdue || filters.acceptanceOverdue || filters.enterpriseId) && (
          <Button type="link" onClick={() => { setQ(''); onChange({ regionCode: undefined, enterpriseId: undefined, level: undefined, source: undefined, industry: undefined, from: undefined, to: undefined, listed: undefined, q: undefined, status: undefined, overdue: undefined, acceptanceOverdue: undefined }); }}>
            {t('common.reset')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
