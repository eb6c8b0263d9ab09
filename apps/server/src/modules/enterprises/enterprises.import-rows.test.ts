import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, type Industry } from '@anjian/domain';
import { checkRows, industryLookup, parseRow, rowErrorDetail, sortErrors, type RawRow } from './enterprises.import-rows.js';
import { cellText, normaliseHeader } from './enterprises.xlsx.js';

const INDUSTRIES: Industry[] = [
  { code: 'construction', nameZh: '建筑施工', nameEn: 'Construction', sort: 1, active: true },
  { code: 'metallurgy', nameZh: '工贸·冶金', nameEn: 'Metallurgy', sort: 2, active: true },
  { code: 'retired', nameZh: '旧行业', nameEn: 'Retired', sort: 3, active: false },
];
const lookup = industryLookup(INDUSTRIES);
const USCC = '91110000802100433B';

function raw(row: number, over: Record<string, string | { text: string; number: boolean }> = {}): RawRow {
  const base: Record<string, string> = {
    name: '正定县恒安建材有限公司', uscc: USCC, regionCode: '130123100001', address: '正定镇恒东社区1号', industries: 'construction',
    scale: '小型', legalRepresentative: '王建国', principal: '李卫东', actualController: '', safetyContacts: '', latitude: '', longitude: '',
  };
  const cells: RawRow['cells'] = {};
  for (const [k, v] of Object.entries({ ...base, ...over })) cells[k as keyof RawRow['cells']] = typeof v === 'string' ? { text: v, number: false } : v;
  return { row, cells };
}

describe('parseRow', () => {
  it('reads a good row, folding the USCC and mapping names and labels to codes', () => {
    const { parsed, errors } = parseRow(raw(2, { uscc: '9111 0000 8021 0043 3b', industries: '冶金、construction，建筑施工', scale: 'medium', safetyContacts: '张伟：13800138000；李娜 0311-86001234', latitude: '38.1461234', longitude: '114.57' }), lookup);
    expect(errors).toEqual([]);
    expect(parsed).toMatchObject({
      ok: true, uscc: USCC, regionCandidates: ['130123100001'], industries: ['metallurgy', 'construction'], scale: 'medium',
      safetyContacts: [{ name: '张伟', phone: '13800138000' }, { name: '李娜', phone: '0311-86001234' }], latitude: 38.146123, longitude: 114.57, actualController: null,
    });
  });

  it('names every bad cell of a row', () => {
    const first17 = USCC.slice(0, 17);
    const { parsed, errors } = parseRow(raw(7, { name: '', uscc: `${first17}C`, regionCode: '1301231', industries: '建筑施工、旧行业', scale: '巨型', safetyContacts: '张伟', latitude: '91', longitude: '' }), lookup);
    expect(parsed.ok).toBe(false);
    expect(errors.map((e) => [e.column, e.reason])).toEqual([
      ['name', 'required'], ['uscc', 'uscc_check'], ['regionCode', 'invalid'], ['industries', 'unknown_industry'],
      ['scale', 'invalid'], ['safetyContacts', 'invalid'], ['latitude', 'out_of_range'], ['longitude', 'incomplete'],
    ]);
    expect(errors[1]!.message.zh).toBe(`校验位应为 ${usccCheckCharacter(first17)}，实际为 C`);
  });

  it('refuses a USCC that Excel stored as a number (its last digits are gone)', () => {
    const { errors } = parseRow(raw(3, { uscc: { text: '914403001922038200', number: true } }), lookup);
    expect(errors).toEqual([expect.objectContaining({ column: 'uscc', reason: 'number_cell' })]);
  });

  it('limits lengths and counts', () => {
    const { errors } = parseRow(raw(4, { address: '路'.repeat(201), safetyContacts: Array.from({ length: 6 }, (_, i) => `人${i}:1380013800${i}`).join(';') }), lookup);
    expect(errors.map((e) => [e.column, e.reason])).toEqual([['address', 'too_long'], ['safetyContacts', 'too_many']]);
  });
});

describe('checkRows', () => {
  const regions = new Map([['130123100001', { level: 5 }], ['130123', { level: 3 }]]);
  const parse = (r: RawRow) => parseRow(r, lookup).parsed;
  const other = '91130123MA0000000' + usccCheckCharacter('91130123MA0000000');

  it('finds repeats within the file and against the database, and regions out of scope', () => {
    const rows = [
      parse(raw(2)),
      parse(raw(3, { name: '另一家' })),                                           // same USCC as row 2
      parse(raw(4, { uscc: other, name: '正定县恒安建材有限公司' })),              // same name, same region as row 2
      parse(raw(5, { uscc: '91130125MA0000000' + usccCheckCharacter('91130125MA0000000'), regionCode: '130125' })),
      parse(raw(6, { uscc: '91130123MA0000001' + usccCheckCharacter('91130123MA0000001'), name: '已登记', regionCode: '130123000000' })),
    ];
    const { ready, errors } = checkRows(rows, { regions, existingUscc: new Set(), existingNames: new Set(['130123\u0000已登记']), departmentIndustries: null });
    expect(ready.map((r) => r.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'uscc', 'duplicate_in_file'], [4, 'name', 'duplicate_in_file'], [5, 'regionCode', 'not_found'], [6, 'name', 'duplicate'],
    ]);
    expect(ready[0]!.regionCode).toBe('130123100001');
  });

  it('checks a row with its own errors against the others too, and never passes it', () => {
    const rows = [parse(raw(2)), parse(raw(3, { scale: '巨型' }))];
    const { ready, errors } = checkRows(rows, { regions, existingUscc: new Set([USCC]), existingNames: new Set(), departmentIndustries: ['metallurgy'] });
    expect(ready).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'uscc', 'duplicate'], [2, 'industries', 'outside_department'],
      [3, 'uscc', 'duplicate'], [3, 'name', 'duplicate_in_file'], [3, 'industries', 'outside_department'],
    ]);
  });

  it('reports each error as `row N: 列名`, sorted by row and column', () => {
    const { errors } = parseRow(raw(9, { scale: '', name: '' }), lookup);
    const sorted = sortErrors([...errors].reverse());
    expect(sorted.map(rowErrorDetail).map((d) => d.field)).toEqual(['row 9: 企业名称', 'row 9: 企业规模']);
    expect(rowErrorDetail(sorted[0]!).message).toEqual({ zh: '第9行 企业名称：必填', en: 'Row 9, Name (企业名称): required' });
  });
});

describe('cell and header text', () => {
  it('reads what exceljs hands over', () => {
    expect(cellText(130123100001)).toEqual({ text: '130123100001', number: true });
    expect(cellText({ richText: [{ text: '正定' }, { text: '县 ' }] })).toEqual({ text: '正定县', number: false });
    expect(cellText({ formula: 'A1', result: '某公司' } as never)).toEqual({ text: '某公司', number: false });
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toEqual({ text: '链接', number: false });
    expect(cellText(null)).toEqual({ text: '', number: false });
  });

  it('matches headers with required marks and full-width forms', () => {
    expect(normaliseHeader(' 企业名称＊ ')).toBe('企业名称');
    expect(normaliseHeader('统一社会信用代码*')).toBe('统一社会信用代码');
  });
});
