import type { Bilingual } from '../errors/error-codes.js';
import { CASE_ACTIONS, CASE_TRANSITIONS } from '../cases/transitions.js';
import { HAZARD_ACTIONS, HAZARD_TRANSITIONS } from '../hazards/transitions.js';

/**
 * Every action string the server writes to the audit log, as words an auditor reads. Three
 * sources: the actions services record (user.create …); hazard.<act> for every workflow act; and,
 * for a refused or failed request on a route that names no action, the route's permission
 * (hazard.read …), which the request lifecycle records in its place. A unit test
 * (apps/server/src/platform/audit/audit-labels.test.ts) scans the server for action strings and
 * fails on any missing here.
 */
const NAMED: Record<string, Bilingual> = {
  // Sign-in and one's own account
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.change_password': { zh: '修改密码', en: 'Change password' },
  'auth.activation_open': { zh: '打开激活链接', en: 'Open activation link' },
  'auth.activate': { zh: '激活账号', en: 'Activate account' },
  // Users, roles and administrators
  'user.read': { zh: '查看用户', en: 'View users' },
  'user.create': { zh: '新增用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Update user' },
  'user.disable': { zh: '停用用户', en: 'Disable user' },
  'user.enable': { zh: '启用用户', en: 'Enable user' },
  'user.reset_password': { zh: '重置密码', en: 'Reset password' },
  'role.read': { zh: '查看角色', en: 'View roles' },
  'role.assign': { zh: '分配角色', en: 'Assign roles' },
  'admin.grant': { zh: '授予管理员', en: 'Grant administrator' },
  'admin.reactivate': { zh: '重新激活管理员', en: 'Reactivate administrator' },
  'admin.disable': { zh: '停用管理员', en: 'Disable administrator' },
  'admin.enable': { zh: '启用管理员', en: 'Enable administrator' },
  // Organisations, regions, industries, 三管三必须 routing
  'org.read': { zh: '查看组织机构', en: 'View organisations' },
  'org.create': { zh: '新增组织机构', en: 'Create organisation' },
  'org.update': { zh: '修改组织机构', en: 'Update organisation' },
  'region.read': { zh: '查看行政区划', en: 'View regions' },
  'region.import': { zh: '导入行政区划', en: 'Import regions' },
  'industry.read': { zh: '查看行业', en: 'View industries' },
  'industry.manage': { zh: '管理行业', en: 'Manage industries' },
  'industry.create': { zh: '新增行业', en: 'Create industry' },
  'industry.update': { zh: '修改行业', en: 'Update industry' },
  'routing.read': { zh: '查看三管三必须分工', en: 'View supervision routing' },
  'routing.manage': { zh: '管理三管三必须分工', en: 'Manage supervision routing' },
  'routing.set': { zh: '设置监管部门', en: 'Set supervising department' },
  'routing.clear': { zh: '取消监管部门', en: 'Clear supervising department' },
  // Enterprises
  'enterprise.read': { zh: '查看企业', en: 'View enterprises' },
  'enterprise.create': { zh: '新增企业', en: 'Create enterprise' },
  'enterprise.update': { zh: '修改企业', en: 'Update enterprise' },
  'enterprise.status': { zh: '变更企业状态', en: 'Change enterprise status' },
  'enterprise.import': { zh: '导入企业', en: 'Import enterprises' },
  'enterprise.export': { zh: '导出企业', en: 'Export enterprises' },
  // Hazards (the workflow acts are added below from HAZARD_TRANSITIONS)
  'hazard.read': { zh: '查看隐患', en: 'View hazards' },
  'hazard.report': { zh: '上报隐患', en: 'Report hazard' },
  'hazard.rectify': { zh: '隐患整改', en: 'Rectify hazard' },
  'hazard.accountability': { zh: '隐患问责', en: 'Hazard accountability' },
  'hazard.review': { zh: '隐患回头看', en: 'Hazard re-review' },
  'hazard.review_draw': { zh: '回头看抽取', en: 'Draw re-review sample' },
  'hazard.export': { zh: '导出隐患', en: 'Export hazards' },
  'hazard.import': { zh: '导入隐患', en: 'Import hazards' },
  'hazard.import_batch': { zh: '导入隐患（批次）', en: 'Import hazards (batch)' },
  'hazard.read_reporter': { zh: '查看举报人身份', en: 'Read reporter identity' },
  'inbox.read': { zh: '查看待办', en: 'View inbox' },
  // Accidents
  'accident.read': { zh: '查看事故', en: 'View accidents' },
  'accident.report': { zh: '事故快报', en: 'Report accident' },
  'accident.supplement': { zh: '事故补报', en: 'Supplement accident report' },
  'accident.escalate': { zh: '事故上报', en: 'Escalate accident' },
  'accident.investigate': { zh: '事故调查', en: 'Investigate accident' },
  'accident.accountability': { zh: '事故责任追究', en: 'Accident accountability' },
  'accident.close_investigation': { zh: '事故结案', en: 'Close investigation' },
  // Statistics and control indicators
  'stats.read': { zh: '查看统计', en: 'View statistics' },
  'stats.export': { zh: '导出统计', en: 'Export statistics' },
  'indicator.manage': { zh: '管理控制指标', en: 'Manage control indicators' },
  'indicator.set': { zh: '下达控制指标', en: 'Set control indicator' },
  // Inspections, plans and 双随机 draws (issue 12, on main alongside this table)
  'inspection.read': { zh: '查看检查记录', en: 'View inspections' },
  'inspection.create': { zh: '新建检查记录', en: 'Create inspection' },
  'inspection.save_results': { zh: '保存检查结果', en: 'Save inspection results' },
  'inspection.record': { zh: '检查签字确认', en: 'Sign and record inspection' },
  'inspection.archive': { zh: '检查归档', en: 'Archive inspection' },
  'inspection.checklist_manage': { zh: '管理检查表', en: 'Manage checklists' },
  'inspection.checklist_publish': { zh: '发布检查表', en: 'Publish checklist' },
  'inspection_plan.read': { zh: '查看检查计划', en: 'View inspection plans' },
  'inspection_plan.manage': { zh: '管理检查计划', en: 'Manage inspection plans' },
  'inspection_plan.create': { zh: '新建检查计划', en: 'Create inspection plan' },
  'inspection_plan.pool_put': { zh: '加入检查人员库', en: 'Add to inspector pool' },
  'inspection_plan.pool_remove': { zh: '移出检查人员库', en: 'Remove from inspector pool' },
  'inspection_plan.avoidance': { zh: '登记回避', en: 'Record recusal' },
  'draw.read': { zh: '查看双随机抽取', en: 'View random draws' },
  'draw.conduct': { zh: '实施双随机抽取', en: 'Conduct random draws' },
  'draw.fix': { zh: '锁定抽取承诺', en: 'Commit a draw' },
  'draw.draw': { zh: '双随机抽取', en: 'Draw' },
  // Enforcement cases, resumptions, closures, blacklist, 约谈 (modules/cases)
  'case.read': { zh: '查看执法案件', en: 'View enforcement cases' },
  'case.file': { zh: '执法立案', en: 'File an enforcement case' },
  'case.handle': { zh: '办理执法案件', en: 'Handle enforcement cases' },
  'case.approve': { zh: '审批执法案件', en: 'Approve enforcement cases' },
  'case.document': { zh: '生成执法文书', en: 'Generate enforcement document' },
  'case.resumption_apply': { zh: '申请复产验收', en: 'Apply for resumption' },
  'case.resumption_accept': { zh: '复产验收通过', en: 'Accept resumption' },
  'case.resumption_refuse': { zh: '复产验收不通过', en: 'Refuse resumption' },
  'case.recheck': { zh: '关闭企业复查', en: 'Re-check a closed site' },
  'case.interview': { zh: '约谈', en: 'Summons (约谈)' },
  'case.interview_follow_up': { zh: '约谈跟踪', en: 'Summons follow-up' },
  'blacklist.read': { zh: '查看黑名单', en: 'View blacklist' },
  'blacklist.manage': { zh: '管理黑名单', en: 'Manage blacklist' },
  'blacklist.add': { zh: '列入黑名单', en: 'Blacklist an enterprise' },
  'blacklist.repair': { zh: '信用修复', en: 'Credit repair (remove from blacklist)' },
  'job.escalate_overdue_cases': { zh: '超期案件升级（定时任务）', en: 'Escalate overdue cases (job)' },
  // Files, the audit log itself, scheduled jobs
  'file.upload': { zh: '上传附件', en: 'Upload file' },
  'audit.read': { zh: '查看审计日志', en: 'Read audit log' },
  'audit.export': { zh: '导出审计日志', en: 'Export audit log' },
  'audit.verify': { zh: '校验哈希链', en: 'Verify hash chain' },
  'audit.key_rotate': { zh: '轮换审计密钥', en: 'Rotate audit key' },
  'job.escalate_overdue': { zh: '逾期隐患升级（定时任务）', en: 'Escalate overdue hazards (job)' },
};

