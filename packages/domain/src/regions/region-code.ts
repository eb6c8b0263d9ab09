/**
 * Region codes (GB/T 2260 + NBS statistical codes). A code's length gives its level:
 * 2 province, 4 city, 6 county, 9 township, 12 village. A child's code starts with its
 * parent's, so a subtree is a code prefix — that is what region scope is built on.
 *
 * The platform's own root (全国) is the pseudo-region "0"; its subtree is every code.
 */
export const ROOT_REGION_CODE = '0';

export const REGION_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const LENGTH_BY_LEVEL: Record<RegionLevel, number> = { 0: 1, 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export const REGION_LEVEL_NAMES: Record<RegionLevel, { zh: string; en: string }> = {
  0: { zh: '全国', en: 'Country' },
  1: { zh: '省', en: 'Province' },
  2: { zh: '市', en: 'City' },
  3: { zh: '县(区)', en: 'County' },
  4: { zh: '乡镇(街道)', en: 'Township' },
  5: { zh: '村(社区)', en: 'Village' },
};

export function regionLevel(code: string): RegionLevel {
  if (code === ROOT_REGION_CODE) return 0;
  switch (code.length) {
    case 2: return 1;
    case 4: return 2;
    case 6: return 3;
    case 9: return 4;
    case 12: return 5;
    default: throw new Error(`not a normalised region code: ${code}`);
  }
}

const CANONICAL_LENGTHS = [2, 4, 6, 9, 12];

/**
 * Every region code an input may denote, most specific first. People and systems write the
 * same region as 13, 130000 (GB/T 2260, 6 digits) or 130000000000 (NBS, 12 digits); each
 * trailing all-zero block may be padding. It may also be real: 441900 is the county-level
 * row of 东莞市 (4419), 350527000 a township row of 金门县. So the answer is a list, and the
 * regions repository picks the most specific one that exists.
 * An empty list means the input is not a region code at all.
 */
export function regionCodeCandidates(input: string): string[] {
  const code = input.trim();
  if (code === ROOT_REGION_CODE) return [code];
  if (!/^\d+$/.test(code) || !CANONICAL_LENGTHS.includes(code.length) || code.startsWith('00')) return [];
  const candidates = [code];
  for (let i = CANONICAL_LENGTHS.indexOf(code.length); i > 0; i--) {
    const current = candidates[candidates.length - 1]!;
    const shorter = CANONICAL_LENGTHS[i - 1]!;
    if (!/^0+$/.test(current.slice(shorter))) break;
    candidates.push(current.slice(0, shorter));
  }
  return candidates;
}

/** The least specific reading: the canonical code when no zero block is a real region. */
export function normaliseRegionCode(input: string): string | null {
  const candidates = regionCodeCandidates(input);
  return candidates.length ? candidates[candidates.length - 1]! : null;
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 0) return null;
  if (level === 1) return ROOT_REGION_CODE;
  return code.slice(0, LENGTH_BY_LEVEL[(level - 1) as RegionLevel]);
}

/** Root first, the region itself last. */
export function regionPath(code: string): string[] {
  const path: string[] = [];
  for (let c: string | null = code; c !== null; c = parentRegionCode(c)) path.unshift(c);
  return path;
}

/** The SQL LIKE prefix that selects a region's whole subtree (the root selects all). */
export function subtreePrefix(code: string): string {
  return code === ROOT_REGION_CODE ? '' : code;
}

export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(subtreePrefix(ancestor));
}
