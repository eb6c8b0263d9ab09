import {
  HAZARD_IMPORT_COLUMNS, HAZARD_LEVEL_LABELS, HAZARD_LEVELS, HAZARD_SOURCE_LABELS, HAZARD_SOURCES, HAZARD_STATUS_LABELS,
  HAZARD_STATUSES, isBusinessDate, LISTING_LEVEL_LABELS, type Bilingual, type HazardImportColumnKey, type HazardLevel,
  type HazardSource, type HazardStatus,
} from '@anjian/domain';
import type { ErrorDetail } from '../../platform/errors.js';

/**
 * Import rows checked without I/O. The importer looks up what a row names (region, enterprise,
 * industry) once per distinct value and passes the answers in; this file decides, row by row,
 * what is wrong — every problem of every row, so one report fixes the whole file.
 */

export interface RawCell { text: string; number: boolean }
export interface RawRow { row: number; cells: Partial<Record<HazardImportColumnKey, RawCell>> }
export interface RowError { row: number; column: HazardImportColumnKey | null; reason: string; message: Bilingual }

export interface RegionHit { code: string; level: number }
export interface EnterpriseHit { id: string; regionCode: string }

export type UsccCheck = { ok: true; code: string } | { ok: false; kind: string; message: Bilingual };

export interface Lookups {
  /** validateUscc, remembered per distinct text (a ledger names the same firms again and again). */
  uscc(text: string): UsccCheck;
  /** normaliseDate, remembered per distinct text. */
  date(text: string): string | null;
  /** The stored code an input denotes within the importer's subtree; null: none. */
  region(input: string): RegionHit | null;
  /** A registered enterprise the importer may see, by normalised USCC; null: none. */
  enterprise(uscc: string): EnterpriseHit | null;
  /** Industry code or name → code. */
  industry(token: string): string | undefined;
  /** Set for department staff: imported hazards must lie in these industries. */
  departmentIndustries: readonly string[] | null;
  today: string;
}

export interface ReadyHazard {
  row: number;
  title: string;
  level: HazardLevel;
  source: HazardSource;
  status: HazardStatus;
  regionCode: string;
  enterpriseId: string | null;
  industryCode: string | null;
  foundOn: string;
  deadline: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  closedOn: string | null;
  listedLevel: 1 | 2 | 3 | null;
  listedRegionCode: string | null;
}

const COLUMN = new Map(HAZARD_IMPORT_COLUMNS.map((c) => [c.key, c]));
const LISTABLE_STATUSES: readonly HazardStatus[] = ['verified', 'rectifying', 'pending_acceptance', 'closed'];
const NEEDS_DEADLINE: readonly HazardStatus[] = ['rectifying', 'pending_acceptance'];
const CODE_LENGTH_BY_LEVEL = [1, 2, 4, 6, 9, 12];

/** Header text as people type it: required marks, spaces and full-width forms dropped. */
const normalise = (value: string) => value.normalize('NFKC').replace(/[\s*＊]/g, '').toLowerCase();

function vocabulary<T extends string>(codes: readonly T[], labels: Record<T, Bilingual>, extra: [string, T][] = []): Map<string, T> {
  const map = new Map<string, T>();
  for (const c of codes) {
    map.set(c, c);
    map.set(normalise(labels[c].zh), c);
    map.set(normalise(labels[c].en), c);
  }
  for (const [text, c] of extra) map.set(normalise(text), c);
  return map;
}

const LEVELS = vocabulary(HAZARD_LEVELS, HAZARD_LEVEL_LABELS, [['一般', 'general'], ['重大', 'major'], ['一般隐患', 'general'], ['重大隐患', 'major']]);
const SOURCES = vocabulary(HAZARD_SOURCES, HAZARD_SOURCE_LABELS, [['自查', 'self_inspection'], ['监督检查', 'government_inspection'], ['执法检查', 'government_inspection'], ['专家', 'expert'], ['举报', 'public_report'], ['网格巡查', 'grid_patrol']]);
const STATUSES = vocabulary(HAZARD_STATUSES, HAZARD_STATUS_LABELS, [['上报', 'reported'], ['核实', 'verified'], ['销号', 'closed']]);
const LISTED = new Map<string, 1 | 2 | 3>([['1', 1], ['2', 2], ['3', 3], ['省', 1], ['市', 2], ['县', 3], ['省级', 1], ['市级', 2], ['县级', 3],
  ...([1, 2, 3] as const).map((l): [string, 1 | 2 | 3] => [normalise(LISTING_LEVEL_LABELS[l].zh), l])]);

