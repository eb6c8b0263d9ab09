import type { z } from 'zod';
import {
  acceptanceStateHash, checkAcceptance, checkAssignment, checkExtensionRequest, checkListing, checkRejection, canDelist, decideExtension,
  regionLevel, type AcceptBody, type AccountabilityBody, type AssignBody, type CommentBody, type DecideExtensionBody, type DelistBody,
  type HazardAction, type ListBody, type ListingLevel, type ProgressBody, type ReasonBody, type RejectBody, type RequestExtensionBody, type ReviewBody,
  type SubmitBody, type SuperviseBody,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { OrgsService } from '../orgs/index.js';
import type { RoutingService } from '../routing/index.js';
import { guardError } from './hazards.errors.js';
import type { HazardsRepository } from './hazards.repository.js';
import { assertOwnFiles, type ActContext, type ActHandler, type ActOutcome } from './hazards.workflow.js';

export interface ActionDeps {
  repo: HazardsRepository;
  orgs: Pick<OrgsService, 'findReachable'>;
  routing: Pick<RoutingService, 'supervisingDepartment'>;
  ownedFiles: (userId: string, ids: string[]) => Promise<{ id: string }[]>;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  /** 挂牌督办 may order suspension; the enterprise's status follows (enterprises module). */
  suspendEnterprise?: (c: ActContext, enterpriseId: string, reason: string) => Promise<void>;
  inDraw: (drawId: string, hazardId: string) => Promise<boolean>;
}

type Body<S extends z.ZodType> = z.infer<S>;
const unchanged = (comment?: string | null): ActOutcome => ({ comment: comment ?? null });

/** The assigning level (or above, on its path) decides what was assigned: extensions, for one. */
async function assertAssigningLevel(deps: ActionDeps, user: SessionUser, assignedByOrgId: string | null) {
  if (!assignedByOrgId) return;
  const assigner = await deps.orgs.findReachable(user, assignedByOrgId);
  if (!assigner || !scopeOf(user).coversRegion(assigner.regionCode)) throw forbidden('hazard.assign');
}

async function department(deps: ActionDeps, user: SessionUser, id: string, field: string) {
  const org = await deps.orgs.findReachable(user, id);
  if (!org || org.type !== 'department') throw notFound({ zh: '行业主管部门', en: 'Department' }, field);
  return org;
}

export function createActionHandlers(deps: ActionDeps): Record<HazardAction, ActHandler> {
  const handlers = {
    verify: async (_c: ActContext, b: Body<typeof CommentBody>) => unchanged(b.comment),

    reject: async (c: ActContext, b: Body<typeof RejectBody>) => {
      const check = checkRejection(b);
      if (!check.ok) throw guardError(check.problems);
      if (b.duplicateOf !== undefined) {
        const [visible] = await deps.repo.visibleIds([b.duplicateOf], scopeOf(c.user), c.tx);
        if (!visible || visible === c.hazard.id) throw notFound({ zh: '原隐患', en: 'Original hazard' }, 'body.duplicateOf');
      }
      return { comment: b.comment ?? null, data: { reason: b.reason, duplicateOf: b.duplicateOf ?? null } };
    },

    assign: async (c: ActContext, b: Body<typeof AssignBody>) => {
      const responsibleId = b.responsibleOrgId ?? c.hazard.enterprise_id;
      if (!responsibleId) {
        throw new AppError('VALIDATION_FAILED', { summary: 'body.responsibleOrgId' }, [{ field: 'body.responsibleOrgId', reason: 'required', message: { zh: '该隐患不属于企业，请指定责任单位', en: 'the hazard has no enterprise; name the responsible organisation' } }]);
      }
      const responsible = await deps.orgs.findReachable(c.user, responsibleId);
      if (!responsible) throw notFound({ zh: '责任单位', en: 'Responsible organisation' }, 'body.responsibleOrgId');
      const deptId = b.supervisingDepartmentId ?? (c.hazard.industry_code ? await deps.routing.supervisingDepartment(c.hazard.region_code, c.hazard.industry_code) : null);
      if (!deptId) {
        throw new AppError('VALIDATION_FAILED', { summary: 'body.supervisingDepartmentId' }, [{ field: 'body.supervisingDepartmentId', reason: 'required', message: { zh: '三管三必须路由中没有该行业的监管部门，请指定', en: 'no department is routed for this industry; name one' } }]);
      }
      const dept = await department(deps, c.user, deptId, 'body.supervisingDepartmentId');
      const unit = b.responsibleUnit ?? responsible.name;
      const check = checkAssignment({ level: c.hazard.level, foundOn: c.hazard.found_on, deadline: b.deadline, assignedOn: c.today, responsibleUnit: unit, responsiblePerson: b.responsiblePerson, supervisingDepartment: dept.name, plan: b.plan ?? null });
      if (!check.ok) throw guardError(check.problems);
      return {
        comment: b.comment ?? null,
        patch: { responsible_org_id: responsible.id, responsible_unit: unit, responsible_person: b.responsiblePerson, supervising_department_id: dept.id, assigned_by_org_id: c.user.orgId, assigned_at: c.now, deadline: b.deadline, plan: b.plan ?? null },
        data: { responsibleOrgId: responsible.id, responsibleUnit: unit, responsiblePerson: b.responsiblePerson, supervisingDepartment: dept.name, deadline: b.deadline, plan: b.plan ?? null },
        notify: [{ orgId: responsible.id, kind: 'assigned', title: `隐患交办：${c.hazard.title}（限 ${b.deadline} 前整改）` }, { orgId: dept.id, kind: 'supervise', title: `请督办隐患：${c.hazard.title}` }],
      };
    },

    progress: async (c: ActContext, b: Body<typeof ProgressBody>) => {
      await assertOwnFiles(deps.ownedFiles, c.user, b.photos, 'body.photos');
      return { comment: b.comment, files: { ids: b.photos, kind: 'progress' } };
    },

    request_extension: async (c: ActContext, b: Body<typeof RequestExtensionBody>) => {
      const check = checkExtensionRequest({ currentDeadline: c.hazard.deadline!, requestedDeadline: b.requestedDeadline, reason: b.reason });
      if (!check.ok) throw guardError(check.problems);
      const request = { requestedDeadline: b.requestedDeadline, reason: b.reason, requestedAt: c.now.toISOString(), byOrgId: c.user.orgId };
      return { comment: b.reason, patch: { extension_request: request }, data: request, notify: [{ orgId: c.hazard.assigned_by_org_id, kind: 'extension_requested', title: `延期申请：${c.hazard.title}` }] };
    },

    decide_extension: async (c: ActContext, b: Body<typeof DecideExtensionBody>) => {
      await assertAssigningLevel(deps, c.user, c.hazard.assigned_by_org_id);
      const request = c.hazard.extension_request!;
      const decision = decideExtension({ approve: b.approve, currentDeadline: c.hazard.deadline!, requestedDeadline: request.requestedDeadline, grantedDeadline: b.grantedDeadline, reason: b.reason });
      if (!decision.ok) throw guardError(decision.problems);
      const patch = b.approve ? { extension_request: null, deadline: decision.deadline, escalated_at: null } : { extension_request: null };
      return { comment: b.reason ?? null, patch, data: { approve: b.approve, deadline: decision.deadline, previousDeadline: c.hazard.deadline }, notify: [{ orgId: c.hazard.responsible_org_id, kind: 'extension_decided', title: `${b.approve ? '延期已批准' : '延期未批准'}：${c.hazard.title}` }] };
    },

    supervise: async (c: ActContext, b: Body<typeof SuperviseBody>) => {
      await assertOwnFiles(deps.ownedFiles, c.user, b.photos, 'body.photos');
      return { comment: b.comment, files: { ids: b.photos, kind: 'progress' } };
    },

    list: async (c: ActContext, b: Body<typeof ListBody>) => {
      const level = regionLevel(c.user.regionCode);
      const check = checkListing(level, c.hazard.level, c.hazard.listed_level as ListingLevel | null);
      if (!check.ok) throw guardError(check.problems);
      const dept = await department(deps, c.user, b.departmentId, 'body.departmentId');
      const listing = { liaisonLeader: b.liaisonLeader, departmentId: dept.id, departmentName: dept.name, suspend: b.suspend, orgId: c.user.orgId, listedAt: c.now.toISOString() };
      if (b.suspend && c.hazard.enterprise_id && deps.suspendEnterprise) await deps.suspendEnterprise(c, c.hazard.enterprise_id, `重大事故隐患挂牌督办：${c.hazard.title}`);
      return {
        comment: b.comment ?? null,
        patch: { listed_level: level, listed_region_code: c.user.regionCode, listing },
        data: { level, ...listing },
        notify: [{ orgId: c.hazard.responsible_org_id ?? c.hazard.enterprise_id, kind: 'listed', title: `挂牌督办：${c.hazard.title}` }, { orgId: dept.id, kind: 'listed', title: `挂牌督办（责任部门）：${c.hazard.title}` }],
      };
    },

    delist: async (c: ActContext, b: Body<typeof DelistBody>) => {
      const check = canDelist(c.hazard.listed_level as ListingLevel | null, regionLevel(c.user.regionCode));
      if (!check.ok) throw guardError(check.problems);
      // "Or above" means above on the same branch: the listing region lies within the actor's.
      if (!scopeOf(c.user).coversRegion(c.hazard.listed_region_code!)) throw forbidden('hazard.list');
      return { comment: b.reason, patch: { listed_level: null, listed_region_code: null, listing: null }, data: { previous: c.hazard.listing, level: c.hazard.listed_level } };
    },

    submit_for_acceptance: async (c: ActContext, b: Body<typeof SubmitBody>) => {
      await assertOwnFiles(deps.ownedFiles, c.user, b.photos, 'body.photos');
      // A new submission starts a new acceptance clock (验收超期 is reported once per submission).
      return { comment: b.comment ?? null, patch: { submitted_at: c.now, acceptance_escalated_at: null }, files: { ids: b.photos, kind: 'after' }, notify: [{ orgId: c.hazard.assigned_by_org_id, kind: 'submitted', title: `申请验收：${c.hazard.title}` }] };
    },

    // The password is verified before the transaction opens (accept.before, below).
    accept: async (c: ActContext, b: Body<typeof AcceptBody>) => {
      const check = checkAcceptance({ level: c.hazard.level, rootCause: b.rootCause, managementLoopholeFixed: b.loopholeFixed });
      if (!check.ok) throw guardError(check.problems.map((p) => ({ ...p, field: p.field === 'managementLoopholeFixed' ? 'loopholeFixed' : p.field })));
      // "谁验收、谁签字、谁负责": the signature names the acceptor and fixes what they saw.
      const snapshot = { id: c.hazard.id, title: c.hazard.title, level: c.hazard.level, regionCode: c.hazard.region_code, enterpriseId: c.hazard.enterprise_id, deadline: c.hazard.deadline, plan: c.hazard.plan, version: c.hazard.version, rootCause: b.rootCause ?? null, loopholeFixed: b.loopholeFixed ?? null };
      const signature = { signedBy: c.user.displayName, userId: c.user.id, org: c.user.orgName, orgId: c.user.orgId, at: c.now.toISOString(), stateHash: acceptanceStateHash(snapshot), snapshot };
      return {
        comment: b.comment ?? null,
        patch: { closed_at: c.now, closed_on: c.today, acceptance: { ...signature, rootCause: b.rootCause ?? null, loopholeFixed: b.loopholeFixed ?? null }, extension_request: null },
        data: { signature: { signedBy: signature.signedBy, org: signature.org, at: signature.at, stateHash: signature.stateHash }, rootCause: b.rootCause ?? null, loopholeFixed: b.loopholeFixed ?? null },
        notify: [{ orgId: c.hazard.responsible_org_id, kind: 'accepted', title: `已验收销号：${c.hazard.title}` }],
      };
    },

    reject_acceptance: async (c: ActContext, b: Body<typeof ReasonBody>) => ({
      comment: b.reason, patch: { submitted_at: null }, data: { reason: b.reason },
      notify: [{ orgId: c.hazard.responsible_org_id, kind: 'acceptance_rejected', title: `验收未通过：${c.hazard.title}` }],
    }),

    review_pass: async (c: ActContext, b: Body<typeof ReviewBody>) => {
      if (b.drawId && !(await deps.inDraw(b.drawId, c.hazard.id))) throw notFound({ zh: '回头看抽样', en: 'Review draw' }, 'body.drawId');
      return { comment: b.comment, data: { drawId: b.drawId ?? null } };
    },

    review_fail: async (c: ActContext, b: Body<typeof ReviewBody>) => {
      if (b.drawId && !(await deps.inDraw(b.drawId, c.hazard.id))) throw notFound({ zh: '回头看抽样', en: 'Review draw' }, 'body.drawId');
      // Reopened: the closure no longer stands, and someone answers for it (问责).
      return {
        comment: b.comment,
        patch: { closed_at: null, closed_on: null, acceptance: null, submitted_at: null, accountability_required: true },
        data: { drawId: b.drawId ?? null, previousAcceptance: c.hazard.acceptance },
        notify: [{ orgId: c.hazard.responsible_org_id, kind: 'reopened', title: `回头看不通过，重新整改：${c.hazard.title}` }, { orgId: c.hazard.assigned_by_org_id, kind: 'reopened', title: `回头看不通过：${c.hazard.title}` }],
      };
    },

    record_accountability: async (c: ActContext, b: Body<typeof AccountabilityBody>) => ({
      comment: b.failure,
      patch: { accountability_required: false },
      data: { ...b },
      after: (eventId: string) => deps.repo.insertAccountability(c.tx, { hazard_id: c.hazard.id, event_id: eventId, person: b.person, person_org: b.personOrg ?? null, failure: b.failure, decision: b.decision, decided_by_org_id: c.user.orgId, decided_on: b.decidedOn, created_at: c.now }),
    }),
  };
  const signature = async (user: SessionUser, b: Body<typeof AcceptBody>) => {
    if (!(await deps.verifyPassword(user.id, b.password))) {
      throw new AppError('WRONG_PASSWORD', {}, [{ field: 'body.password', reason: 'wrong_password', message: { zh: '签字密码不正确', en: 'the signature password is wrong' } }]);
    }
  };
  return { ...handlers, accept: Object.assign(handlers.accept, { before: signature }) } as unknown as Record<HazardAction, ActHandler>;
}
