import type { Bilingual } from '../errors/error-codes.js';

/**
 * 生产安全事故等级, State Council Decree 493 (2007) art. 3. Beware the English: the decree's
 * 较大 is "major" and its 重大 is "serious", so "major" here is the second grade of four.
 */
export const ACCIDENT_GRADES = ['ordinary', 'major', 'serious', 'extraordinary'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const ACCIDENT_GRADE_LABELS = {
  ordinary: { zh: '一般事故', en: 'Ordinary accident' },
  major: { zh: '较大事故', en: 'Major accident' },
  serious: { zh: '重大事故', en: 'Serious accident' },
  extraordinary: { zh: '特别重大事故', en: 'Extraordinarily serious accident' },
} as const satisfies Record<AccidentGrade, Bilingual>;

export function gradeRank(grade: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(grade);
}

/** Negative when a is lower than b. */
export function compareGrades(a: AccidentGrade, b: AccidentGrade): number {
  return gradeRank(a) - gradeRank(b);
}

export function isAccidentGrade(value: string): value is AccidentGrade {
  return (ACCIDENT_GRADES as readonly string[]).includes(value);
}

export const ACCIDENT_CRITERIA = ['deaths', 'seriousInjuries', 'directLoss'] as const;
export type AccidentCriterion = (typeof ACCIDENT_CRITERIA)[number];

export const ACCIDENT_CRITERION_LABELS = {
  deaths: { zh: '死亡（含失踪）人数', en: 'Deaths (including missing)' },
  // The decree's 重伤 includes acute industrial poisoning (包括急性工业中毒).
  seriousInjuries: { zh: '重伤（含急性工业中毒）人数', en: 'Serious injuries (including acute poisoning)' },
  directLoss: { zh: '直接经济损失', en: 'Direct economic loss' },
} as const satisfies Record<AccidentCriterion, Bilingual>;

export interface GradeThreshold {
  deaths: number;
  seriousInjuries: number;
  directLossYuan: bigint;
}

/**
 * The lower bound of each grade above 一般, per criterion. "以上" includes the number and
 * "以下" excludes it, so each bound belongs to the grade it opens. Money is whole yuan in
 * bigint: thresholds are never compared through floating point.
 */
export const ACCIDENT_GRADE_THRESHOLDS = {
  extraordinary: { deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000n },
  serious: { deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000n },
  major: { deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000n },
} as const satisfies Record<Exclude<AccidentGrade, 'ordinary'>, GradeThreshold>;

/** Money as recorded: whole yuan (number or bigint) or a decimal string such as '12345678.90'. */
export type Yuan = number | bigint | string;

export interface AccidentFigures {
  deaths: number;
  /** 失踪: counted with the deaths for grading and statistics. */
  missing: number;
  seriousInjuries: number;
  directLossYuan: Yuan;
}

export interface GradeResult {
  grade: AccidentGrade;
  deathsIncludingMissing: number;
  /** The grade each criterion alone reaches. */
  byCriterion: Record<AccidentCriterion, AccidentGrade>;
  /** The criteria that reach the final grade (all three when nothing lifts it above 一般). */
  decidedBy: AccidentCriterion[];
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`);
  return value;
}

/** Whole yuan, rounded down: fen never lift an accident over a threshold set in whole yuan. */
export function wholeYuan(value: Yuan): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError(`a loss cannot be negative: ${value}`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`a loss must be a finite amount ≥ 0: ${value}`);
    return BigInt(Math.floor(value));
  }
  const match = /^\s*(\d+)(?:\.\d+)?\s*$/.exec(value);
  if (!match) throw new RangeError(`not a decimal amount of yuan: ${JSON.stringify(value)}`);
  return BigInt(match[1] as string);
}

function gradeFor(reaches: (t: GradeThreshold) => boolean): AccidentGrade {
  if (reaches(ACCIDENT_GRADE_THRESHOLDS.extraordinary)) return 'extraordinary';
  if (reaches(ACCIDENT_GRADE_THRESHOLDS.serious)) return 'serious';
  if (reaches(ACCIDENT_GRADE_THRESHOLDS.major)) return 'major';
  return 'ordinary';
}

/** Decree 493 grading: the highest grade any one criterion reaches. */
export function gradeAccident(figures: AccidentFigures): GradeResult {
  const deaths = count('deaths', figures.deaths) + count('missing', figures.missing);
  const injuries = count('seriousInjuries', figures.seriousInjuries);
  const loss = wholeYuan(figures.directLossYuan);
  const byCriterion: Record<AccidentCriterion, AccidentGrade> = {
    deaths: gradeFor((t) => deaths >= t.deaths),
    seriousInjuries: gradeFor((t) => injuries >= t.seriousInjuries),
    directLoss: gradeFor((t) => loss >= t.directLossYuan),
  };
  let grade: AccidentGrade = 'ordinary';
  for (const c of ACCIDENT_CRITERIA) if (compareGrades(byCriterion[c], grade) > 0) grade = byCriterion[c];
  return {
    grade,
    deathsIncludingMissing: deaths,
    byCriterion,
    decidedBy: ACCIDENT_CRITERIA.filter((c) => byCriterion[c] === grade),
  };
}
