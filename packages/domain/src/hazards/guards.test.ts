import { describe, expect, it } from 'vitest';
import { canDelist, checkAcceptance, checkListing, checkListingDetails, checkReason, checkSubmission } from './acceptance.js';
import type { GuardResult } from './guard-result.js';
import { checkAssignment, checkExtensionRequest, checkRejection, decideExtension, type AssignmentInput, type RectificationPlan } from './guards.js';

const fields = (r: GuardResult) => (r.ok ? [] : r.problems.map((p) => `${p.field}:${p.reason}`));

const plan: RectificationPlan = {
  responsibility: '企业主要负责人张三',
  measures: '更换腐蚀管道，增设可燃气体报警',
  funds: '企业自筹 50 万元',
  deadline: '2026-05-31',
  contingencyPlan: '整改期间停用该区域，专人监护',
};
const general: AssignmentInput = {
  level: 'general',
  foundOn: '2026-04-01',
  deadline: '2026-04-15',
  responsibleUnit: '某某化工有限公司',
  responsiblePerson: '张三',
  supervisingDepartment: '县应急管理局',
};
const major: AssignmentInput = { ...general, level: 'major', deadline: '2026-06-30', plan };

describe('checkAssignment', () => {
  it('accepts a complete general assignment without a plan', () => {
    expect(checkAssignment(general)).toEqual({ ok: true });
  });

  it('accepts a deadline on the finding date itself, refuses the day before', () => {
    expect(checkAssignment({ ...general, deadline: '2026-04-01' }).ok).toBe(true);
    const result = checkAssignment({ ...general, deadline: '2026-03-31' });
    expect(fields(result)).toEqual(['deadline:before_found_on']);
    expect(!result.ok && result.problems[0]?.message.zh).toBe('整改期限不能早于隐患发现日期');
  });

  it('checks the deadline against the assignment date when given', () => {
    expect(checkAssignment({ ...general, assignedOn: '2026-04-15' }).ok).toBe(true);
    expect(fields(checkAssignment({ ...general, assignedOn: '2026-04-16' }))).toEqual(['deadline:before_assigned_on']);
  });

  it('names every missing field, treating whitespace as missing', () => {
    expect(fields(checkAssignment({ ...general, responsibleUnit: ' ', responsiblePerson: '', supervisingDepartment: '\t' }))).toEqual([
      'responsibleUnit:required',
      'responsiblePerson:required',
      'supervisingDepartment:required',
    ]);
  });

  it('refuses impossible dates', () => {
    expect(fields(checkAssignment({ ...general, deadline: '2026-02-30' }))).toEqual(['deadline:invalid_date']);
    expect(fields(checkAssignment({ ...general, foundOn: '2026/04/01' }))).toEqual(['foundOn:invalid_date']);
  });

  it('refuses a major hazard without its 五落实 plan', () => {
    expect(fields(checkAssignment({ ...major, plan: undefined }))).toEqual(['plan:required']);
    expect(fields(checkAssignment({ ...major, plan: null }))).toEqual(['plan:required']);
    expect(checkAssignment(major)).toEqual({ ok: true });
  });

  it.each(['responsibility', 'measures', 'funds', 'contingencyPlan'] as const)('refuses a plan with an empty %s', (key) => {
    expect(fields(checkAssignment({ ...major, plan: { ...plan, [key]: '  ' } }))).toEqual([`plan.${key}:required`]);
  });

  it('names all five when the plan is empty', () => {
    const empty = { responsibility: '', measures: '', funds: '', deadline: '', contingencyPlan: '' };
    expect(fields(checkAssignment({ ...major, plan: empty }))).toEqual([
      'plan.responsibility:required',
      'plan.measures:required',
      'plan.funds:required',
      'plan.contingencyPlan:required',
      'plan.deadline:invalid_date',
    ]);
  });

  it('keeps the plan deadline between the finding date and the deadline, both inclusive', () => {
    expect(checkAssignment({ ...major, plan: { ...plan, deadline: '2026-06-30' } }).ok).toBe(true);
    expect(checkAssignment({ ...major, plan: { ...plan, deadline: '2026-04-01' } }).ok).toBe(true);
    expect(fields(checkAssignment({ ...major, plan: { ...plan, deadline: '2026-07-01' } }))).toEqual(['plan.deadline:after_deadline']);
    expect(fields(checkAssignment({ ...major, plan: { ...plan, deadline: '2026-03-31' } }))).toEqual(['plan.deadline:before_found_on']);
  });

  it('holds a voluntary plan on a general hazard to the same standard', () => {
    expect(fields(checkAssignment({ ...general, plan: { ...plan, funds: '' } }))).toEqual(['plan.funds:required', 'plan.deadline:after_deadline']);
  });

  it('gives bilingual messages', () => {
    const result = checkAssignment({ ...major, plan: null });
    expect(!result.ok && result.problems[0]?.message.zh).toContain('五落实');
    expect(!result.ok && result.problems[0]?.message.en).toContain('contingency plan');
  });
});

