import type { InjectOptions } from 'fastify';
import type { RoleKey } from '@anjian/domain';
import type { TestApp } from '../harness.js';

/**
 * The access-test world. Every route is called by an actor in each position relative to
 * the target's region C: C itself, its parent, a sibling of C, a child of C, an industry
 * department of C whose industries exclude the target's (建筑施工), a department of the
 * sibling county whose industries include it, an enterprise inside C, and nobody at all.
 * The two departments catch a scope that forgets industries, or forgets the region for
 * departments.
 */
export const POSITIONS = ['own', 'parent', 'sibling', 'child', 'department', 'siblingDepartment', 'enterprise', 'anonymous'] as const;
export type Position = (typeof POSITIONS)[number];

export const REGIONS = {
  own: '130123', // 石家庄市正定县
  parent: '1301', // 石家庄市
  sibling: '130125', // 石家庄市行唐县
  child: '130123100', // 正定镇
  enterprise: '130123100001', // 正定镇恒东社区
  department: '130123',
  siblingDepartment: '130125',
  /** A township of C off the child's path: inside C, invisible to the child. */
  ownOther: '130123102', // 新城铺镇
} as const;

export interface World {
  t: TestApp;
  orgs: Record<Exclude<Position, 'anonymous'>, string> & { ownDepartment: string };
  /** A session cookie for a user holding `role` in the position's organisation. */
  actor(position: Exclude<Position, 'anonymous'>, role: RoleKey, options?: { fresh?: boolean }): Promise<Actor>;
}

export interface Actor {
  cookie: string;
  userId: string;
  username: string;
}

export async function createWorld(t: TestApp): Promise<World> {
  const f = t.factories;
  const orgs = {
    own: await f.org({ type: 'safety_committee_office', regionCode: REGIONS.own, name: '正定县安委办' }),
    parent: await f.org({ type: 'safety_committee_office', regionCode: REGIONS.parent, name: '石家庄市安委办' }),
    sibling: await f.org({ type: 'safety_committee_office', regionCode: REGIONS.sibling, name: '行唐县安委办' }),
    child: await f.org({ type: 'township_government', regionCode: REGIONS.child, name: '正定镇人民政府' }),
    // A registered enterprise (orgs + enterprises row), supervised by 住建 (construction).
    enterprise: (await f.enterprise({ regionCode: REGIONS.enterprise, name: '正定恒东建材有限公司', industries: ['construction'] })).id,
    ownDepartment: await f.org({ type: 'department', regionCode: REGIONS.own, name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] }),
    // The targets are construction records: this department of C supervises other industries.
    department: await f.org({ type: 'department', regionCode: REGIONS.department, name: '正定县应急管理局（烟花爆竹）', industries: ['fireworks', 'hazardous_chemicals'] }),
    // A sibling county's 住建局: the targets' industry, the wrong county.
    siblingDepartment: await f.org({ type: 'department', regionCode: REGIONS.siblingDepartment, name: '行唐县住房和城乡建设局', industries: ['construction', 'urban_gas'] }),
  };
  const memo = new Map<string, Actor>();

  return {
    t,
    orgs,
    async actor(position, role, options = {}) {
      const key = `${position}:${role}`;
      const cached = memo.get(key);
      if (cached && !options.fresh) return cached;
      // An enterprise account can only hold enterprise roles; it stands in with its own.
      const effectiveRole = position === 'enterprise' && !role.startsWith('enterprise_') ? 'enterprise_safety_officer' : role;
      const user = await f.user({ orgId: orgs[position], roles: [effectiveRole] });
      const actor = { cookie: await t.login(user.username), userId: user.id, username: user.username };
      if (!options.fresh) memo.set(key, actor);
      return actor;
    },
  };
}

export interface AccessCase {
  /** Method and OpenAPI path, exactly as in /api/openapi.json. */
  route: string;
  /** The role every actor holds, chosen so the permission check passes and scope decides. */
  role: RoleKey;
  /** New users and sessions per position (for routes that change the actor itself). */
  fresh?: boolean;
  request: (w: World, position: Position, actor: Actor | null) => Promise<InjectOptions> | InjectOptions;
  expect: Record<Position, number>;
  /** For list routes: whether each position's answer includes the world's target record. */
  sees?: { marker: (w: World) => string | Promise<string> } & Partial<Record<Position, boolean>>;
}
