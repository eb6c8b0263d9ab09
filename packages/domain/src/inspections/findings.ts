import type { HazardLevel, HazardSource } from '../hazards/vocabulary.js';
import type { GuardProblem } from '../hazards/guard-result.js';
import { itemCitation, type ChecklistItem } from './checklists.js';
import { HAZARD_SOURCE_OF_INSPECTION, type InspectionType, type ItemResult } from './vocabulary.js';

export interface ItemResultInput {
  itemKey: string;
  result: ItemResult;
  note?: string | null;
  photos?: readonly string[];
}

/** What one failed item becomes: a hazard of this level, citing this clause. */
export interface Finding {
  itemKey: string;
  title: string;
  description: string;
  level: HazardLevel;
  criterionClause: string | null;
  source: HazardSource;
  photos: string[];
}

/**
 * Results against the checklist, for saving a draft (`complete` false: items may be missing)
 * or for signing (`complete` true: every item answered). A failed item needs a note saying
 * what was seen — the hazard it becomes is described by it.
 */
export function checkResults(items: readonly ChecklistItem[], results: readonly ItemResultInput[], complete: boolean): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const keys = new Set(items.map((i) => i.key));
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if (!keys.has(r.itemKey)) problems.push({ field: `results.${i}.itemKey`, reason: 'unknown_item', message: { zh: `检查表中没有此检查项：${r.itemKey}`, en: `no such item in the checklist: ${r.itemKey}` } });
    else if (seen.has(r.itemKey)) problems.push({ field: `results.${i}.itemKey`, reason: 'duplicate', message: { zh: `检查项重复：${r.itemKey}`, en: `item given twice: ${r.itemKey}` } });
    seen.add(r.itemKey);
    if (r.result === 'fail' && !r.note?.trim()) problems.push({ field: `results.${i}.note`, reason: 'required', message: { zh: '不合格项须写明发现的问题', en: 'a failed item needs a note saying what was found' } });
  });
  if (complete) {
    const missing = items.filter((i) => !seen.has(i.key));
    if (missing.length) problems.push({ field: 'results', reason: 'incomplete', message: { zh: `还有 ${missing.length} 项未检查：${missing.slice(0, 3).map((i) => i.text.slice(0, 20)).join('；')}`, en: `${missing.length} items not answered yet` } });
  }
  return problems;
}

/** Each failed item as the hazard it becomes: 重大 with its clause for a 判定标准 item, else 一般. */
export function findingsOf(type: InspectionType, items: readonly ChecklistItem[], results: readonly ItemResultInput[]): Finding[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return results.filter((r) => r.result === 'fail').map((r) => {
    const item = byKey.get(r.itemKey)!;
    const citation = itemCitation(item);
    const title = item.text.length > 60 ? `${item.text.slice(0, 59)}…` : item.text;
    return {
      itemKey: r.itemKey,
      title: citation ? `重大事故隐患：${title}` : title,
      description: `${r.note ?? ''}\n检查项：${item.text}\n依据：${item.basis}`.trim(),
      level: citation ? 'major' : 'general',
      criterionClause: citation,
      source: HAZARD_SOURCE_OF_INSPECTION[type],
      photos: [...(r.photos ?? [])],
    };
  });
}
