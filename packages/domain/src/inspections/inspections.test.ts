import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKLISTS, itemCitation } from './checklists.js';
import { CRITERION_CLAUSES, clauseCitation, criterionClause } from './criteria.js';
import { checkResults, findingsOf } from './findings.js';
import { INSPECTION_ACTIONS, INSPECTION_STATUSES, nextInspectionStatus, type InspectionAction, type InspectionStatus } from './transitions.js';
import { HAZARD_SOURCE_OF_INSPECTION, INSPECTION_TYPES } from './vocabulary.js';

describe('the inspection state table', () => {
  const expected: Record<InspectionStatus, Partial<Record<InspectionAction, InspectionStatus>>> = {
    draft: { save_results: 'draft', record: 'recorded' },
    recorded: { archive: 'archived' },
    archived: {},
  };
  for (const from of INSPECTION_STATUSES) {
    for (const action of INSPECTION_ACTIONS) {
      const to = expected[from][action];
      it(`${from} × ${action} → ${to ?? 'refused'}`, () => {
        const next = nextInspectionStatus(from, action);
        if (to) expect(next).toEqual({ ok: true, to });
        else expect(next.ok).toBe(false);
      });
    }
  }
});

describe('判定标准 clauses', () => {
  it('have unique, stable ids and the counts entered', () => {
    expect(new Set(CRITERION_CLAUSES.map((c) => c.id)).size).toBe(CRITERION_CLAUSES.length);
    const count = (prefix: string) => CRITERION_CLAUSES.filter((c) => c.id.startsWith(prefix)).length;
    expect(count('mem10-2023/3.')).toBe(3);
    expect(count('mem10-2023/4.')).toBe(5);
    expect(count('mem10-2023/11.')).toBe(10);
    expect(count('hazchem-2017/')).toBe(20);
  });

  it('cite article and item', () => {
    expect(clauseCitation(criterionClause('mem10-2023/11.3')!)).toBe('《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项');
    expect(clauseCitation(criterionClause('hazchem-2017/12')!)).toBe('《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号）第十二项');
    expect(criterionClause('mem10-2023/11.99')).toBeUndefined();
  });
});

describe('built-in checklists', () => {
  it('each item key unique, every clause known, every item with a basis', () => {
    for (const list of BUILTIN_CHECKLISTS) {
      expect(new Set(list.items.map((i) => i.key)).size, list.industryCode).toBe(list.items.length);
      for (const item of list.items) {
        expect(item.basis.length).toBeGreaterThan(5);
        if (item.clauseId) expect(itemCitation(item)).toContain('判定标准');
      }
    }
    const chem = BUILTIN_CHECKLISTS.find((l) => l.industryCode === 'hazardous_chemicals')!;
    expect(chem.items.filter((i) => i.clauseId).length).toBe(20);
  });
});

describe('findings', () => {
  const items = BUILTIN_CHECKLISTS.find((l) => l.industryCode === 'dust_explosion')!.items;
  const major = items.find((i) => i.clauseId === 'mem10-2023/11.3')!;
  const general = items.find((i) => !i.clauseId)!;

  it('a failed 判定标准 item is 重大 with its clause; a failed general item is 一般; passes make nothing', () => {
    const found = findingsOf('unannounced', items, [
      { itemKey: major.key, result: 'fail', note: '除尘器无泄爆片', photos: ['p1'] },
      { itemKey: general.key, result: 'fail', note: '无培训记录' },
      { itemKey: items[0]!.key, result: 'pass' },
    ]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ level: 'major', criterionClause: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项', source: 'unannounced', photos: ['p1'] });
    expect(found[0]!.title.startsWith('重大事故隐患：')).toBe(true);
    expect(found[1]).toMatchObject({ level: 'general', criterionClause: null });
  });

  it('maps each type to its hazard source', () => {
    expect(INSPECTION_TYPES.map((t) => HAZARD_SOURCE_OF_INSPECTION[t])).toEqual(['government_inspection', 'unannounced', 'government_inspection', 'campaign', 'expert', 'government_inspection']);
  });

  it('refuses unknown or repeated items and a fail without a note; signing needs every item', () => {
    expect(checkResults(items, [{ itemKey: 'nope', result: 'pass' }], false)[0]).toMatchObject({ field: 'results.0.itemKey', reason: 'unknown_item' });
    expect(checkResults(items, [{ itemKey: major.key, result: 'pass' }, { itemKey: major.key, result: 'na' }], false)[0]).toMatchObject({ field: 'results.1.itemKey', reason: 'duplicate' });
    expect(checkResults(items, [{ itemKey: major.key, result: 'fail', note: '  ' }], false)[0]).toMatchObject({ field: 'results.0.note', reason: 'required' });
    const allButOne = items.slice(1).map((i) => ({ itemKey: i.key, result: 'pass' as const }));
    expect(checkResults(items, allButOne, false)).toEqual([]);
    expect(checkResults(items, allButOne, true)[0]).toMatchObject({ field: 'results', reason: 'incomplete' });
    expect(checkResults(items, [...allButOne, { itemKey: items[0]!.key, result: 'na' }], true)).toEqual([]);
  });
});
