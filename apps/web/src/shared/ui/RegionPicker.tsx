import { isWithinRegion } from '@anjian/domain';
import { Spin, TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAncestors, fetchChildren, useRegionSearch, type RegionData } from '../api/regions';
import { useCurrentUser } from '../auth/session';
import { useDebounced } from './use-debounced';

interface TreeNode {
  id: string;
  pId: string | null;
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
}

export interface RegionPickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Set by Form.Item so the label points at the control. */
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  className?: string;
}

/**
 * A region selector over the user's own subtree: children load lazily as branches open,
 * and typing searches the whole subtree on the server (a province has ~50 000 regions,
 * far too many to load up front).
 */
export function RegionPicker({ value, onChange, id, placeholder, allowClear, style, className }: RegionPickerProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const root = me.regionPath[me.regionPath.length - 1] ?? { code: me.org.regionCode, name: me.org.regionCode, level: 0 };
  const [nodes, setNodes] = useState<Map<string, TreeNode>>(
    () => new Map([[root.code, { id: root.code, pId: null, value: root.code, title: root.name, label: root.name, isLeaf: false }]]),
  );
  const [search, setSearch] = useState('');
  const term = useDebounced(search);
  const hits = useRegionSearch(root.code, term);

  const merge = useCallback(
    (regions: Pick<RegionData, 'code' | 'name' | 'parentCode' | 'childCount'>[]) =>
      setNodes((previous) => {
        const next = new Map(previous);
        for (const r of regions) {
          if (!isWithinRegion(r.code, root.code)) continue;
          const pId = r.code === root.code ? null : r.parentCode;
          next.set(r.code, { id: r.code, pId, value: r.code, title: r.name, label: r.name, isLeaf: r.childCount === 0 });
        }
        return next;
      }),
    [root.code],
  );

  // A value chosen elsewhere (a search hit, a form's initial value) needs its branch loaded to show its name.
  useEffect(() => {
    if (!value || nodes.has(value)) return;
    let cancelled = false;
    fetchAncestors(value)
      .then((path) => !cancelled && merge(path))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [value, nodes, merge]);

  const searching = search.trim().length > 0;
  const treeData = useMemo((): TreeNode[] => {
    if (searching) {
      return (hits.data ?? []).map((hit) => ({
        id: `hit:${hit.code}`,
        pId: null,
        value: hit.code,
        label: hit.name,
        isLeaf: true,
        title: (
          <span>
            {hit.name} <span style={{ opacity: 0.55, fontSize: 12 }}>{hit.path}</span>
          </span>
        ),
      }));
    }
    return [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  }, [searching, hits.data, nodes]);

  return (
    <TreeSelect
      id={id}
      className={className}
      style={{ width: '100%', ...style }}
      value={value}
      placeholder={placeholder ?? t('common.region.placeholder')}
      allowClear={allowClear}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={[root.code]}
      loadData={searching ? undefined : async (node) => merge(await fetchChildren(String(node.value)))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      notFoundContent={searching && (hits.isFetching || term !== search) ? <Spin size="small" /> : t('common.region.noMatch')}
      onChange={(code: string | undefined) => {
        const hit = hits.data?.find((h) => h.code === code);
        // Only attach a hit whose parent is on screen; otherwise the effect above loads its branch.
        if (searching && hit && hit.parentCode && nodes.has(hit.parentCode)) merge([hit]);
        setSearch('');
        onChange?.(code);
      }}
      popupMatchSelectWidth
    />
  );
}