const HAZARD_ACTS: Record<string, Bilingual> = Object.fromEntries(
  HAZARD_ACTIONS.map((a) => [`hazard.${a}`, { zh: `隐患${HAZARD_TRANSITIONS[a].label.zh}`, en: `Hazard: ${HAZARD_TRANSITIONS[a].label.en}` }]),
);

const CASE_ACTS: Record<string, Bilingual> = Object.fromEntries(
  CASE_ACTIONS.map((a) => [`case.${a}`, { zh: `案件${CASE_TRANSITIONS[a].label.zh}`, en: `Case: ${CASE_TRANSITIONS[a].label.en}` }]),
);

export const AUDIT_ACTION_LABELS: Readonly<Record<string, Bilingual>> = { ...NAMED, ...HAZARD_ACTS, ...CASE_ACTS };

/** The families the audit log is filtered by; each names the action prefixes it covers. */
export const AUDIT_FAMILIES = {
  auth: { label: { zh: '登录与账号', en: 'Sign-in and account' }, prefixes: ['auth.'] },
  user: { label: { zh: '用户与角色', en: 'Users and roles' }, prefixes: ['user.', 'role.', 'admin.'] },
  org: { label: { zh: '组织机构与区划', en: 'Organisations and regions' }, prefixes: ['org.', 'region.', 'industry.', 'routing.'] },
  enterprise: { label: { zh: '企业', en: 'Enterprises' }, prefixes: ['enterprise.'] },
  hazard: { label: { zh: '隐患', en: 'Hazards' }, prefixes: ['hazard.', 'inbox.'] },
  accident: { label: { zh: '事故', en: 'Accidents' }, prefixes: ['accident.'] },
  inspection: { label: { zh: '检查与双随机', en: 'Inspections and draws' }, prefixes: ['inspection.', 'inspection_plan.', 'draw.'] },
  enforcement: { label: { zh: '执法案件与黑名单', en: 'Enforcement cases and blacklist' }, prefixes: ['case.', 'blacklist.'] },
  stats: { label: { zh: '统计与控制指标', en: 'Statistics and indicators' }, prefixes: ['stats.', 'indicator.'] },
  system: { label: { zh: '附件、审计与定时任务', en: 'Files, audit and jobs' }, prefixes: ['file.', 'audit.', 'job.'] },
} as const satisfies Record<string, { label: Bilingual; prefixes: readonly string[] }>;
export type AuditFamily = keyof typeof AUDIT_FAMILIES;
export const AUDIT_FAMILY_KEYS = Object.keys(AUDIT_FAMILIES) as AuditFamily[];

/** A request on a route that names neither an action nor a permission is recorded as "METHOD /path". */
const RAW_REQUEST = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//;

/** The words for an action; null when the table has none (the test keeps that from happening). */
export function auditActionLabel(action: string): Bilingual | null {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  if (RAW_REQUEST.test(action)) return { zh: `接口请求 ${action}`, en: `Request ${action}` };
  return null;
}

export function auditFamilyOf(action: string): AuditFamily | null {
  return AUDIT_FAMILY_KEYS.find((f) => AUDIT_FAMILIES[f].prefixes.some((p) => action.startsWith(p))) ?? null;
}

/** The reasons a refused sign-in is recorded with (auth.service); the user is told only "wrong name or password". */
export const AUDIT_LOGIN_REASONS: Readonly<Record<string, Bilingual>> = {
  'unknown name': { zh: '用户名不存在', en: 'unknown user name' },
  'wrong password': { zh: '密码错误', en: 'wrong password' },
  'account disabled': { zh: '账号已停用', en: 'account disabled' },
  locked: { zh: '多次失败已锁定', en: 'locked after repeated failures' },
};
