import type { z } from 'zod';
import { ROOT_REGION_CODE, type CreateIndustryBody, type Industry, type UpdateIndustryBody } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, duplicate, ENTITY, forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { IndustriesRepository } from './industries.repository.js';
import { INITIAL_INDUSTRIES } from './industries.seed.js';

/** The industry list is national reference data: only an administrator at the root edits it. */
function assertNational(user: SessionUser | null): void {
  if (user?.regionCode !== ROOT_REGION_CODE) throw forbidden('industry.manage');
}

export function createIndustriesService(deps: { db: Database; repo: IndustriesRepository; audit: AuditWriter }) {
  const { db, repo, audit } = deps;
  return {
    list: () => repo.list(),

    /** Throws a 422 naming the field when any code is not an active industry. */
    async assertKnown(codes: string[], field: string): Promise<void> {
      const unknown = await repo.unknown(codes);
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', { summary: field }, unknown.map((code) => ({
          field, reason: 'unknown_industry', message: { zh: `未知行业：${code}`, en: `unknown industry: ${code}` },
        })));
      }
    },

    async create(ctx: RequestContext, body: z.infer<typeof CreateIndustryBody>): Promise<Industry> {
      assertNational(ctx.user);
      return db.transaction().execute(async (tx) => {
        const inserted = await repo.insert(tx, { code: body.code, name_zh: body.nameZh, name_en: body.nameEn, sort: body.sort });
        if (!inserted) throw duplicate('body.code', body.code);
        await audit.record(tx, ctx, { action: 'industry.create', objectType: 'industry', objectId: body.code, result: 'success', statusCode: 201 });
        return { code: body.code, nameZh: body.nameZh, nameEn: body.nameEn, sort: body.sort, active: true };
      });
    },

    async update(ctx: RequestContext, code: string, body: z.infer<typeof UpdateIndustryBody>): Promise<Industry> {
      assertNational(ctx.user);
      return db.transaction().execute(async (tx) => {
        if (!(await repo.get(code, tx))) throw notFound(ENTITY.industry, 'params.code');
        await repo.update(tx, code, { name_zh: body.nameZh, name_en: body.nameEn, sort: body.sort, active: body.active });
        await audit.record(tx, ctx, { action: 'industry.update', objectType: 'industry', objectId: code, result: 'success', statusCode: 200, details: body });
        return (await repo.get(code, tx))!;
      });
    },

    /** First start: the key industries of the seed documents. */
    async seedIfEmpty(): Promise<void> {
      if ((await repo.list()).length > 0) return;
      await db.transaction().execute(async (tx) => {
        for (const [i, industry] of INITIAL_INDUSTRIES.entries()) {
          await repo.insert(tx, { code: industry.code, name_zh: industry.nameZh, name_en: industry.nameEn, sort: (i + 1) * 10 });
        }
      });
    },
  };
}

export type IndustriesService = ReturnType<typeof createIndustriesService>;
