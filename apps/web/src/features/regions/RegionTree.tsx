import { Tree, type TreeDataNode as DataNode } from 'antd';
import { isWithinRegion } from '@anjian/domain';
import { useEffect, useMemo, useState } from 'react';
import { fetchAncestors, fetchChildren, type RegionData } from '../../shared/api/regions';

interface Props {
  root: RegionData;
  selected: string | undefined;
  onSelect: (region: RegionData) => void;
}

/** The region tree from the user's own region down; each branch loads when first opened. */
export function RegionTree({ root, selected, onSelect }: Props) {
  const [regions, setRegions] = useState<Map<string, RegionData>>(() => new Map([[root.code, root]]));
  const [children, setChildren] = useState<Map<string, string[]>>(() => new Map());
  const [expanded, setExpanded] = useState<string[]>([root.code]);

  const treeData = useMemo(() => {
    const build = (code: string): DataNode => {
      const region = regions.get(code)!;
      const kids = children.get(code);
      return {
        key: code,
        title: region.childCount > 0 ? `${region.name} (${region.childCount})` : region.name,
        isLeaf: region.childCount === 0,
        ...(kids ? { children: kids.map(build) } : {}),
      };
    };
    return [build(root.code)];
  }, [regions, children, root.code]);

  const load = async (code: string) => {
    const items = await fetchChildren(code);
    setRegions((prev) => {
      const next = new Map(prev);
      for (const r of items) next.set(r.code, r);
      return next;
    });
    setChildren((prev) => new Map(prev).set(code, items.map((r) => r.code)));
  };

  // A region chosen elsewhere (search, the detail panel) is revealed: its branch loads and opens.
  useEffect(() => {
    if (!selected || regions.has(selected) || !isWithinRegion(selected, root.code)) return;
    let cancelled = false;
    void (async () => {
      const path = (await fetchAncestors(selected)).map((r) => r.code).filter((c) => isWithinRegion(c, root.code) && c !== selected);
      for (const code of path) {
        if (cancelled) return;
        await load(code);
      }
      if (!cancelled) setExpanded((prev) => [...new Set([...prev, ...path])]);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // Keyed on the selection only: load and the map change as branches arrive, which must not re-run this.
  }, [selected, root.code]);

  return (
    <Tree
      showLine
      blockNode
      treeData={treeData}
      selectedKeys={selected ? [selected] : []}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={(node) => load(String(node.key))}
      onSelect={(_, info) => {
        const region = regions.get(String(info.node.key));
        if (region) onSelect(region);
      }}
      style={{ maxHeight: '65vh', overflow: 'auto' }}
    />
  );
}
