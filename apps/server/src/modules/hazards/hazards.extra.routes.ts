import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DrawReviewBody, HazardListPage, HazardListParams, HazardListQuery, Inbox, MarkReadBody, ReviewDraw, ReviewDrawList, ReviewDrawParams, UnreadCount } from '@anjian/domain';
import { z } from 'zod';
import { requireUser } from '../../platform/access/guard.js';
import { attachment } from '../../platform/exports/export-cells.js';
import { XLSX_MIME } from '../../platform/exports/xlsx-export.js';
import type { InboxService } from './hazards.inbox.js';
import type { ListsService } from './hazards.lists.service.js';
import type { Reviews } from './hazards.reviews.js';

/** 回头看 draws, the lists (三张清单, 四个清单) with their .xlsx exports, and the inbox. */
export function hazardsExtraRoutes(deps: { reviews: Reviews; lists: ListsService; inbox: InboxService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/hazard-reviews', {
      config: { access: 'hazard.review', action: 'hazard.review_draw' },
      schema: { tags: ['hazards'], summary: '回头看：随机抽取已销号隐患 Draw closed hazards for re-review', body: DrawReviewBody, response: { 201: ReviewDraw } },
    }, async (req, reply) => reply.status(201).send(await deps.reviews.draw(req.ctx, requireUser(req), req.body)));

    app.get('/api/hazard-reviews', {
      config: { access: 'hazard.review' },
      schema: { tags: ['hazards'], summary: '回头看抽样记录 Review draws', response: { 200: ReviewDrawList } },
    }, async (req) => deps.reviews.list(requireUser(req)));

    app.get('/api/hazard-reviews/:id', {
      config: { access: 'hazard.review' },
      schema: { tags: ['hazards'], summary: '回头看抽样（含复核可重现性） A draw, re-run to prove it reproducible', params: ReviewDrawParams, response: { 200: ReviewDraw } },
    }, async (req) => deps.reviews.get(requireUser(req), req.params.id));

    app.get('/api/hazard-lists/:list', {
      config: { access: 'hazard.read' },
      schema: { tags: ['hazards'], summary: '三张清单、四个清单 The lists', params: HazardListParams, querystring: HazardListQuery, response: { 200: HazardListPage } },
    }, async (req) => deps.lists.page(requireUser(req), req.params.list, req.query));

    app.get('/api/hazard-lists/:list/export', {
      config: { access: 'hazard.export' },
      schema: { tags: ['hazards'], summary: '导出清单（.xlsx） Export a list as .xlsx', params: HazardListParams, querystring: HazardListQuery.omit({ limit: true, cursor: true }) },
    }, async (req, reply) => {
      const user = requireUser(req);
      // Filters are resolved before the first byte, so a bad region code is still a clean 4xx.
      const filter = await deps.lists.filterOf(user, req.query);
      const { heading, filename } = await deps.lists.exportHeading(user, req.params.list, filter);
      const stream = new PassThrough();
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment(filename));
      deps.lists.exportTo(user, req.params.list, filter, heading, stream).catch((error: unknown) => stream.destroy(error as Error));
      return reply.send(stream);
    });

    app.get('/api/inbox', {
      config: { access: 'hazard.read' },
      schema: { tags: ['inbox'], summary: '我的待办 My tasks and notifications', response: { 200: Inbox } },
    }, async (req) => deps.inbox.inbox(requireUser(req)));

    app.get('/api/inbox/unread-count', {
      config: { access: 'hazard.read' },
      schema: { tags: ['inbox'], summary: '未读通知数 Unread notifications', response: { 200: UnreadCount } },
    }, async (req) => ({ unread: await deps.inbox.unread(requireUser(req)) }));

    app.post('/api/inbox/read', {
      config: { access: 'hazard.read', action: 'inbox.read' },
      schema: { tags: ['inbox'], summary: '标记已读 Mark notifications read', body: MarkReadBody, response: { 200: z.object({ marked: z.number() }) } },
    }, async (req) => ({ marked: await deps.inbox.markRead(requireUser(req), req.body) }));
  };
}
