import { CRITERION_CLAUSES, clauseCitation, criterionClause } from './criteria.js';

/**
 * A checklist item. `clauseId` ties it to a 判定标准 clause: failing it is a 重大 hazard
 * carrying that clause. Other items are general; `basis` cites their legal basis.
 */
export interface ChecklistItem {
  /** Stable within the checklist (results refer to it). */
  key: string;
  text: string;
  basis: string;
  clauseId?: string;
}

export interface ChecklistDefinition {
  industryCode: string;
  title: string;
  items: ChecklistItem[];
}

const SAFETY_LAW = '《中华人民共和国安全生产法》（2021年修正）';

/** General duties every enterprise is checked on (一般隐患 when failed). */
const GENERAL: ChecklistItem[] = [
  { key: 'g.responsibility', text: '建立并落实全员安全生产责任制', basis: `${SAFETY_LAW}第二十二条` },
  { key: 'g.training', text: '对从业人员进行安全生产教育和培训，并建立教育和培训档案', basis: `${SAFETY_LAW}第二十八条` },
  { key: 'g.equipment', text: '安全设备经常性维护、保养并定期检测，记录完整', basis: `${SAFETY_LAW}第三十六条` },
  { key: 'g.hazard_system', text: '建立健全并落实生产安全事故隐患排查治理制度，如实记录隐患排查治理情况', basis: `${SAFETY_LAW}第四十一条` },
  { key: 'g.emergency_plan', text: '制定生产安全事故应急救援预案并定期组织演练', basis: `${SAFETY_LAW}第八十一条` },
];

/** Items citing 判定标准 clauses whose ids start with `prefix` (in the standard's order). */
const clauses = (...prefixes: string[]): ChecklistItem[] =>
  CRITERION_CLAUSES.filter((c) => prefixes.some((p) => c.id.startsWith(p))).map((c) => ({
    key: c.id,
    text: c.text.replace(/[；;。]$/, ''),
    basis: clauseCitation(c),
    clauseId: c.id,
  }));

const CONSTRUCTION_REGULATION = '《建设工程安全生产管理条例》（国务院令第393号）';

/**
 * Version 1 of each industry's checklist, as the platform ships it. Each is seeded once as a
 * published (immutable) version; a department publishes a new version to supersede it.
 */
export const BUILTIN_CHECKLISTS: readonly ChecklistDefinition[] = [
  { industryCode: 'metallurgy', title: '冶金企业安全生产检查表', items: [...clauses('mem10-2023/3.', 'mem10-2023/4.'), ...GENERAL] },
  { industryCode: 'dust_explosion', title: '粉尘涉爆企业安全生产检查表', items: [...clauses('mem10-2023/3.1', 'mem10-2023/3.2', 'mem10-2023/11.'), ...GENERAL] },
  { industryCode: 'hazardous_chemicals', title: '危险化学品生产经营单位安全生产检查表', items: [...clauses('hazchem-2017/'), ...GENERAL] },
  {
    industryCode: 'construction', title: '建筑施工安全生产检查表', items: [
      { key: 'c.special_workers', text: '垂直运输机械作业人员、安装拆卸工、起重信号工、登高架设作业人员等特种作业人员持证上岗', basis: `${CONSTRUCTION_REGULATION}第二十五条` },
      { key: 'c.special_plan', text: '达到一定规模的危险性较大的分部分项工程编制专项施工方案，并由专职安全生产管理人员现场监督', basis: `${CONSTRUCTION_REGULATION}第二十六条` },
      { key: 'c.safety_staff', text: '施工现场配备专职安全生产管理人员', basis: `${CONSTRUCTION_REGULATION}第二十三条` },
      ...GENERAL,
    ],
  },
  {
    industryCode: 'urban_gas', title: '城镇燃气经营单位安全生产检查表', items: [
      { key: 'u.licence', text: '取得燃气经营许可证并在许可范围内经营', basis: '《城镇燃气管理条例》（国务院令第583号）第十五条' },
      { key: 'u.alarm', text: '燃气场站可燃气体泄漏检测报警装置完好有效', basis: `${SAFETY_LAW}第三十六条` },
      ...GENERAL,
    ],
  },
];

/** For a checklist item: the 判定标准 citation a failed finding carries, or null (一般隐患). */
export function itemCitation(item: Pick<ChecklistItem, 'clauseId'>): string | null {
  if (!item.clauseId) return null;
  const clause = criterionClause(item.clauseId);
  return clause ? clauseCitation(clause) : null;
}
