import type { Permission } from './permissions.js';

/**
 * What an account's day looks like, read from the permissions the server sends (never from
 * role names: roles are data and a custom role gets the desk its grants describe).
 *
 * - `handler`: works the loop at a desk — verifies, assigns, accepts or re-reviews; lands on
 *   我的待办 (township, department, committee office, inspector).
 * - `overseer`: reads the statistics but handles no case; lands on the dashboard (leader).
 * - `reporter`: reports and rectifies in the field, on a phone; lands on the report home
 *   (grid member, enterprise accounts).
 * - `other`: administrators and anyone else; the first page their menu holds.
 */
export type Desk = 'handler' | 'overseer' | 'reporter' | 'other';

type Granted = ReadonlySet<string> | readonly string[];

const holds = (granted: Granted, p: Permission) => (granted instanceof Set ? granted.has(p) : (granted as readonly string[]).includes(p));
const holdsAny = (granted: Granted, ps: readonly Permission[]) => ps.some((p) => holds(granted, p));

/** The acts that make a desk of the loop: whoever holds one has a queue waiting on them. */
export const HANDLER_PERMISSIONS = ['hazard.verify', 'hazard.assign', 'hazard.accept', 'hazard.review'] as const satisfies readonly Permission[];

export function deskOf(granted: Granted): Desk {
  if (holdsAny(granted, HANDLER_PERMISSIONS)) return 'handler';
  if (holds(granted, 'stats.read')) return 'overseer';
  if (holdsAny(granted, ['hazard.report', 'hazard.rectify'])) return 'reporter';
  return 'other';
}

/** The page each desk opens on after sign-in; null: the first page of the menu. */
export const DESK_LANDING = {
  handler: '/inbox',
  overseer: '/dashboard',
  reporter: '/home',
  other: null,
} as const satisfies Record<Desk, string | null>;

/**
 * The reference pages (行政区划, 组织机构, 三管三必须) are readable by every account — a form
 * needs the region tree — but belong in the menu only of those who manage or oversee them:
 * statistics readers and the administrators who maintain them. A reporter in the field has
 * no use for the county's organisation chart.
 */
export const REFERENCE_MENU_PERMISSIONS = ['stats.read', 'region.import', 'routing.manage', 'org.create', 'org.update'] as const satisfies readonly Permission[];

export function showsReferencePages(granted: Granted): boolean {
  return holdsAny(granted, REFERENCE_MENU_PERMISSIONS);
}

/**
 * 用户: several desks hold user.read (to look a colleague up), but listing every account of
 * the county is the account manager's page, shown to those who manage accounts.
 */
export const ACCOUNT_MANAGEMENT_PERMISSIONS = ['user.create', 'user.update', 'user.disable', 'user.reset_password', 'role.assign'] as const satisfies readonly Permission[];

export function managesAccounts(granted: Granted): boolean {
  return holdsAny(granted, ACCOUNT_MANAGEMENT_PERMISSIONS);
}

/** The report home is the reporter's: a desk with a queue starts from the queue instead. */
export function usesReportHome(granted: Granted): boolean {
  return deskOf(granted) === 'reporter';
}
