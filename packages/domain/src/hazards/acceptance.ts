import { guardResult, requireText, type GuardProblem, type GuardResult } from './guard-result.js';
import { isListingLevel, type HazardLevel, type ListingLevel } from './vocabulary.js';

export interface SubmissionInput {
  /** Photos taken after rectification (整改后). */
  afterPhotoCount: number;
}

/** 申请验收: nobody can accept what they cannot see, so after-photos are required. */
export function checkSubmission(input: SubmissionInput): GuardResult {
  if (Number.isInteger(input.afterPhotoCount) && input.afterPhotoCount >= 1) return { ok: true };
  return guardResult([{ field: 'afterPhotos', reason: 'required', message: { zh: '申请验收须上传整改后照片', en: 'Upload at least one photo taken after rectification' } }]);
}

export interface AcceptanceInput {
  level: HazardLevel;
  /** 双归零 (seed 002): the problem's root cause … */
  rootCause?: string | null;
  /** … and the management loophole behind it, now closed. */
  managementLoopholeFixed?: string | null;
}

/** 验收销号. For a major hazard, 双归零: both the problem and the loophole are recorded closed. */
export function checkAcceptance(input: AcceptanceInput): GuardResult {
  if (input.level !== 'major') return { ok: true };
  return guardResult([
    ...requireText('rootCause', input.rootCause, { zh: '重大事故隐患销号须记录问题根源（双归零）', en: 'Closing a major hazard: the root cause' }),
    ...requireText('managementLoopholeFixed', input.managementLoopholeFixed, { zh: '重大事故隐患销号须记录已堵塞的管理漏洞（双归零）', en: 'Closing a major hazard: the management loophole fixed' }),
  ]);
}

/** 验收不通过 and 回头看不通过 both send the unit back to work and must say what is wrong. */
export function checkReason(reason: string | null | undefined): GuardResult {
  return guardResult(requireText('reason', reason, { zh: '理由', en: 'The reason' }));
}

const LEVEL_SHORT_NAMES = { 1: '省', 2: '市', 3: '县' } as const satisfies Record<ListingLevel, string>;

function levelName(level: ListingLevel): string {
  return LEVEL_SHORT_NAMES[level];
}

/**
 * 挂牌督办: only a province, city or county government lists, only a major hazard, and a
 * hazard already listed can only be taken over by a higher level (升级挂牌).
 */
export function checkListing(levelOfLister: number, hazardLevel: HazardLevel, currentListingLevel: ListingLevel | null = null): GuardResult {
  const problems: GuardProblem[] = [];
  if (!isListingLevel(levelOfLister)) {
    problems.push({ field: 'actor', reason: 'level', message: { zh: '只有省、市、县级人民政府及其部门可以挂牌督办', en: 'Only a province, city or county may list a hazard' } });
  }
  if (hazardLevel !== 'major') {
    problems.push({ field: 'level', reason: 'not_major', message: { zh: '只有重大事故隐患可以挂牌督办', en: 'Only a major hazard can be listed' } });
  }
  if (currentListingLevel !== null && isListingLevel(levelOfLister) && levelOfLister >= currentListingLevel) {
    problems.push({
      field: 'listedAtLevel',
      reason: 'already_listed',
      message: { zh: `已由${levelName(currentListingLevel)}级挂牌督办，只有更高层级可以升级挂牌`, en: 'Already listed at this level or above; only a higher level can take it over' },
    });
  }
  return guardResult(problems);
}

export interface ListingDetails {
  /** 包联领导: the leader personally answerable for the hazard. */
  liaisonLeader: string;
  responsibleDepartment: string;
  /** 停产停业整改: the enterprise's status follows. */
  orderSuspension: boolean;
}

export function checkListingDetails(details: ListingDetails): GuardResult {
  return guardResult([
    ...requireText('liaisonLeader', details.liaisonLeader, { zh: '包联领导', en: 'The liaison leader' }),
    ...requireText('responsibleDepartment', details.responsibleDepartment, { zh: '责任部门', en: 'The responsible department' }),
  ]);
}

/** 摘牌: only the level that listed the hazard, or one above it. */
export function canDelist(listedAtLevel: ListingLevel | null, actorLevel: number): GuardResult {
  if (listedAtLevel === null) {
    return guardResult([{ field: 'listedAtLevel', reason: 'not_listed', message: { zh: '该隐患未挂牌督办', en: 'The hazard is not listed' } }]);
  }
  if (isListingLevel(actorLevel) && actorLevel <= listedAtLevel) return { ok: true };
  return guardResult([{
    field: 'actor',
    reason: 'level',
    message: { zh: `由${levelName(listedAtLevel)}级挂牌，只有${levelName(listedAtLevel)}级或更高层级可以摘牌`, en: 'Only the listing level or a higher one may de-list' },
  }]);
}
