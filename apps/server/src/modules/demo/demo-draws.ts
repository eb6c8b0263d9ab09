import crypto from 'node:crypto';
import { canonicalPool, canonicalRegister, DRAW_ALGORITHM, drawQuota, fixedInputs, resultHash, runDraw, seedCommitment, shanghaiDate } from '@anjian/domain';
import type { Tx } from '../../platform/db/database.js';
import { createRegisterSource } from '../draws/register.js';
import type { DemoStep } from './index.js';
import { DEMO_COUNTY, DEMO_DEPARTMENTS } from './demo-structure.js';

/**
 * 双随机一公开 in 正定县: the 应急管理局 and the 住建局 each keep a plan for the year with
 * their inspectors' pool (执法证号, 有效期, one 回避 each) and have made one draw for the
 * current quarter, fixed and drawn the way the platform does it (commit, then reveal), so the
 * public page shows it and `scripts/verify-draw.mjs` re-verifies it.
 */
const PLANS = [
  {
    department: 'emergency', staff: 'zd.emergency', name: '正定县应急管理局“双随机、一公开”监管执法检查计划',
    keyRule: { scales: ['large', 'medium'], majorHazardMonths: 12 }, keyTimesPerYear: 2, othersPercent: 20, roundsPerYear: 4,
    inspectors: [
      { username: 'zd.inspector', displayName: '郑毅（执法大队）' },
      { username: 'zd.inspector2', displayName: '冯涛（执法大队）' },
      { username: 'zd.inspector3', displayName: '韩雪（执法大队）' },
      { username: 'zd.inspector4', displayName: '高鹏（执法大队）' },
    ],
  },
  {
    department: 'housing', staff: 'zd.housing', name: '正定县住房和城乡建设局建筑施工与城镇燃气“双随机”抽查计划',
    keyRule: { scales: ['large'], majorHazardMonths: 12 }, keyTimesPerYear: 1, othersPercent: 10, roundsPerYear: 4,
    inspectors: [
      { username: 'zd.housing.inspector1', displayName: '彭亮（住建执法队）' },
      { username: 'zd.housing.inspector2', displayName: '曹敏（住建执法队）' },
      { username: 'zd.housing.inspector3', displayName: '袁博（住建执法队）' },
    ],
  },
] as const;

