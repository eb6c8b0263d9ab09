import type { Permission } from '../access/permissions.js';
import type { Bilingual } from '../errors/error-codes.js';

/**
 * An inspection record as data: a draft the team fills in on site, then recorded — signed by
 * the inspectors (password) and the enterprise's person on site — which turns each failed item
 * into a hazard in the same transaction, then archived. A recorded record is never edited.
 */
export const INSPECTION_STATUSES = ['draft', 'recorded', 'archived'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_STATUS_LABELS = {
  draft: { zh: '草稿', en: 'Draft' },
  recorded: { zh: '已记录（已签字）', en: 'Recorded (signed)' },
  archived: { zh: '已归档', en: 'Archived' },
} as const satisfies Record<InspectionStatus, Bilingual>;

export const INSPECTION_ACTIONS = ['save_results', 'record', 'archive'] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

export interface InspectionTransition {
  from: readonly InspectionStatus[];
  to: InspectionStatus | 'same';
  label: Bilingual;
}

export const INSPECTION_TRANSITIONS = {
  save_results: { from: ['draft'], to: 'same', label: { zh: '保存检查结果', en: 'Save results' } },
  record: { from: ['draft'], to: 'recorded', label: { zh: '签字确认', en: 'Sign and record' } },
  archive: { from: ['recorded'], to: 'archived', label: { zh: '归档', en: 'Archive' } },
} as const satisfies Record<InspectionAction, InspectionTransition>;

/** Permission each act needs (roles are data; this is the one rule). */
export const INSPECTION_ACTION_PERMISSION = {
  save_results: 'inspection.record',
  record: 'inspection.record',
  archive: 'inspection.archive',
} as const satisfies Record<InspectionAction, Permission>;

/** Acts only a member of the inspection team may perform (the recorder is one of them). */
export const TEAM_ONLY_ACTIONS = ['save_results', 'record'] as const satisfies readonly InspectionAction[];

export type NextInspectionStatus = { ok: true; to: InspectionStatus } | { ok: false; allowed: InspectionAction[] };

export function allowedInspectionActions(status: InspectionStatus): InspectionAction[] {
  return INSPECTION_ACTIONS.filter((a) => (INSPECTION_TRANSITIONS[a].from as readonly InspectionStatus[]).includes(status));
}

export function nextInspectionStatus(status: InspectionStatus, action: InspectionAction): NextInspectionStatus {
  const t: InspectionTransition = INSPECTION_TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, allowed: allowedInspectionActions(status) };
  return { ok: true, to: t.to === 'same' ? status : t.to };
}
