import type { Bilingual } from '../errors/error-codes.js';
import { normaliseRegionCode } from '../regions/region-code.js';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set — the digits and
 * the capitals without I, O, Z, S, V (too easily read as 1, 0, 2, 5, U). Layout:
 *   1      登记管理部门码  registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 …)
 *   2      机构类别码      organisation category within that authority
 *   3–8    登记管理机关行政区划码  GB/T 2260 region code, six digits
 *   9–17   主体标识码 (组织机构代码)  organisation code
 *   18     校验码          check character, modulus 31
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

/** The letters the standard leaves out; a code containing one is never valid. */
export const USCC_FORBIDDEN_LETTERS = ['I', 'O', 'Z', 'S', 'V'] as const;

/** 登记管理部门 and their 机构类别 (GB 32100-2015 Table 1), for display; unknown pairs are not rejected. */
export const USCC_AUTHORITIES: Record<string, { name: Bilingual; categories: Record<string, Bilingual> }> = {
  '1': {
    name: { zh: '机构编制', en: 'Public-sector establishment' },
    categories: {
      '1': { zh: '机关', en: 'Government organ' },
      '2': { zh: '事业单位', en: 'Public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation under the central establishment office' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '2': { name: { zh: '外交', en: 'Foreign affairs' }, categories: { '1': { zh: '外国常住新闻机构', en: 'Resident foreign news agency' }, '9': { zh: '其他', en: 'Other' } } },
  '3': {
    name: { zh: '司法行政', en: 'Justice administration' },
    categories: {
      '1': { zh: '律师执业机构', en: 'Law firm' },
      '2': { zh: '公证处', en: 'Notary office' },
      '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'Forensic institution' },
      '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '4': { name: { zh: '文化', en: 'Culture' }, categories: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' }, '9': { zh: '其他', en: 'Other' } } },
  '5': {
    name: { zh: '民政', en: 'Civil affairs' },
    categories: {
      '1': { zh: '社会团体', en: 'Social organisation' },
      '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
      '3': { zh: '基金会', en: 'Foundation' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '6': { name: { zh: '旅游', en: 'Tourism' }, categories: { '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' }, '2': { zh: '港澳台地区旅游部门常驻内地代表机构', en: 'HK/Macao/Taiwan tourism office' }, '9': { zh: '其他', en: 'Other' } } },
  '7': { name: { zh: '宗教', en: 'Religious affairs' }, categories: { '1': { zh: '宗教活动场所', en: 'Place of worship' }, '2': { zh: '宗教院校', en: 'Religious college' }, '9': { zh: '其他', en: 'Other' } } },
  '8': { name: { zh: '工会', en: 'Trade union' }, categories: { '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': { zh: '其他', en: 'Other' } } },
  '9': {
    name: { zh: '工商', en: 'Market regulation (industry and commerce)' },
    categories: {
      '1': { zh: '企业', en: 'Enterprise' },
      '2': { zh: '个体工商户', en: 'Individual business' },
      '3': { zh: '农民专业合作社', en: 'Farmers’ cooperative' },
    },
  },
  A: { name: { zh: '中央军委改革和编制办公室', en: 'CMC reform and establishment office' }, categories: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': { zh: '其他', en: 'Other' } } },
  N: {
    name: { zh: '农业', en: 'Agriculture' },
    categories: {
      '1': { zh: '组级集体经济组织', en: 'Group-level collective' },
      '2': { zh: '村级集体经济组织', en: 'Village-level collective' },
      '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  Y: { name: { zh: '其他', en: 'Other' }, categories: { '1': { zh: '其他', en: 'Other' } } },
};

export interface UsccParts {
  /** The normalised code: upper case, no spaces. */
  code: string;
  registrationAuthority: string;
  organisationCategory: string;
  /** The six digits as printed (e.g. '110000'). */
  regionCode: string;
  /** The same in the platform's canonical short form ('11'), or null if it is not a region code. */
  canonicalRegionCode: string | null;
  organisationCode: string;
  checkCharacter: string;
  authorityName: Bilingual | null;
  categoryName: Bilingual | null;
}

export type UsccResult =
  | { ok: true; parts: UsccParts }
  | { ok: false; kind: 'length'; length: number; message: Bilingual }
  | { ok: false; kind: 'charset'; position: number; character: string; message: Bilingual }
  | { ok: false; kind: 'region'; regionCode: string; message: Bilingual }
  | { ok: false; kind: 'check'; expected: string; actual: string; message: Bilingual };

export type UsccErrorKind = Extract<UsccResult, { ok: false }>['kind'];

/**
 * Codes are copied from licences, PDFs and phone keyboards: full-width characters (ＡＢ１２),
 * ideographic spaces and lower case are all common, so they are folded before checking.
 */
export function normaliseUscc(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null if one is outside the charset. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== USCC_LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check] as string;
}

export function validateUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (code.length !== USCC_LENGTH) {
    return {
      ok: false,
      kind: 'length',
      length: code.length,
      message: {
        zh: `统一社会信用代码应为18位，实际为${code.length}位`,
        en: `A unified social credit code has 18 characters, not ${code.length}`,
      },
    };
  }
  for (let i = 0; i < code.length; i++) {
    const character = code[i] as string;
    if (!USCC_CHARSET.includes(character)) {
      const hint = (USCC_FORBIDDEN_LETTERS as readonly string[]).includes(character)
        ? { zh: '（代码不使用字母 I、O、Z、S、V）', en: ' (codes never use I, O, Z, S or V)' }
        : { zh: '', en: '' };
      return {
        ok: false,
        kind: 'charset',
        position: i + 1,
        character,
        message: {
          zh: `第${i + 1}位字符“${character}”不合法${hint.zh}`,
          en: `Character ${i + 1} ("${character}") is not allowed${hint.en}`,
        },
      };
    }
  }
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return {
      ok: false,
      kind: 'region',
      regionCode,
      message: { zh: `第3至8位应为6位数字的行政区划码，实际为“${regionCode}”`, en: `Characters 3–8 must be a six-digit region code, not "${regionCode}"` },
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17)) as string;
  const actual = code[17] as string;
  if (expected !== actual) {
    return {
      ok: false,
      kind: 'check',
      expected,
      actual,
      message: { zh: `校验位应为 ${expected}，实际为 ${actual}`, en: `The check character should be ${expected}, not ${actual}` },
    };
  }
  const authority = USCC_AUTHORITIES[code[0] as string];
  return {
    ok: true,
    parts: {
      code,
      registrationAuthority: code[0] as string,
      organisationCategory: code[1] as string,
      regionCode,
      canonicalRegionCode: normaliseRegionCode(regionCode),
      organisationCode: code.slice(8, 17),
      checkCharacter: actual,
      authorityName: authority?.name ?? null,
      categoryName: authority?.categories[code[1] as string] ?? null,
    },
  };
}

export function isValidUscc(input: string): boolean {
  return validateUscc(input).ok;
}