describe('checkRejection', () => {
  it('accepts the two reasons; a duplicate must name its original', () => {
    expect(checkRejection({ reason: 'not_hazard' }).ok).toBe(true);
    expect(checkRejection({ reason: 'duplicate', duplicateOf: 'h-123' }).ok).toBe(true);
    expect(fields(checkRejection({ reason: 'duplicate' }))).toEqual(['duplicateOf:required']);
    expect(fields(checkRejection({ reason: 'too_expensive' }))).toEqual(['reason:invalid']);
  });
});

describe('extensions', () => {
  it('asks for a later date and a reason', () => {
    expect(checkExtensionRequest({ currentDeadline: '2026-04-15', requestedDeadline: '2026-04-16', reason: '设备到货延迟' }).ok).toBe(true);
    expect(fields(checkExtensionRequest({ currentDeadline: '2026-04-15', requestedDeadline: '2026-04-15', reason: '设备到货延迟' }))).toEqual(['requestedDeadline:not_later']);
    expect(fields(checkExtensionRequest({ currentDeadline: '2026-04-15', requestedDeadline: '2026-04-20', reason: ' ' }))).toEqual(['reason:required']);
  });

  it('moves the deadline on approval, to the requested or the granted date', () => {
    const base = { currentDeadline: '2026-04-15', requestedDeadline: '2026-04-30' };
    expect(decideExtension({ ...base, approve: true })).toEqual({ ok: true, deadline: '2026-04-30' });
    expect(decideExtension({ ...base, approve: true, grantedDeadline: '2026-04-20' })).toEqual({ ok: true, deadline: '2026-04-20' });
    expect(decideExtension({ ...base, approve: true, grantedDeadline: '2026-04-15' }).ok).toBe(false);
  });

  it('keeps the deadline on refusal, which needs a reason', () => {
    const base = { currentDeadline: '2026-04-15', requestedDeadline: '2026-04-30', approve: false };
    expect(decideExtension({ ...base, reason: '理由不充分' })).toEqual({ ok: true, deadline: '2026-04-15' });
    expect(decideExtension(base)).toMatchObject({ ok: false, problems: [{ field: 'reason', reason: 'required' }] });
  });
});

describe('acceptance', () => {
  it('needs at least one after-photo to submit', () => {
    expect(checkSubmission({ afterPhotoCount: 1 }).ok).toBe(true);
    expect(fields(checkSubmission({ afterPhotoCount: 0 }))).toEqual(['afterPhotos:required']);
  });

  it('needs 双归零 for a major hazard only', () => {
    expect(checkAcceptance({ level: 'general' }).ok).toBe(true);
    expect(checkAcceptance({ level: 'major', rootCause: '管道腐蚀未纳入巡检', managementLoopholeFixed: '巡检制度已修订' }).ok).toBe(true);
    expect(fields(checkAcceptance({ level: 'major', rootCause: '管道腐蚀' }))).toEqual(['managementLoopholeFixed:required']);
    expect(fields(checkAcceptance({ level: 'major' }))).toEqual(['rootCause:required', 'managementLoopholeFixed:required']);
  });

  it('needs a reason to reject or to fail a re-review', () => {
    expect(checkReason('照片不清晰').ok).toBe(true);
    expect(fields(checkReason(''))).toEqual(['reason:required']);
    expect(fields(checkReason(null))).toEqual(['reason:required']);
  });
});

describe('listing (挂牌督办)', () => {
  it.each([
    [1, true],
    [2, true],
    [3, true],
    [0, false],
    [4, false],
    [5, false],
  ])('a government at region level %i may list: %s', (level, ok) => {
    expect(checkListing(level, 'major').ok).toBe(ok);
  });

  it('lists only a major hazard', () => {
    expect(fields(checkListing(3, 'general'))).toEqual(['level:not_major']);
    expect(fields(checkListing(4, 'general'))).toEqual(['actor:level', 'level:not_major']);
  });

  it('lets only a higher level take over an existing listing', () => {
    expect(checkListing(2, 'major', 3).ok).toBe(true);
    expect(checkListing(1, 'major', 2).ok).toBe(true);
    expect(fields(checkListing(3, 'major', 3))).toEqual(['listedAtLevel:already_listed']);
    const lower = checkListing(3, 'major', 2);
    expect(fields(lower)).toEqual(['listedAtLevel:already_listed']);
    expect(!lower.ok && lower.problems[0]?.message.zh).toContain('市级');
  });

  it('needs the 包联领导 and the responsible department', () => {
    expect(checkListingDetails({ liaisonLeader: '李副县长', responsibleDepartment: '县应急管理局', orderSuspension: true }).ok).toBe(true);
    expect(fields(checkListingDetails({ liaisonLeader: '', responsibleDepartment: ' ', orderSuspension: false }))).toEqual(['liaisonLeader:required', 'responsibleDepartment:required']);
  });

  it.each([
    // [listed at, actor level, may de-list]
    [3, 3, true],
    [3, 2, true],
    [3, 1, true],
    [3, 4, false],
    [2, 3, false],
    [2, 2, true],
    [2, 1, true],
    [1, 2, false],
    [1, 1, true],
    [1, 0, false],
  ] as const)('listed at %i, actor at %i: may de-list %s', (listed, actor, ok) => {
    expect(canDelist(listed, actor).ok).toBe(ok);
  });

  it('cannot de-list what is not listed', () => {
    expect(fields(canDelist(null, 1))).toEqual(['listedAtLevel:not_listed']);
  });
});
