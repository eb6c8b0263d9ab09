import type { z } from 'zod';
import {
  acceptanceStateHash, checkResults, findingsOf, findingsSummary, INSPECTION_ACTION_PERMISSION, nextInspectionStatus, TEAM_ONLY_ACTIONS,
  type ArchiveInspectionBody, type InspectionAction, type InspectionStatus, type InspectionType, type RecordInspectionBody, type SaveResultsBody,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { StoredFile } from '../../platform/files/files.service.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { recordPairFindings } from '../draws/index.js';
import type { ReportFinding } from '../hazards/index.js';
import { illegalTransition, INSPECTION_ENTITY, problemsError } from './inspections.errors.js';
import type { InspectionsRepository } from './inspections.repository.js';

export interface ActsDeps {
  db: Database;
  repo: InspectionsRepository;
  audit: AuditWriter;
  ownedFiles: (userId: string, ids: string[]) => Promise<StoredFile[]>;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  reportFinding: ReportFinding;
  now: () => Date;
}

/** An on-screen signature is a small PNG; anything larger is not a signature. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;

type Locked = NonNullable<Awaited<ReturnType<InspectionsRepository['lockVisible']>>>;
interface Act { tx: Tx; row: Locked; at: Date; items: { key: string; text: string; basis: string; clauseId?: string }[] }

const fileProblem = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { summary: field }, [{ field, reason: 'bad_file', message: { zh, en } }]);

export function createActs(deps: ActsDeps) {
  const { repo } = deps;

  /**
   * One act on one record: lock it inside the caller's scope, check the permission, the state
   * table and team membership, run the act, then write the new state, the event and the audit
   * row in the same transaction.
   */
  async function perform(ctx: RequestContext, user: SessionUser, id: string, action: InspectionAction, work: (a: Act) => Promise<{ data?: Record<string, unknown>; set?: Record<string, unknown> }>) {
    if (!user.permissions.has(INSPECTION_ACTION_PERMISSION[action])) throw forbidden(INSPECTION_ACTION_PERMISSION[action]);
    await deps.db.transaction().execute(async (tx) => {
      const row = await repo.lockVisible(tx, id, scopeOf(user));
      if (!row) throw notFound(INSPECTION_ENTITY, 'params.id');
      const status = row.status as InspectionStatus;
      const next = nextInspectionStatus(status, action);
      if (!next.ok) throw illegalTransition(status, action, next.allowed);
      if ((TEAM_ONLY_ACTIONS as readonly string[]).includes(action)) {
        const members = await repo.members(tx, id);
        if (!members.some((m) => m.user_id === user.id)) throw forbidden(`${INSPECTION_ACTION_PERMISSION[action]} (检查组成员 team member)`);
      }
      const checklist = await tx.selectFrom('inspection_checklists').select('items').where('id', '=', row.checklist_id).executeTakeFirstOrThrow();
      const at = deps.now();
      const outcome = await work({ tx, row, at, items: checklist.items });
      const updated = await tx.updateTable('inspections').set({ ...(outcome.set ?? {}), status: next.to, updated_at: at, version: row.version + 1 }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
      await repo.insertEvent(tx, { inspection_id: id, seq: updated.version, action, from_status: status, to_status: next.to, actor_id: user.id, actor_name: user.displayName, at, data: outcome.data ?? null });
      await deps.audit.record(tx, ctx, { action: `inspection.${action}`, objectType: 'inspection', objectId: id, result: 'success', statusCode: 200, details: { from: status, to: next.to, ...(outcome.data ?? {}) } });
    });
    ctx.audited = true;
  }

  /** New photos must be the saver's own uploads; photos already on this record (a teammate's) stay valid. */
  async function assertPhotos(tx: Tx, user: SessionUser, inspectionId: string, results: z.infer<typeof SaveResultsBody>['results']) {
    const ids = [...new Set(results.flatMap((r) => r.photos))];
    if (!ids.length) return;
    const held = new Set((await tx.selectFrom('inspection_files').select('file_id').where('inspection_id', '=', inspectionId).where('file_id', 'in', ids).execute()).map((f) => f.file_id));
    const owned = new Set((await deps.ownedFiles(user.id, ids.filter((i) => !held.has(i)))).map((f) => f.id));
    const details = results.flatMap((r, i) => r.photos.filter((p) => !held.has(p) && !owned.has(p)).map((p) => ({
      field: `body.results.${i}.photos`, reason: 'unknown_file', message: { zh: `附件不存在或不是您上传的：${p}`, en: `unknown file or not your upload: ${p}` },
    })));
    if (details.length) throw new AppError('VALIDATION_FAILED', { summary: 'body.results' }, details);
  }

  return {
    async saveResults(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof SaveResultsBody>) {
      await perform(ctx, user, id, 'save_results', async ({ tx, row, items }) => {
        const problems = checkResults(items, body.results, false);
        if (problems.length) throw problemsError(problems);
        await assertPhotos(tx, user, id, body.results);
        // A draft's results are replaced as a whole: the screen sends what it shows.
        await tx.deleteFrom('inspection_results').where('inspection_id', '=', id).execute();
        if (body.results.length) {
          await tx.insertInto('inspection_results').values(body.results.map((r) => ({ inspection_id: id, item_key: r.itemKey, result: r.result, note: r.note ?? null, photos: r.photos, hazard_id: null }))).execute();
        }
        await repo.linkFiles(tx, id, body.results.flatMap((r) => r.photos), 'photo');
        return { set: { summary: body.summary ?? row.summary }, data: { answered: body.results.length, failed: body.results.filter((r) => r.result === 'fail').length } };
      });
    },

    /**
     * 签字确认: every team member's password (checked before the transaction: argon2 runs on the
     * thread pool and no row lock waits on it), the enterprise's person on site, every item
     * answered; then each failed item becomes a hazard, all in one transaction.
     */
    async record(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof RecordInspectionBody>) {
      if (!user.permissions.has('inspection.record')) throw forbidden('inspection.record');
      // Scope, membership and state before any password is tried: a stranger learns nothing.
      const visible = await repo.detail(scopeOf(user), id);
      if (!visible) throw notFound(INSPECTION_ENTITY, 'params.id');
      if (!visible.team.some((m) => m.userId === user.id)) throw forbidden('inspection.record (检查组成员 team member)');
      const state = nextInspectionStatus(visible.status, 'record');
      if (!state.ok) throw illegalTransition(visible.status, 'record', state.allowed);
      const team = visible.team.map((m) => ({ user_id: m.userId, name: m.name }));
      const signers = body.inspectorSignatures.map((s) => s.userId);
      const missing = team.filter((m) => !signers.includes(m.user_id));
      const strangers = body.inspectorSignatures.map((s, i) => ({ s, i })).filter(({ s }) => !team.some((m) => m.user_id === s.userId));
      if ((missing.length || strangers.length || new Set(signers).size !== signers.length)) {
        throw new AppError('RULE_VIOLATION', { reason: { zh: '检查组每位成员都须签字，且只由成员签字', en: 'every team member, and only they, must sign' } }, [
          ...missing.map((m) => ({ field: 'body.inspectorSignatures', reason: 'missing_signature', message: { zh: `缺少 ${m.name} 的签字`, en: `${m.name} has not signed` } })),
          ...strangers.map(({ i }) => ({ field: `body.inspectorSignatures.${i}.userId`, reason: 'not_member', message: { zh: '不是检查组成员', en: 'not on the team' } })),
        ]);
      }
      const checks = await Promise.all(body.inspectorSignatures.map((s) => deps.verifyPassword(s.userId, s.password)));
      const wrong = checks.map((ok, i) => (ok ? -1 : i)).filter((i) => i >= 0);
      if (wrong.length) {
        throw new AppError('WRONG_PASSWORD', {}, wrong.map((i) => ({ field: `body.inspectorSignatures.${i}.password`, reason: 'wrong_password', message: { zh: `${team.find((m) => m.user_id === body.inspectorSignatures[i]!.userId)?.name ?? ''} 的签字密码不正确`, en: 'the signature password is wrong' } })));
      }
      const image = body.enterpriseSignature.imageFileId;
      if (image) {
        const [file] = await deps.ownedFiles(user.id, [image]);
        const field = 'body.enterpriseSignature.imageFileId';
        if (!file) throw fileProblem(field, '签名图片不存在或不是您上传的', 'unknown signature image or not your upload');
        if (file.mime !== 'image/png') throw fileProblem(field, '签名须为 PNG 图片', 'the signature must be a PNG image');
        if (file.size > SIGNATURE_MAX_BYTES) throw fileProblem(field, `签名图片不能超过 ${SIGNATURE_MAX_BYTES / 1024} KB`, `the signature image may not exceed ${SIGNATURE_MAX_BYTES / 1024} KB`);
      }
      await perform(ctx, user, id, 'record', async ({ tx, row, at, items }) => {
        const results = await repo.results(tx, id);
        const input = results.map((r) => ({ itemKey: r.item_key, result: r.result as 'pass' | 'fail' | 'na', note: r.note, photos: r.photos }));
        const problems = checkResults(items, input, true);
        if (problems.length) throw problemsError(problems);
        const members = await repo.members(tx, id);
        const found = findingsOf(row.type as InspectionType, items, input);
        const hazards: string[] = [];
        for (const f of found) {
          const hazardId = await deps.reportFinding(tx, ctx, user, {
            enterpriseId: row.enterprise_id, regionCode: row.region_code, industryCode: row.industry_code, title: f.title, description: f.description, level: f.level,
            criterionClause: f.criterionClause, source: f.source, foundOn: row.inspected_on, foundByName: members.map((m) => m.name).join('、').slice(0, 50), photos: f.photos,
          });
          await tx.updateTable('inspection_results').set({ hazard_id: hazardId }).where('inspection_id', '=', id).where('item_key', '=', f.itemKey).execute();
          hazards.push(hazardId);
        }
        const summary = body.summary ?? row.summary;
        // 谁检查、谁签字: each signature fixes a hash of the record as signed.
        const stateHash = acceptanceStateHash({ id, type: row.type, enterpriseId: row.enterprise_id, inspectedOn: row.inspected_on, checklistId: row.checklist_id, summary, results: input.map((r) => ({ ...r, photos: [...r.photos] })).sort((a, b) => (a.itemKey < b.itemKey ? -1 : 1)) });
        await tx.updateTable('inspection_members').set({ signature: JSON.stringify({ signedAt: at.toISOString(), stateHash }) }).where('inspection_id', '=', id).execute();
        if (image) await repo.linkFiles(tx, id, [image], 'signature');
        // 一公开: a drawn pair's date and findings are published as signed, in the same transaction.
        if (row.draw_pair_id) {
          await recordPairFindings(tx, row.draw_pair_id, row.inspected_on, findingsSummary(summary, input.filter((r) => r.result === 'fail').length, found.filter((f) => f.level === 'major').length));
        }
        const enterpriseSignature = { name: body.enterpriseSignature.name, title: body.enterpriseSignature.title ?? null, imageFileId: image ?? null, at: at.toISOString() };
        return { set: { summary, recorded_at: at, enterprise_signature: JSON.stringify(enterpriseSignature) }, data: { hazards, stateHash, major: found.filter((f) => f.level === 'major').length } };
      });
    },

    async archive(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof ArchiveInspectionBody>) {
      await perform(ctx, user, id, 'archive', async ({ at }) => ({ set: { archived_at: at }, data: { comment: body.comment ?? null } }));
    },
  };
}

export type InspectionActs = ReturnType<typeof createActs>;
