import { describe, expect, it } from 'vitest';
import { canChangeEnterpriseStatus, ENTERPRISE_STATUS_LABELS, ENTERPRISE_STATUSES, isEnterpriseStatus } from './status.js';
import { isValidUscc, normaliseUscc, USCC_CHARSET, usccCheckCharacter, validateUscc } from './uscc.js';

/*
 * Codes as published by well-known companies (licences, annual reports, filings). A random
 * 18-character string passes the check with probability 1/31, so nine of them passing is
 * independent evidence that the weights and the charset are right.
 */
const PUBLISHED = [
  '91110000802100433B',
  '914403001922038216',
  '91330100799655058B',
  '91440300708461136T',
  '91110000710925462X',
  '9144030071526726XG',
  '91110000100010433L',
  '91310000607216596U',
  '91110108551385082Q',
  '91110000710935732K',
];

describe('validateUscc', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(validateUscc(code).ok).toBe(true);
  });

  it('checks by the standard’s arithmetic, worked by hand', () => {
    // 9·1 + 1·3 + 1·9 + 1·27 + 8·20 + 2·25 + 1·13 + 4·10 + 3·30 + 3·28 = 485;
    // 485 mod 31 = 20; 31 − 20 = 11 → the 12th character of the set, 'B'.
    expect(usccCheckCharacter('91110000802100433')).toBe('B');
    expect(USCC_CHARSET[11]).toBe('B');
  });

  it('maps 31 to 0 and 30 to Y', () => {
    // Σ for 91110000000000025 is a multiple of 31, so 31 − 0 = 31 → 0.
    expect(usccCheckCharacter('91110000000000025')).toBe('0');
    expect(validateUscc('911100000000000250').ok).toBe(true);
    expect(usccCheckCharacter('91110000000000015')).toBe('Y');
    expect(validateUscc('91110000000000015Y').ok).toBe(true);
  });

  it('parses the parts', () => {
    const result = validateUscc('91110108551385082Q');
    expect(result).toEqual({
      ok: true,
      parts: {
        code: '91110108551385082Q',
        registrationAuthority: '9',
        organisationCategory: '1',
        regionCode: '110108',
        canonicalRegionCode: '110108',
        organisationCode: '551385082',
        checkCharacter: 'Q',
        authorityName: { zh: '工商', en: 'Market regulation (industry and commerce)' },
        categoryName: { zh: '企业', en: 'Enterprise' },
      },
    });
    const province = validateUscc('91110000802100433B');
    expect(province.ok && province.parts.canonicalRegionCode).toBe('11');
  });

  it('accepts non-enterprise authorities and leaves unknown categories unnamed', () => {
    // 民政 / 社会团体 and 机构编制 / 事业单位, check characters from the arithmetic above.
    const society = validateUscc('51110000500000000B');
    expect(society.ok && society.parts.categoryName).toEqual({ zh: '社会团体', en: 'Social organisation' });
    const institution = validateUscc('12100000400000000W');
    expect(institution.ok && institution.parts.authorityName?.zh).toBe('机构编制');
    const unknown = validateUscc(`9A110000802100433${usccCheckCharacter('9A110000802100433')}`);
    expect(unknown.ok && unknown.parts.categoryName).toBeNull();
  });

  it('folds lower case, spaces and full-width characters', () => {
    expect(normaliseUscc(' 9111 0000 8021 0043 3b ')).toBe('91110000802100433B');
    expect(validateUscc('91110000802100433b').ok).toBe(true);
    expect(validateUscc('9111\u30000000802100433B').ok).toBe(true);
    expect(validateUscc('\t91110000802100433B\n').ok).toBe(true);
    expect(validateUscc('９１１１００００８０２１００４３３Ｂ').ok).toBe(true);
  });

  it.each([
    ['', 0],
    ['91110000802100433', 17],
    ['91110000802100433BB', 19],
    ['9111000080210043', 16],
  ])('rejects %j as the wrong length', (code, length) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, kind: 'length', length });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s and names its position', (letter) => {
    const result = validateUscc(`9111000080210043${letter}B`);
    expect(result).toMatchObject({ ok: false, kind: 'charset', position: 17, character: letter });
    expect(!result.ok && result.message.zh).toContain('I、O、Z、S、V');
  });

  it.each([['9111000080210043-B', '-'], ['9111000080210043#B', '#'], ['9111000080210043中B', '中']])('rejects %j: "%s" is not in the set', (code, ch) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, kind: 'charset', character: ch });
  });

  it('rejects a region part that is not six digits', () => {
    const first17 = '9111A000802100433';
    const code = `${first17}${usccCheckCharacter(first17)}`;
    expect(validateUscc(code)).toMatchObject({ ok: false, kind: 'region', regionCode: '11A000' });
  });

  it('names the expected check character', () => {
    const result = validateUscc('91110000802100433C');
    expect(result).toMatchObject({ ok: false, kind: 'check', expected: 'B', actual: 'C' });
    expect(!result.ok && result.message).toEqual({
      zh: '校验位应为 B，实际为 C',
      en: 'The check character should be B, not C',
    });
  });

  it('catches every single-character substitution in a body position', () => {
    // Weights are all non-zero modulo the prime 31, so any one changed character changes the sum.
    const code = '91110000802100433B';
    for (let i = 0; i < 17; i++) {
      for (const c of USCC_CHARSET) {
        if (c === code[i]) continue;
        const mutated = code.slice(0, i) + c + code.slice(i + 1);
        if (i >= 2 && i < 8 && !/\d/.test(c)) continue;
        expect(isValidUscc(mutated)).toBe(false);
      }
    }
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(usccCheckCharacter('9111000080210043')).toBeNull();
    expect(usccCheckCharacter('9111000080210043O')).toBeNull();
  });
});

describe('enterprise status', () => {
  it('labels every status', () => {
    expect(ENTERPRISE_STATUSES.map((s) => ENTERPRISE_STATUS_LABELS[s].zh)).toEqual(['正常', '停产整顿', '关闭']);
    expect(isEnterpriseStatus('suspended')).toBe(true);
    expect(isEnterpriseStatus('bankrupt')).toBe(false);
  });

  it('treats closure as final', () => {
    expect(canChangeEnterpriseStatus('operating', 'suspended')).toBe(true);
    expect(canChangeEnterpriseStatus('suspended', 'operating')).toBe(true);
    expect(canChangeEnterpriseStatus('suspended', 'closed')).toBe(true);
    expect(canChangeEnterpriseStatus('operating', 'closed')).toBe(true);
    expect(canChangeEnterpriseStatus('closed', 'operating')).toBe(false);
    expect(canChangeEnterpriseStatus('closed', 'suspended')).toBe(false);
    expect(canChangeEnterpriseStatus('operating', 'operating')).toBe(false);
  });
});
