import {
  CONTACT_PHONE_PATTERN, ENTERPRISE_SCALE_LABELS, ENTERPRISE_SCALES, LATITUDE_RANGE, LONGITUDE_RANGE, MAX_ENTERPRISE_INDUSTRIES,
  MAX_SAFETY_CONTACTS, regionCodeCandidates, validateUscc, type Bilingual, type EnterpriseScale, type Industry,
} from '@anjian/domain';
import type { ErrorDetail } from '../../platform/errors.js';
import { COLUMNS, type ColumnKey, type ColumnSpec } from './enterprises.xlsx.js';

/**
 * Import rows, validated without I/O: `parseRow` checks each row on its own, `checkRows`
 * checks them against each other and against what the database already holds (passed in).
 */

export interface RawCell { text: string; number: boolean }
export interface RawRow { row: number; cells: Partial<Record<ColumnKey, RawCell>> }

export interface ParsedRow {
  row: number;
  /** False when the row has errors of its own; it is still checked against the others. */
  ok: boolean;
  name: string;
  uscc: string;
  regionCandidates: string[];
  address: string;
  industries: string[];
  scale: EnterpriseScale;
  legalRepresentative: string;
  principal: string;
  actualController: string | null;
  safetyContacts: { name: string; phone: string }[];
  latitude: number | null;
  longitude: number | null;
}

export interface RowError { row: number; column: ColumnKey; reason: string; message: Bilingual }

export interface ReadyRow extends ParsedRow { regionCode: string }

const column = (key: ColumnKey): ColumnSpec => COLUMNS.find((c) => c.key === key)!;

/** Industry codes and Chinese names (and a few spellings of them) → code. */
export function industryLookup(industries: Industry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of industries.filter((x) => x.active)) {
    map.set(i.code.toLowerCase(), i.code);
    map.set(i.nameZh, i.code);
    // "工贸·冶金" is often typed "冶金" or "工贸冶金".
    for (const part of i.nameZh.split(/[·/／]/)) if (!map.has(part)) map.set(part, i.code);
    map.set(i.nameZh.replace(/[·/／]/g, ''), i.code);
  }
  return map;
}

const SCALE_BY_TEXT = new Map<string, EnterpriseScale>(ENTERPRISE_SCALES.flatMap((s) => [
  [s, s], [ENTERPRISE_SCALE_LABELS[s].zh, s], [ENTERPRISE_SCALE_LABELS[s].zh.replace('型', ''), s], [`${ENTERPRISE_SCALE_LABELS[s].zh}企业`, s],
] as [string, EnterpriseScale][]));

export function parseRow(raw: RawRow, industries: Map<string, string>): { parsed: ParsedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (key: ColumnKey, reason: string, message: Bilingual) => { errors.push({ row: raw.row, column: key, reason, message }); };
  const text = (key: ColumnKey) => raw.cells[key]?.text ?? '';

  const required = (key: ColumnKey, max: number): string => {
    const value = text(key);
    if (value === '') fail(key, 'required', { zh: '必填', en: 'required' });
    else if (value.length > max) fail(key, 'too_long', { zh: `过长（最多 ${max} 个字符）`, en: `too long (at most ${max} characters)` });
    return value;
  };
  const optional = (key: ColumnKey, max: number): string | null => {
    const value = text(key);
    if (value.length > max) fail(key, 'too_long', { zh: `过长（最多 ${max} 个字符）`, en: `too long (at most ${max} characters)` });
    return value === '' ? null : value;
  };

  const name = required('name', 100);
  const address = required('address', 200);
  const legalRepresentative = required('legalRepresentative', 50);
  const principal = required('principal', 50);
  const actualController = optional('actualController', 50);

  let uscc = '';
  if (raw.cells.uscc?.number) {
    fail('uscc', 'number_cell', { zh: '单元格为数字格式，代码已丢失精度，请设为文本格式后重新填写', en: 'the cell is a number, so digits were lost; format it as text and re-enter the code' });
  } else if (text('uscc') === '') {
    fail('uscc', 'required', { zh: '必填', en: 'required' });
  } else {
    const result = validateUscc(text('uscc'));
    if (result.ok) uscc = result.parts.code;
    else fail('uscc', `uscc_${result.kind}`, result.message);
  }

  const regionInput = text('regionCode');
  const regionCandidates = regionCodeCandidates(regionInput);
  if (regionInput === '') fail('regionCode', 'required', { zh: '必填', en: 'required' });
  else if (regionCandidates.length === 0) fail('regionCode', 'invalid', { zh: `“${regionInput}”不是有效的行政区划代码（应为 6、9 或 12 位数字）`, en: `"${regionInput}" is not a region code (6, 9 or 12 digits)` });

  const codes: string[] = [];
  const industryText = text('industries');
  if (industryText === '') fail('industries', 'required', { zh: '必填', en: 'required' });
  for (const token of industryText.split(/[,，、;；\s]+/).filter(Boolean)) {
    const code = industries.get(token) ?? industries.get(token.toLowerCase());
    if (!code) fail('industries', 'unknown_industry', { zh: `未知行业“${token}”，见“行业”表`, en: `unknown industry "${token}" (see the industry sheet)` });
    else if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length > MAX_ENTERPRISE_INDUSTRIES) fail('industries', 'too_many', { zh: `最多 ${MAX_ENTERPRISE_INDUSTRIES} 个行业`, en: `at most ${MAX_ENTERPRISE_INDUSTRIES} industries` });

  const scaleText = text('scale');
  const scale = SCALE_BY_TEXT.get(scaleText) ?? SCALE_BY_TEXT.get(scaleText.toLowerCase());
  if (scaleText === '') fail('scale', 'required', { zh: '必填', en: 'required' });
  else if (!scale) fail('scale', 'invalid', { zh: `“${scaleText}”无效，应为大型、中型、小型或微型`, en: `"${scaleText}" is not one of large, medium, small, micro (大型、中型、小型、微型)` });

  const safetyContacts: { name: string; phone: string }[] = [];
  const contactsText = text('safetyContacts');
  for (const entry of contactsText.split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const match = /^(.+?)\s*[:：\s]\s*([0-9][0-9-]*)$/.exec(entry);
    if (!match || !CONTACT_PHONE_PATTERN.test(match[2]!) || match[1]!.length > 30) {
      fail('safetyContacts', 'invalid', { zh: `“${entry}”应为“姓名:电话”，电话为11位手机号或带区号的固定电话`, en: `"${entry}" must be "name:phone" with a mobile number or a landline with area code` });
    } else {
      safetyContacts.push({ name: match[1]!, phone: match[2]! });
    }
  }
  if (safetyContacts.length > MAX_SAFETY_CONTACTS) fail('safetyContacts', 'too_many', { zh: `最多 ${MAX_SAFETY_CONTACTS} 个联系人`, en: `at most ${MAX_SAFETY_CONTACTS} contacts` });

  const coordinate = (key: 'latitude' | 'longitude', [min, max]: readonly [number, number]): number | null => {
    const value = text(key);
    if (value === '') return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) {
      fail(key, 'out_of_range', { zh: `“${value}”应为 ${min} 至 ${max} 之间的数`, en: `"${value}" must be a number between ${min} and ${max}` });
      return null;
    }
    return Math.round(n * 1e6) / 1e6;
  };
  const latitude = coordinate('latitude', LATITUDE_RANGE);
  const longitude = coordinate('longitude', LONGITUDE_RANGE);
  if ((text('latitude') === '') !== (text('longitude') === '')) {
    fail(text('latitude') === '' ? 'latitude' : 'longitude', 'incomplete', { zh: '经度和纬度须同时填写', en: 'give both latitude and longitude, or neither' });
  }

  return {
    parsed: {
      row: raw.row, ok: errors.length === 0, name, uscc, regionCandidates, address, industries: codes, scale: scale ?? 'small',
      legalRepresentative, principal, actualController, safetyContacts, latitude, longitude,
    },
    errors,
  };
}

