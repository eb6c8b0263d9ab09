import { OrgPage } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../shared/api/client';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useRouting } from './hazards.api';

export interface DepartmentSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  /** The hazard's region: its 三管三必须 routes name the departments that supervise there. */
  regionCode: string;
  placeholder?: string;
  allowClear?: boolean;
}

interface Option {
  id: string;
  name: string;
  industries: string[];
}

/**
 * 行业主管部门 for a hazard. A township's staff cannot list the county's departments, but the
 * routing table of the hazard's region names them, so both sources are merged.
 */
export function DepartmentSelect({ value, onChange, id, regionCode, placeholder, allowClear = true }: DepartmentSelectProps) {
  const me = useCurrentUser();
  const routing = useRouting(regionCode, hasPermission(me, 'routing.read'));
  const own = useQuery({
    queryKey: ['orgs', 'departments', me.org.regionCode],
    queryFn: () => api.get('/orgs', { query: { type: 'department', limit: 200 }, schema: OrgPage }),
    enabled: hasPermission(me, 'org.read'),
    staleTime: 5 * 60_000,
  });

  const options = useMemo(() => {
    const byId = new Map<string, Option>();
    for (const entry of routing.data?.items ?? []) {
      if (!entry.department) continue;
      const o = byId.get(entry.department.id) ?? { id: entry.department.id, name: entry.department.name, industries: [] };
      o.industries.push(entry.industryName);
      byId.set(o.id, o);
    }
    for (const org of own.data?.items ?? []) {
      if (org.status === 'active' && !byId.has(org.id)) byId.set(org.id, { id: org.id, name: org.name, industries: [] });
    }
    return [...byId.values()];
  }, [routing.data, own.data]);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={routing.isFetching || own.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      options={options.map((o) => ({ value: o.id, label: o.name }))}
      optionRender={(option) => {
        const o = options.find((x) => x.id === option.value);
        return (
          <div data-testid="department-option">
            <div>{o?.name}</div>
            {o && o.industries.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>{o.industries.join('、')}</Typography.Text>}
          </div>
        );
      }}
    />
  );
}
