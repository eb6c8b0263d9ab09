import { describe, expect, it } from 'vitest';
import { ACCIDENT_CATEGORIES, ACCIDENT_CATEGORY_DEFINITIONS, escalationPath, ESCALATION_TARGET } from './categories.js';
import { ACCIDENT_GRADE_LABELS, ACCIDENT_GRADES, compareGrades, gradeAccident, wholeYuan, type AccidentFigures } from './grading.js';
import { canCloseInvestigation, vetoFlag } from './investigation.js';

const none: AccidentFigures = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
const grade = (f: Partial<AccidentFigures>) => gradeAccident({ ...none, ...f }).grade;

describe('gradeAccident (Decree 493)', () => {
  it('labels the grades, minding the English', () => {
    expect(ACCIDENT_GRADES.map((g) => ACCIDENT_GRADE_LABELS[g].zh)).toEqual(['一般事故', '较大事故', '重大事故', '特别重大事故']);
    expect(ACCIDENT_GRADE_LABELS.major.zh).toBe('较大事故');
    expect(ACCIDENT_GRADE_LABELS.serious.zh).toBe('重大事故');
    expect(compareGrades('serious', 'major')).toBeGreaterThan(0);
  });

  it.each([
    [0, 'ordinary'],
    [2, 'ordinary'],
    [3, 'major'],
    [9, 'major'],
    [10, 'serious'],
    [29, 'serious'],
    [30, 'extraordinary'],
    [300, 'extraordinary'],
  ])('%i deaths → %s', (deaths, expected) => {
    expect(grade({ deaths })).toBe(expected);
  });

  it.each([
    [9, 'ordinary'],
    [10, 'major'],
    [49, 'major'],
    [50, 'serious'],
    [99, 'serious'],
    [100, 'extraordinary'],
  ])('%i serious injuries → %s', (seriousInjuries, expected) => {
    expect(grade({ seriousInjuries })).toBe(expected);
  });

  it.each([
    [9_999_999, 'ordinary'],
    [10_000_000, 'major'],
    [49_999_999, 'major'],
    [50_000_000, 'serious'],
    [99_999_999, 'serious'],
    [100_000_000, 'extraordinary'],
  ])('a loss of %i yuan → %s', (directLossYuan, expected) => {
    expect(grade({ directLossYuan })).toBe(expected);
    expect(grade({ directLossYuan: BigInt(directLossYuan) })).toBe(expected);
    expect(grade({ directLossYuan: String(directLossYuan) })).toBe(expected);
  });

  it('never lets fen lift a loss over a threshold', () => {
    expect(grade({ directLossYuan: '9999999.99' })).toBe('ordinary');
    expect(grade({ directLossYuan: 9_999_999.99 })).toBe('ordinary');
    expect(grade({ directLossYuan: '10000000.00' })).toBe('major');
    expect(wholeYuan(' 123.45 ')).toBe(123n);
  });

  it('counts the missing as dead', () => {
    expect(gradeAccident({ ...none, deaths: 2, missing: 1 })).toMatchObject({ grade: 'major', deathsIncludingMissing: 3, decidedBy: ['deaths'] });
    expect(grade({ deaths: 0, missing: 10 })).toBe('serious');
    expect(grade({ deaths: 25, missing: 5 })).toBe('extraordinary');
    expect(grade({ deaths: 1, missing: 1 })).toBe('ordinary');
  });

  it('takes the highest grade any criterion reaches and says which one', () => {
    const result = gradeAccident({ deaths: 2, missing: 0, seriousInjuries: 60, directLossYuan: 20_000_000 });
    expect(result).toEqual({
      grade: 'serious',
      deathsIncludingMissing: 2,
      byCriterion: { deaths: 'ordinary', seriousInjuries: 'serious', directLoss: 'major' },
      decidedBy: ['seriousInjuries'],
    });
    expect(gradeAccident({ deaths: 3, missing: 0, seriousInjuries: 10, directLossYuan: 1 }).decidedBy).toEqual(['deaths', 'seriousInjuries']);
    expect(gradeAccident(none).decidedBy).toEqual(['deaths', 'seriousInjuries', 'directLoss']);
  });

  describe('the seeds’ accidents', () => {
    it('Shiyan gas explosion 6·13, 26 dead → 重大', () => {
      expect(gradeAccident({ ...none, deaths: 26 })).toMatchObject({ grade: 'serious', decidedBy: ['deaths'] });
    });
    it('Lushan fire 5·25, 38 dead → 特别重大', () => {
      expect(gradeAccident({ ...none, deaths: 38 })).toMatchObject({ grade: 'extraordinary', decidedBy: ['deaths'] });
    });
    it('Zhangjiakou explosion 11·28, 23 dead, 22 injured → 重大', () => {
      // Even if all 22 injuries were serious they reach only 较大; the deaths decide.
      const result = gradeAccident({ ...none, deaths: 23, seriousInjuries: 22 });
      expect(result.grade).toBe('serious');
      expect(ACCIDENT_GRADE_LABELS[result.grade].zh).toBe('重大事故');
      expect(result.byCriterion.seriousInjuries).toBe('major');
      expect(result.decidedBy).toEqual(['deaths']);
    });
  });

  it('refuses counts that are not whole and non-negative, and bad money', () => {
    expect(() => grade({ deaths: -1 })).toThrow(RangeError);
    expect(() => grade({ missing: 1.5 })).toThrow(RangeError);
    expect(() => grade({ seriousInjuries: Number.NaN })).toThrow(RangeError);
    expect(() => grade({ directLossYuan: -1 })).toThrow(RangeError);
    expect(() => grade({ directLossYuan: -1n })).toThrow(RangeError);
    expect(() => grade({ directLossYuan: '1e8' })).toThrow(RangeError);
    expect(() => grade({ directLossYuan: '-5' })).toThrow(RangeError);
    expect(() => grade({ directLossYuan: Infinity })).toThrow(RangeError);
  });
});

