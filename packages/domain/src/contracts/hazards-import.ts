import { z } from 'zod';
import type { Bilingual } from '../errors/error-codes.js';

/**
 * Bulk import of hazard ledgers (历史隐患台账导入): a county office moves its Excel or CSV
 * ledger into the platform. One column list serves the CSV and .xlsx readers, the error
 * report (`row 7: 发现日期`) and whoever writes a file (the web app's template, the benchmark).
 */
export type HazardImportColumnKey =
  | 'title' | 'level' | 'source' | 'status' | 'regionCode' | 'uscc' | 'industry' | 'foundOn'
  | 'deadline' | 'responsibleUnit' | 'responsiblePerson' | 'closedOn' | 'listedLevel';

export interface HazardImportColumn {
  key: HazardImportColumnKey;
  /** The Chinese header; the importer also accepts `key` itself as a header. */
  header: string;
  en: string;
  required: boolean;
  note: Bilingual;
}

export const HAZARD_IMPORT_COLUMNS: readonly HazardImportColumn[] = [
  { key: 'title', header: '隐患名称', en: 'Title', required: true, note: { zh: '最多100字', en: 'at most 100 characters' } },
  { key: 'level', header: '隐患等级', en: 'Level', required: true, note: { zh: '一般 / 重大（或 general / major）', en: 'general or major (一般 / 重大)' } },
  { key: 'source', header: '隐患来源', en: 'Source', required: true, note: { zh: '企业自查、监督检查/执法、第三方专家、四不两直、大排查、群众举报、网格员巡查', en: 'self_inspection, government_inspection, expert, unannounced, campaign, public_report, grid_patrol' } },
  { key: 'status', header: '状态', en: 'Status', required: true, note: { zh: '已上报、已核实、整改中、待验收、已销号、不予认定', en: 'reported, verified, rectifying, pending_acceptance, closed, rejected' } },
  { key: 'regionCode', header: '行政区划代码', en: 'Region code', required: false, note: { zh: '2–12位代码，须在您的管辖范围内；为空时取企业所在区划', en: 'a code within your jurisdiction; empty: the enterprise’s region' } },
  { key: 'uscc', header: '企业统一社会信用代码', en: 'Enterprise USCC', required: false, note: { zh: '选填，须为已登记且在您管辖范围内的企业', en: 'optional; a registered enterprise you supervise' } },
  { key: 'industry', header: '行业', en: 'Industry', required: false, note: { zh: '行业代码或名称；行业部门导入时必填且须为本部门监管行业', en: 'industry code or name; required for department staff, within their industries' } },
  { key: 'foundOn', header: '发现日期', en: 'Found on', required: true, note: { zh: 'YYYY-MM-DD，不晚于今天', en: 'YYYY-MM-DD, not in the future' } },
  { key: 'deadline', header: '整改期限', en: 'Deadline', required: false, note: { zh: 'YYYY-MM-DD，不早于发现日期；整改中、待验收时必填', en: 'YYYY-MM-DD, not before the date found; required while rectifying or awaiting acceptance' } },
  { key: 'responsibleUnit', header: '责任单位', en: 'Responsible unit', required: false, note: { zh: '最多100字', en: 'at most 100 characters' } },
  { key: 'responsiblePerson', header: '责任人', en: 'Responsible person', required: false, note: { zh: '最多50字', en: 'at most 50 characters' } },
  { key: 'closedOn', header: '销号日期', en: 'Closed on', required: false, note: { zh: '已销号时必填，其他状态须为空', en: 'required when closed, empty otherwise' } },
  { key: 'listedLevel', header: '挂牌督办级别', en: 'Listed level', required: false, note: { zh: '选填，仅重大隐患：省级 / 市级 / 县级（或 1 / 2 / 3）', en: 'optional, major hazards only: 1 province, 2 city, 3 county' } },
];

/** A CSV file may hold this many rows; split bigger ledgers (each file is one transaction). */
export const HAZARD_IMPORT_MAX_ROWS = 1_000_000;
/** …and be this large (about 250 bytes a row with Chinese text). */
export const HAZARD_IMPORT_MAX_CSV_BYTES = 256 * 1024 * 1024;

export const HazardImportResult = z.object({
  imported: z.number().int(),
  /** Rows read per second, validation and writing included. */
  rowsPerSecond: z.number(),
});
export type HazardImportResult = z.infer<typeof HazardImportResult>;
