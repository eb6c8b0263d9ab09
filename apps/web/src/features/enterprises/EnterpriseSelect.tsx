import { EnterprisePage } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useDebounced } from '../../shared/ui/use-debounced';
import type { EnterpriseData } from './enterprises.api';

export interface EnterpriseSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The whole record: its region and industries prefill the hazard form. */
  onPick?: (enterprise: EnterpriseData | undefined) => void;
  id?: string;
  regionCode?: string;
  style?: CSSProperties;
}

/** Finds an enterprise by name or USCC on the server (a county holds hundreds). */
export function EnterpriseSelect({ value, onChange, onPick, id, regionCode, style }: EnterpriseSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<EnterpriseData | undefined>();
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['enterprises', 'pick', regionCode ?? '', q],
    queryFn: () => api.get('/enterprises', { query: { q, regionCode, limit: 30 }, schema: EnterprisePage }),
    enabled: open || q.length > 0,
    staleTime: 60_000,
  });
  const items = found.data?.items ?? [];
  const all = picked && picked.id === value && !items.some((e) => e.id === picked.id) ? [picked, ...items] : items;

  return (
    <Select
      id={id}
      value={value}
      allowClear
      placeholder={t('enterprises.pickPlaceholder')}
      style={{ width: '100%', ...style }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      onOpenChange={setOpen}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('enterprises.noMatch')}
      options={all.map((e) => ({ value: e.id, label: e.name }))}
      optionRender={(option) => {
        const e = all.find((x) => x.id === option.value);
        return (
          <div data-testid="enterprise-option">
            <div style={{ whiteSpace: 'normal' }}>{e?.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e?.regionName} · {e?.uscc}</Typography.Text>
          </div>
        );
      }}
      onChange={(next: string | undefined) => {
        const e = all.find((x) => x.id === next);
        setPicked(e);
        setSearch('');
        onChange?.(next);
        onPick?.(e);
      }}
    />
  );
}