describe('categories and escalation', () => {
  it('gives road traffic and fire a 7-day supplement window, the rest 30', () => {
    const days = Object.fromEntries(ACCIDENT_CATEGORIES.map((c) => [c, ACCIDENT_CATEGORY_DEFINITIONS[c].supplementDays]));
    expect(days).toEqual({
      industrial_mining_trade: 30,
      road_traffic: 7,
      fire: 7,
      railway: 30,
      waterway: 30,
      fishing_vessel: 30,
      agricultural_machinery: 30,
      other: 30,
    });
    expect(ACCIDENT_CATEGORY_DEFINITIONS.industrial_mining_trade.label.zh).toBe('工矿商贸');
  });

  it('climbs to the city, the province or the State Council by grade', () => {
    expect(ESCALATION_TARGET).toEqual({ ordinary: 'city', major: 'province', serious: 'state_council', extraordinary: 'state_council' });
    expect(escalationPath('ordinary')).toEqual(['city']);
    expect(escalationPath('major')).toEqual(['city', 'province']);
    expect(escalationPath('extraordinary')).toEqual(['city', 'province', 'state_council']);
  });
});

describe('四不放过', () => {
  const all = { cause_identified: true, responsible_dealt_with: true, people_educated: true, measures_taken: true };

  it('closes with all four ticked and accountability recorded', () => {
    expect(canCloseInvestigation(all, 3)).toEqual({ ok: true });
  });

  it('names each open item and missing accountability', () => {
    const result = canCloseInvestigation({ ...all, people_educated: false, measures_taken: undefined }, 0);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['checklist.people_educated', 'checklist.measures_taken', 'accountability']);
    expect(!result.ok && result.problems[0]?.message.zh).toBe('四不放过：事故责任者和周围群众没有受到教育不放过');
  });

  it('needs no accountability record for an accident without liability, but still the checklist', () => {
    expect(canCloseInvestigation(all, 0, { liability: false }).ok).toBe(true);
    expect(canCloseInvestigation({}, 0, { liability: false }).ok).toBe(false);
  });
});

describe('一票否决', () => {
  const g = (...grades: ('ordinary' | 'major' | 'serious' | 'extraordinary')[]) => grades.map((grade) => ({ grade }));

  it.each([
    [[], false],
    [['ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary'], false],
    [['major'], false],
    [['major', 'ordinary'], false],
    [['major', 'major'], true],
    [['serious'], true],
    [['extraordinary'], true],
    [['ordinary', 'serious'], true],
  ] as const)('%j → veto %s', (grades, veto) => {
    expect(vetoFlag(g(...grades)).veto).toBe(veto);
  });

  it('gives the reason', () => {
    expect(vetoFlag(g('major', 'major', 'major'))).toEqual({ veto: true, seriousOrAbove: 0, major: 3, reason: { zh: '发生较大责任事故3起', en: '3 major accidents with responsibility' } });
    expect(vetoFlag(g('serious')).reason?.zh).toBe('发生重大及以上责任事故1起');
    expect(vetoFlag(g('major')).reason).toBeNull();
  });
});