export const demoDraws: DemoStep = {
  name: 'inspection plans and draws',
  present: async (db) => (await db.selectFrom('inspection_plans').select('id').where('name', 'like', `%${PLANS[0].name}`).executeTakeFirst()) !== undefined,
  async seed(tx: Tx, ctx) {
    const today = shanghaiDate(ctx.now);
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
    const periodFrom = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    const periodTo = new Date(Date.UTC(year, quarter * 3 + 3, 0)).toISOString().slice(0, 10);
    const register = createRegisterSource(tx, null);
    const done: string[] = [];
    for (const p of PLANS) {
      const dept = DEMO_DEPARTMENTS.find((d) => d.key === p.department)!;
      const org = await tx.selectFrom('orgs').select(['id', 'industries']).where('type', '=', 'department').where('region_code', '=', DEMO_COUNTY)
        .where('name', 'like', `%${dept.name.county}`).executeTakeFirstOrThrow();
      const staff = await tx.selectFrom('users').select('id').where('username', '=', p.staff).executeTakeFirstOrThrow();
      const inspectorIds: { id: string; name: string }[] = [];
      for (const account of p.inspectors) {
        let user = await tx.selectFrom('users').select('id').where('username', '=', account.username).executeTakeFirst();
        if (!user) {
          user = await tx.insertInto('users').values({ username: account.username, display_name: account.displayName, phone: null, org_id: org.id, password_hash: ctx.passwordHash }).returning('id').executeTakeFirstOrThrow();
          await tx.insertInto('user_roles').values({ user_id: user.id, role_key: 'inspector' }).execute();
        }
        inspectorIds.push({ id: user.id, name: account.displayName });
      }
      const industries = [...org.industries].sort();
      const plan = await tx.insertInto('inspection_plans').values({
        org_id: org.id, region_code: DEMO_COUNTY, industries, name: `${year}年度${p.name}`, year, key_rule: JSON.stringify(p.keyRule),
        key_times_per_year: p.keyTimesPerYear, others_percent: p.othersPercent, rounds_per_year: p.roundsPerYear, team_size: 2, created_by: staff.id,
        created_at: new Date(Date.UTC(year, 0, 8, 2)),
      }).returning('id').executeTakeFirstOrThrow();
      for (const [i, member] of inspectorIds.entries()) {
        await tx.insertInto('inspection_plan_inspectors').values({ plan_id: plan.id, user_id: member.id, cert_no: `冀${p.department === 'emergency' ? '应急' : '住建'}执〔${year - 2}〕01${String(i + 23).padStart(3, '0')}号`, cert_valid_until: `${year + 2}-06-30`, added_by: staff.id }).execute();
      }
      const snapshot = await register({ region_code: DEMO_COUNTY, industries, key_rule: p.keyRule as unknown as { scales: string[]; majorHazardMonths: number } }, today);
      if (snapshot.length === 0) continue;
      // One 回避: the second inspector once worked at an enterprise of the register.
      const avoided = snapshot[Math.floor(snapshot.length / 2)]!;
      await tx.insertInto('inspector_avoidances').values({ plan_id: plan.id, user_id: inspectorIds[1]!.id, enterprise_id: avoided.id, reason: '近两年内曾在该企业任职', created_by: staff.id }).execute();
      const canonical = canonicalRegister(snapshot);
      const pool = canonicalPool(inspectorIds.map((m) => ({ id: m.id, name: m.name, avoid: m.id === inspectorIds[1]!.id ? [avoided.id] : [] })));
      const counts = { key: canonical.filter((e) => e.stratum === 'key').length, other: canonical.filter((e) => e.stratum === 'other').length };
      const quota = drawQuota(counts, { keyTimesPerYear: p.keyTimesPerYear, othersPercent: p.othersPercent, roundsPerYear: p.roundsPerYear });
      const inputs = { algorithm: DRAW_ALGORITHM, register: canonical, pool, quota, teamSize: 2 };
      const seed = crypto.randomBytes(32).toString('hex');
      const fixed = fixedInputs(inputs, seedCommitment(seed));
      const result = runDraw(inputs, seed);
      const names = Object.fromEntries(snapshot.map((e) => [e.id, { name: e.name, regionCode: e.regionCode, industries: e.industries }]));
      const fixedAt = new Date(ctx.now.getTime() - 3 * 86_400_000);
      const draw = await tx.insertInto('inspection_draws').values({
        plan_id: plan.id, region_code: DEMO_COUNTY, industries, status: 'committed', period_from: periodFrom, period_to: periodTo, algorithm: DRAW_ALGORITHM,
        register: JSON.stringify(canonical), register_names: JSON.stringify(names), pool: JSON.stringify(pool), register_hash: fixed.registerHash, pool_hash: fixed.poolHash,
        register_count: fixed.registerCount, pool_count: fixed.poolCount, quota_key: quota.key, quota_other: quota.other, team_size: 2, commitment: fixed.commitment,
        inputs_hash: fixed.inputsHash, seed, fixed_by: staff.id, fixed_at: fixedAt,
      }).returning('id').executeTakeFirstOrThrow();
      // The draw is the second write, the one the trigger allows, a day after the inputs were published.
      await tx.updateTable('inspection_draws').set({ status: 'drawn', result: JSON.stringify(result), result_hash: resultHash(result), drawn_by: staff.id, drawn_at: new Date(fixedAt.getTime() + 86_400_000) })
        .where('id', '=', draw.id).execute();
      await tx.insertInto('draw_pairs').values(result.pairs.map((pair) => ({
        draw_id: draw.id, position: pair.position, stratum: pair.stratum, enterprise_id: pair.enterpriseId, inspector_ids: pair.inspectorIds,
        region_code: names[pair.enterpriseId]!.regionCode, industries: names[pair.enterpriseId]!.industries,
      }))).execute();
      done.push(`${dept.name.county}: ${canonical.length} enterprises, ${result.pairs.length} drawn`);
    }
    return done.join('; ');
  },
};
