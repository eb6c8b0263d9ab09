import ExcelJS from 'exceljs';
import { ENTERPRISE_SCALE_LABELS, ENTERPRISE_SCALES, MAX_SAFETY_CONTACTS, REGION_LEVEL_NAMES, type Bilingual, type Industry, type RegionLevel } from '@anjian/domain';

export { XLSX_MIME } from '../../platform/exports/xlsx-export.js';
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const DATA_SHEET = '企业名录';

export type ColumnKey =
  | 'name' | 'uscc' | 'regionCode' | 'address' | 'industries' | 'scale' | 'legalRepresentative'
  | 'principal' | 'actualController' | 'safetyContacts' | 'latitude' | 'longitude';

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  en: string;
  required: boolean;
  width: number;
  /** Shown as the header cell's comment in the template. */
  note: string;
  /** Text format, so Excel keeps long digit strings and leading zeros. */
  text?: boolean;
}

/** The import columns, in template order; the importer finds them by header, in any order. */
export const COLUMNS: ColumnSpec[] = [
  { key: 'name', header: '企业名称', en: 'Name', required: true, width: 32, note: '营业执照上的全称，最多100字。同一区划内不能重名。' },
  { key: 'uscc', header: '统一社会信用代码', en: 'USCC', required: true, width: 22, text: true, note: '18位，GB 32100-2015，最后一位为校验码。请保持单元格为文本格式。' },
  { key: 'regionCode', header: '行政区划代码', en: 'Region code', required: true, width: 16, text: true, note: '企业所在村(社区)的12位代码，也可填乡镇9位、县6位代码。须在您的管辖范围内，见“行政区划”表。' },
  { key: 'address', header: '生产经营地址', en: 'Address', required: true, width: 36, note: '最多200字。' },
  { key: 'industries', header: '行业', en: 'Industries', required: true, width: 24, note: '行业代码或名称，多个用“、”或逗号分隔，第一个为主行业（决定行业主管部门），最多10个。见“行业”表。' },
  { key: 'scale', header: '企业规模', en: 'Scale', required: true, width: 10, note: '大型、中型、小型或微型。' },
  { key: 'legalRepresentative', header: '法定代表人', en: 'Legal representative', required: true, width: 12, note: '最多50字。' },
  { key: 'principal', header: '主要负责人', en: 'Principal', required: true, width: 12, note: '最多50字。' },
  { key: 'actualController', header: '实际控制人', en: 'Actual controller', required: false, width: 12, note: '选填，最多50字。' },
  { key: 'safetyContacts', header: '安全联系人', en: 'Safety contacts', required: false, width: 36, note: `选填，“姓名:电话”，多个用“；”分隔，最多${MAX_SAFETY_CONTACTS}个。如：张伟:13800138000；李娜:0311-86001234` },
  { key: 'latitude', header: '纬度', en: 'Latitude', required: false, width: 12, note: '选填，十进制度数（3至54），与经度同时填写。' },
  { key: 'longitude', header: '经度', en: 'Longitude', required: false, width: 12, note: '选填，十进制度数（73至136），与纬度同时填写。' },
];

export const columnLabel = (c: ColumnSpec): Bilingual => ({ zh: c.header, en: `${c.en} (${c.header})` });

/** Header text as people type it: required marks, spaces and full-width forms dropped. */
export function normaliseHeader(value: string): string {
  return value.normalize('NFKC').replace(/[\s*＊]/g, '');
}

/**
 * A cell's text, whatever exceljs hands over (rich text, formula results, hyperlinks,
 * dates). `number` is set when the cell held a number: a USCC typed as a number has
 * already lost digits, which the validator must say rather than guess.
 */
export function cellText(value: ExcelJS.CellValue): { text: string; number: boolean } {
  if (value === null || value === undefined) return { text: '', number: false };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? value.toFixed(0) : String(value), number: true };
  if (typeof value === 'string') return { text: value.trim(), number: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', number: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), number: false };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), number: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? { text: '', number: false } : cellText(result);
  }
  if ('text' in value) return { text: String(value.text).trim(), number: false };
  return { text: '', number: false };
}

/** The one Content-Disposition writer (platform/exports). */
export { attachment } from '../../platform/exports/export-cells.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The import template: the data sheet (headers with comments), instructions, industries, regions. */
export async function buildTemplate(industries: Industry[], regions: { rows: { code: string; name: string; level: number }[]; truncated: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'anjian 安监';
  const data = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = data.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = c.note;
  });
  const scaleColumn = String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === 'scale'));
  // exceljs writes a range validation as one <dataValidation>; its typings omit `add`.
  (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${scaleColumn}2:${scaleColumn}${IMPORT_MAX_ROWS + 1}`, {
    type: 'list', allowBlank: true, formulae: [`"${ENTERPRISE_SCALES.map((s) => ENTERPRISE_SCALE_LABELS[s].zh).join(',')}"`],
  });

  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  const lines = [
    '企业名录导入说明',
    `1. 在“${DATA_SHEET}”表第2行起每行填写一家企业，不要修改表头；带 * 的列为必填。将鼠标移到表头可查看每列的说明。`,
    `2. 每个文件最多 ${IMPORT_MAX_ROWS} 行，文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，格式为 .xlsx。`,
    '3. 导入时先校验全部行：只要有一行有误，整个文件都不会导入，系统会逐行列出错误（如“第7行 统一社会信用代码：校验位应为 B，实际为 C”）。改正后重新上传即可。',
    '4. 统一社会信用代码不能与系统中已有企业或本文件其他行重复；同一行政区划内企业名称不能重复。',
    '5. 行政区划代码须在您的管辖范围内，尽量填到村(社区)一级，便于网格化监管。',
    '6. 行业填写“行业”表中的代码或名称，第一个行业为主行业，按“三管三必须”确定行业主管部门。',
  ];
  lines.forEach((line, i) => { help.getCell(i + 1, 1).value = line; });
  help.getCell(1, 1).font = { bold: true, size: 14 };

  const ind = wb.addWorksheet('行业');
  ind.columns = [{ header: '行业代码', width: 26 }, { header: '行业名称', width: 24 }, { header: 'Industry', width: 40 }];
  ind.getRow(1).font = { bold: true };
  for (const i of industries.filter((x) => x.active)) ind.addRow([i.code, i.nameZh, i.nameEn]);

  const reg = wb.addWorksheet('行政区划');
  reg.columns = [{ header: '行政区划代码', width: 16, style: { numFmt: '@' } }, { header: '名称', width: 30 }, { header: '级别', width: 12 }];
  reg.getRow(1).font = { bold: true };
  for (const r of regions.rows) reg.addRow([r.code, r.name, REGION_LEVEL_NAMES[r.level as RegionLevel].zh]);
  if (regions.truncated) reg.addRow(['', '更下级的区划代码较多，未全部列出，请在系统“行政区划”中查询。', '']);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