export interface CrossCheckInput {
  /** Region codes inside the importer's subtree, with their level. */
  regions: Map<string, { level: number }>;
  existingUscc: Set<string>;
  /** `region\u0000name` of enterprises already registered. */
  existingNames: Set<string>;
  /** Department staff: a row must share one of these industries. */
  departmentIndustries: readonly string[] | null;
}

export function checkRows(rows: ParsedRow[], input: CrossCheckInput): { ready: ReadyRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const ready: ReadyRow[] = [];
  const usccRow = new Map<string, number>();
  const nameRow = new Map<string, number>();
  for (const row of rows) {
    const before = errors.length;
    const fail = (key: ColumnKey, reason: string, message: Bilingual) => { errors.push({ row: row.row, column: key, reason, message }); };
    const regionCode = row.regionCandidates.find((c) => input.regions.has(c));
    if (row.regionCandidates.length === 0) {
      // already reported by parseRow
    } else if (regionCode === undefined) {
      fail('regionCode', 'not_found', { zh: '行政区划代码不存在或不在您的管辖范围内', en: 'no such region code within your jurisdiction' });
    } else if (input.regions.get(regionCode)!.level < 1) {
      fail('regionCode', 'invalid', { zh: '企业须登记在省及以下的行政区划', en: 'an enterprise is registered in a province or below' });
    }
    const firstUscc = usccRow.get(row.uscc);
    if (row.uscc === '') {
      // already reported by parseRow
    } else if (firstUscc !== undefined) fail('uscc', 'duplicate_in_file', { zh: `与第${firstUscc}行重复`, en: `repeats row ${firstUscc}` });
    else if (input.existingUscc.has(row.uscc)) fail('uscc', 'duplicate', { zh: `${row.uscc} 已在系统中登记`, en: `${row.uscc} is already registered` });
    else usccRow.set(row.uscc, row.row);
    if (regionCode !== undefined && row.name !== '') {
      const key = `${regionCode}\u0000${row.name}`;
      const firstName = nameRow.get(key);
      if (firstName !== undefined) fail('name', 'duplicate_in_file', { zh: `与第${firstName}行在同一区划内重名`, en: `same name in the same region as row ${firstName}` });
      else if (input.existingNames.has(key)) fail('name', 'duplicate', { zh: '该区划内已有同名企业', en: 'an enterprise of this name is already registered in this region' });
      else nameRow.set(key, row.row);
    }
    if (input.departmentIndustries && row.industries.length > 0 && !row.industries.some((i) => input.departmentIndustries!.includes(i))) {
      fail('industries', 'outside_department', { zh: '须至少包含一个本部门监管的行业', en: 'must include an industry your department supervises' });
    }
    if (row.ok && errors.length === before) ready.push({ ...row, regionCode: regionCode! });
  }
  return { ready, errors };
}

/** One error detail per bad cell: `row 7: 统一社会信用代码`, with the row in the message too. */
export function rowErrorDetail(e: RowError): ErrorDetail {
  const c = column(e.column);
  return {
    field: `row ${e.row}: ${c.header}`,
    reason: e.reason,
    message: { zh: `第${e.row}行 ${c.header}：${e.message.zh}`, en: `Row ${e.row}, ${c.en} (${c.header}): ${e.message.en}` },
  };
}

export const sortErrors = (errors: RowError[]) =>
  errors.sort((a, b) => a.row - b.row || COLUMNS.findIndex((c) => c.key === a.column) - COLUMNS.findIndex((c) => c.key === b.column));
