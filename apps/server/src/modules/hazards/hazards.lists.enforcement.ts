import type { Scope } from '../../platform/access/scope.js';
import { col, type ListDefinition, type ListFilter, type ListKey } from './hazards.lists.js';

/*
 * 案件查办清单 and 违法企业处罚清单 (seed 004's 一个台账四个清单) over the cases module's records.
 * The hazards module never reads the case tables: app.ts hands it the cases module's
 * caseListRows / penaltyListRows after both exist (useEnforcementLists), and these shapes are
 * what it needs of them. Each read is scoped by the cases module exactly as its own routes are.
 */

interface Page { after: ListKey | null; limit: number }

export interface EnforcementCaseRow {
  id: string; number: string; enterpriseId: string; enterpriseName: string; regionName: string; cause: string; filedOn: string; statusLabel: string;
  measures: string; fineFen: number; decidedOn: string | null; closedOn: string | null; daysOverdue: number; key: ListKey;
}

export interface EnforcementPenaltyRow {
  id: string; caseId: string; caseNumber: string; enterpriseId: string; enterpriseName: string; measure: string; measureLabel: string; amountFen: number | null;
  legalBasis: string; decidedOn: string; status: string; executedOn: string | null; paidFen: number; key: ListKey;
}

export interface EnforcementListSource {
  caseListRows: (scope: Scope, filter: ListFilter, page: Page) => Promise<EnforcementCaseRow[]>;
  penaltyListRows: (scope: Scope, filter: ListFilter, page: Page) => Promise<EnforcementPenaltyRow[]>;
}

/** 分 to 元 exactly: an integer divided by 100 is the double nearest the decimal (IEEE division rounds correctly). */
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const yuanText = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * 执行情况 of one decided measure, from its case: what is still owed (送达, 执行) or when it was
 * carried out; for a fine or confiscation, what the case recorded as paid.
 */
export function executionText(row: Pick<EnforcementPenaltyRow, 'status' | 'executedOn' | 'measure' | 'paidFen'>): string {
  if (row.status === 'decided') return '已决定，待送达';
  if (row.status === 'served') return '已送达，待执行';
  if (row.status !== 'executed' && row.status !== 'closed') return row.status;
  const paid = row.measure === 'fine' || row.measure === 'confiscate' ? `，已缴纳罚没款 ${yuanText(row.paidFen)} 元` : '';
  return `已执行（${row.executedOn ?? '—'}${paid}）${row.status === 'closed' ? '，已结案' : ''}`;
}

const missing = () => {
  // app.ts always wires the source; a platform built without it must not pass an empty list off as "no cases".
  throw new Error('the enforcement lists are not wired (hazards.useEnforcementLists)');
};

export function enforcementLists(source: () => EnforcementListSource | null): { cases: ListDefinition; penalties: ListDefinition } {
  return {
    cases: {
      title: { zh: '案件查办清单', en: 'Enforcement case list' },
      periodBasis: '按立案日期',
      permission: 'case.read',
      columns: [
        col('caseNo', '案号', 'Case no.'), col('enterprise', '企业', 'Enterprise'), col('region', '所在区划', 'Region'), col('cause', '案由', 'Cause'),
        col('filedOn', '立案日期', 'Filed on'), col('status', '办理状态', 'Status'), col('measures', '处罚措施', 'Measures'), col('amount', '罚没金额（元）', 'Fines and confiscations (CNY)'),
        col('decidedOn', '决定日期', 'Decided on'), col('closedOn', '结案日期', 'Closed on'), col('overdue', '是否超期', 'Overdue'),
      ],
      key: { arity: 2, of: (row) => [String(row.filedOn), String(row.caseNo)] },
      rows: async (_db, scope, f, after, limit) => (await (source() ?? missing()).caseListRows(scope, f, { after, limit })).map((r) => ({
        id: r.id, caseId: r.id, enterpriseId: r.enterpriseId, caseNo: r.number, enterprise: r.enterpriseName, region: r.regionName, cause: r.cause, filedOn: r.filedOn, status: r.statusLabel,
        measures: r.measures || null, amount: r.fineFen > 0 ? yuan(r.fineFen) : null, decidedOn: r.decidedOn, closedOn: r.closedOn,
        overdue: r.daysOverdue > 0 ? `是（超期 ${r.daysOverdue} 天）` : '否',
      })),
    },
    penalties: {
      title: { zh: '违法企业处罚清单', en: 'Penalised enterprise list' },
      periodBasis: '按处罚决定日期',
      permission: 'case.read',
      columns: [
        col('enterprise', '企业', 'Enterprise'), col('caseNo', '案号', 'Case no.'), col('kind', '处罚种类', 'Penalty'), col('amount', '罚款金额（元）', 'Amount (CNY)'),
        col('legalBasis', '法律依据', 'Legal basis'), col('decidedOn', '决定日期', 'Decided on'), col('execution', '执行情况', 'Execution'),
      ],
      key: { arity: 3, of: (row) => [String(row.decidedOn), String(row.caseNo), Number(row.position)] },
      rows: async (_db, scope, f, after, limit) => (await (source() ?? missing()).penaltyListRows(scope, f, { after, limit })).map((r) => ({
        id: r.id, caseId: r.caseId, enterpriseId: r.enterpriseId, position: Number(r.key[2]), enterprise: r.enterpriseName, caseNo: r.caseNumber, kind: r.measureLabel, amount: yuan(r.amountFen),
        legalBasis: r.legalBasis, decidedOn: r.decidedOn, execution: executionText(r),
      })),
    },
  };
}