/** Which column each header names: the Chinese header, the English label or the key itself. */
export function locateColumns(headers: string[]): { columns: Map<HazardImportColumnKey, number>; missing: HazardImportColumnKey[] } {
  const byHeader = new Map<string, HazardImportColumnKey>();
  for (const c of HAZARD_IMPORT_COLUMNS) {
    byHeader.set(normalise(c.header), c.key);
    byHeader.set(normalise(c.en), c.key);
    byHeader.set(normalise(c.key), c.key);
  }
  const columns = new Map<HazardImportColumnKey, number>();
  headers.forEach((h, i) => {
    const key = byHeader.get(normalise(h));
    if (key && !columns.has(key)) columns.set(key, i);
  });
  return { columns, missing: HAZARD_IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => c.key) };
}

/** 2026-1-5, 2026/01/05 and 2026.1.5 are all the 5th of January. Normalised dates compare as strings. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isBusinessDate(date) ? date : null;
}

export const text = (raw: RawRow, key: HazardImportColumnKey) => raw.cells[key]?.text.trim() ?? '';

export function parseHazardRow(raw: RawRow, lookups: Lookups): { ready: ReadyHazard | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: HazardImportColumnKey, reason: string, message: Bilingual) => { errors.push({ row: raw.row, column, reason, message }); };
  const required = (key: HazardImportColumnKey) => { if (text(raw, key) === '') fail(key, 'required', { zh: '必填', en: 'required' }); return text(raw, key); };
  const optional = (key: HazardImportColumnKey, max: number): string | null => {
    const value = text(raw, key);
    if (value.includes('\u0000')) fail(key, 'invalid_character', { zh: '含有非法字符', en: 'holds an invalid character' });
    else if (value.length > max) fail(key, 'too_long', { zh: `过长（最多 ${max} 个字符）`, en: `too long (at most ${max} characters)` });
    return value === '' ? null : value;
  };
  const choice = <T>(key: HazardImportColumnKey, map: Map<string, T>, allowed: string): T | null => {
    const value = required(key);
    if (value === '') return null;
    const hit = map.get(value) ?? map.get(normalise(value));
    if (hit === undefined) fail(key, 'invalid', { zh: `“${value}”无效，应为${allowed}`, en: `"${value}" is not one of ${allowed}` });
    return hit ?? null;
  };
  const date = (key: HazardImportColumnKey): string | null => {
    const value = text(raw, key);
    if (value === '') return null;
    const d = lookups.date(value);
    if (!d) fail(key, 'invalid_date', { zh: `“${value}”不是有效日期（应为 YYYY-MM-DD）`, en: `"${value}" is not a date (YYYY-MM-DD)` });
    return d;
  };

  const title = required('title');
  if (title.length > 100) fail('title', 'too_long', { zh: '过长（最多 100 个字符）', en: 'too long (at most 100 characters)' });
  else if (title.includes('\u0000')) fail('title', 'invalid_character', { zh: '含有非法字符', en: 'holds an invalid character' });
  const level = choice('level', LEVELS, '一般或重大');
  const source = choice('source', SOURCES, HAZARD_SOURCES.map((s) => HAZARD_SOURCE_LABELS[s].zh).join('、'));
  const status = choice('status', STATUSES, HAZARD_STATUSES.map((s) => HAZARD_STATUS_LABELS[s].zh).join('、'));

  let enterprise: EnterpriseHit | null = null;
  const usccText = text(raw, 'uscc');
  if (raw.cells.uscc?.number) {
    fail('uscc', 'number_cell', { zh: '单元格为数字格式，代码已丢失精度，请设为文本格式后重新填写', en: 'the cell is a number, so digits were lost; format it as text' });
  } else if (usccText !== '') {
    const checked = lookups.uscc(usccText);
    if (!checked.ok) fail('uscc', `uscc_${checked.kind}`, checked.message);
    else {
      enterprise = lookups.enterprise(checked.code);
      if (!enterprise) fail('uscc', 'not_found', { zh: '企业未登记或不在您的管辖范围内', en: 'no registered enterprise with this code within your jurisdiction' });
    }
  }

  let region: RegionHit | null = null;
  const regionText = text(raw, 'regionCode');
  if (regionText !== '') {
    region = lookups.region(regionText);
    if (!region) fail('regionCode', 'not_found', { zh: `“${regionText}”不是您管辖范围内的行政区划代码`, en: `"${regionText}" is not a region code within your jurisdiction` });
    else if (region.level < 1) fail('regionCode', 'invalid', { zh: '隐患须位于省及以下的行政区划', en: 'a hazard lies in a province or below' });
  } else if (enterprise) {
    region = { code: enterprise.regionCode, level: CODE_LENGTH_BY_LEVEL.indexOf(enterprise.regionCode.length) };
  } else if (usccText === '') {
    fail('regionCode', 'required', { zh: '行政区划代码与企业统一社会信用代码至少填写一项', en: 'give the region code or the enterprise' });
  }

  let industryCode: string | null = null;
  const industryText = text(raw, 'industry');
  if (industryText !== '') {
    industryCode = lookups.industry(industryText) ?? null;
    if (!industryCode) fail('industry', 'unknown_industry', { zh: `未知行业“${industryText}”`, en: `unknown industry "${industryText}"` });
  }
  if (lookups.departmentIndustries && (industryCode ? !lookups.departmentIndustries.includes(industryCode) : industryText === '')) {
    fail('industry', 'outside_department', { zh: '须为本部门监管的行业', en: 'must be an industry your department supervises' });
  }

  const foundOn = date('foundOn');
  if (text(raw, 'foundOn') === '') fail('foundOn', 'required', { zh: '必填', en: 'required' });
  else if (foundOn && foundOn > lookups.today) fail('foundOn', 'future', { zh: '不能晚于今天', en: 'cannot be in the future' });
  const deadline = date('deadline');
  if (deadline && foundOn && deadline < foundOn) fail('deadline', 'before_found', { zh: '不能早于发现日期', en: 'cannot be before the date found' });
  if (!deadline && text(raw, 'deadline') === '' && status && NEEDS_DEADLINE.includes(status)) fail('deadline', 'required', { zh: '整改中、待验收的隐患须填写整改期限', en: 'required while rectifying or awaiting acceptance' });
  const closedOn = date('closedOn');
  if (status === 'closed' && text(raw, 'closedOn') === '') fail('closedOn', 'required', { zh: '已销号的隐患须填写销号日期', en: 'required for a closed hazard' });
  if (status && status !== 'closed' && text(raw, 'closedOn') !== '') fail('closedOn', 'not_closed', { zh: '未销号的隐患不能有销号日期', en: 'only a closed hazard has a closing date' });
  if (closedOn && foundOn && closedOn < foundOn) fail('closedOn', 'before_found', { zh: '不能早于发现日期', en: 'cannot be before the date found' });
  if (closedOn && closedOn > lookups.today) fail('closedOn', 'future', { zh: '不能晚于今天', en: 'cannot be in the future' });

  const responsibleUnit = optional('responsibleUnit', 100);
  const responsiblePerson = optional('responsiblePerson', 50);

  let listedLevel: 1 | 2 | 3 | null = null;
  const listedText = text(raw, 'listedLevel');
  if (listedText !== '') {
    listedLevel = LISTED.get(normalise(listedText)) ?? null;
    if (!listedLevel) fail('listedLevel', 'invalid', { zh: `“${listedText}”无效，应为省级、市级或县级`, en: `"${listedText}" is not 1, 2 or 3 (province, city, county)` });
    else if (level && level !== 'major') fail('listedLevel', 'not_major', { zh: '只有重大事故隐患可以挂牌督办', en: 'only a major hazard can be listed' });
    else if (status && !LISTABLE_STATUSES.includes(status)) fail('listedLevel', 'not_verified', { zh: '未经核实或不予认定的隐患不能挂牌督办', en: 'an unverified or rejected hazard cannot be listed' });
    else if (region && region.level < listedLevel) fail('listedLevel', 'above_region', { zh: '挂牌级别不能低于隐患所在区划的级别', en: 'the listing level lies below the hazard’s region' });
  }

  if (errors.length > 0 || !level || !source || !status || !region || !foundOn) return { ready: null, errors };
  return {
    ready: {
      row: raw.row, title, level, source, status, regionCode: region.code, enterpriseId: enterprise?.id ?? null, industryCode,
      foundOn, deadline, responsibleUnit, responsiblePerson, closedOn: status === 'closed' ? closedOn : null, listedLevel,
      listedRegionCode: listedLevel ? region.code.slice(0, CODE_LENGTH_BY_LEVEL[listedLevel]) : null,
    },
    errors,
  };
}

export function rowErrorDetail(e: RowError): ErrorDetail {
  const c = e.column ? COLUMN.get(e.column)! : null;
  const header = c?.header ?? '';
  return {
    field: c ? `row ${e.row}: ${c.header}` : `row ${e.row}`,
    reason: e.reason,
    message: { zh: `第${e.row}行 ${header}：${e.message.zh}`, en: `Row ${e.row}${c ? `, ${c.en} (${c.header})` : ''}: ${e.message.en}` },
  };
}

const ORDER = new Map(HAZARD_IMPORT_COLUMNS.map((c, i) => [c.key, i]));
export const sortErrors = (errors: RowError[]) => errors.sort((a, b) => a.row - b.row || (ORDER.get(a.column!) ?? -1) - (ORDER.get(b.column!) ?? -1));
