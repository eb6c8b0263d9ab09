import { type Org, OrgPage } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../api/client';
import { useDebounced } from './use-debounced';

export type OrgOption = z.infer<typeof Org>;

export interface OrgSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The whole record of the chosen organisation (its type decides which roles fit). */
  onPick?: (org: OrgOption | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  /** Limit the candidates to a region's subtree; the server limits them to the user's scope anyway. */
  regionCode?: string;
  activeOnly?: boolean;
  style?: CSSProperties;
  className?: string;
}

/** Finds an organisation by name on the server: a province holds thousands, too many for one list. */
export function OrgSelect({ value, onChange, onPick, id, placeholder, allowClear, regionCode, activeOnly, style, className }: OrgSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<OrgOption | undefined>();
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['orgs', 'pick', regionCode ?? '', q],
    queryFn: () => api.get('/orgs', { query: { q, regionCode, limit: 30 }, schema: OrgPage }),
    enabled: open || q.length > 0,
    staleTime: 60_000,
  });
  const orgs = (found.data?.items ?? []).filter((o) => !activeOnly || o.status === 'active');
  // Keep the chosen organisation listed so its name shows after the search moves on.
  const all = picked && picked.id === value && !orgs.some((o) => o.id === picked.id) ? [picked, ...orgs] : orgs;

  return (
    <Select
      id={id}
      className={className}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.orgPlaceholder')}
      style={{ width: '100%', ...style }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      onOpenChange={setOpen}
      notFoundContent={found.isFetching ? <Spin size="small" /> : undefined}
      loading={found.isFetching}
      options={all.map((o) => ({
        value: o.id,
        label: o.name,
        title: `${o.name} · ${o.regionName}`,
      }))}
      optionRender={(option) => {
        const org = all.find((o) => o.id === option.value);
        return (
          <div>
            <div>{org?.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{org?.regionName}</Typography.Text>
          </div>
        );
      }}
      onChange={(next: string | undefined) => {
        const org = all.find((o) => o.id === next);
        setPicked(org);
        setSearch('');
        onChange?.(next);
        onPick?.(org);
      }}
    />
  );
}
