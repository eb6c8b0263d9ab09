/**
 * Permissions are dotted strings; the list is closed so the compiler checks every use.
 * Later modules add theirs here.
 */
export const PERMISSIONS = [
  'region.read',
  'region.import',
  'industry.read',
  'industry.manage',
  'routing.read',
  'routing.manage',
  'org.read',
  'org.create',
  'org.update',
  'user.read',
  'user.create',
  'user.update',
  'user.disable',
  'user.reset_password',
  'role.read',
  'role.assign',
  'audit.read',
  'file.upload',
  // Enterprises (企业)
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'enterprise.import',
  // The hazard loop (隐患闭环): one permission per kind of act, see HAZARD_ACTION_PERMISSION
  'hazard.read',
  'hazard.report',
  'hazard.verify',
  'hazard.assign',
  'hazard.rectify',
  'hazard.supervise',
  'hazard.list',
  'hazard.accept',
  'hazard.review',
  'hazard.accountability',
  'hazard.export',
  'hazard.import',
  // A citizen reporter's identity (举报人身份): only the government units that handle reports
  'hazard.read_reporter',
  // Accidents (事故), control indicators (控制指标) and statistics
  'accident.read',
  'accident.report',
  'accident.investigate',
  'indicator.manage',
  'stats.read',
  // 双随机 inspection plans and draws (modules/draws)
  'inspection_plan.read',
  'inspection_plan.manage',
  'draw.read',
  'draw.conduct',
  // Inspections (监督检查): records, checklists with the 判定标准
  'inspection.read',
  'inspection.record',
  'inspection.archive',
  'inspection.checklist_manage',
  // Enforcement cases (行政执法案件), 复产验收, 关闭 re-checks, 约谈, 黑名单
  'case.read',
  'case.file',
  'case.handle',
  'case.approve',
  'case.resumption_apply',
  'case.resumption_accept',
  'case.recheck',
  'case.interview',
  'blacklist.read',
  'blacklist.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a route asks for: a permission, or one of two markers. 'public' routes need no
 * session (health, login); 'authenticated' ones need only a session (one's own account).
 */
export type RouteAccess = Permission | 'public' | 'authenticated';

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Read access to reference data every account needs to do its job: the region tree, the
 * role names, the industry list, the organisations and the 三管三必须 routing in its own scope. It changes
 * nothing, so granting it to all roles does not weaken separation of duties.
 */
export const BASELINE_PERMISSIONS = [
  'region.read',
  'role.read',
  'industry.read',
  'org.read',
  'routing.read',
] as const satisfies readonly Permission[];
