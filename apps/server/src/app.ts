import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { createAuditWriter } from './platform/audit/audit.writer.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { createAuthService } from './platform/auth/auth.service.js';
import { createSessionStore } from './platform/auth/sessions.js';
import type { Config } from './platform/config.js';
import { AppError } from './platform/errors.js';
import type { Job } from './platform/jobs/scheduler.js';
import { createAuditChainer } from './platform/audit/audit.chainer.js';
import { auditKeyring, createAuditCheckpointer } from './platform/audit/audit.checkpoint.js';
import { chainAndVerify } from './platform/audit/audit.verify.js';
import type { Database } from './platform/db/database.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { registerLifecycle } from './platform/http/lifecycle.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { filesRoutes } from './platform/files/files.routes.js';
import { createFilesService } from './platform/files/files.service.js';
import { createFileStorage } from './platform/files/storage.js';
import { loadPiiCipher, type PiiCipher } from './platform/secrets/pii.js';
import { benchBaselineRoutes } from './modules/health/bench-baseline.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { createAccidentsModule, accidentNames } from './modules/accidents/index.js';
import { createCasesModule } from './modules/cases/index.js';
import { createEnterprisesModule, documentParty } from './modules/enterprises/index.js';
import { createHazardsModule, hazardNames, hazardsOfEnterprise, openMajorHazardCount } from './modules/hazards/index.js';
import { createIndustriesModule } from './modules/industries/index.js';
import { createInspectionsModule, inspectionOutcomes, reinspectionsOf } from './modules/inspections/index.js';
import { createOrgsModule, orgNames } from './modules/orgs/index.js';
import { createRegionsModule, regionNames } from './modules/regions/index.js';
import { createRoutingModule } from './modules/routing/index.js';
import { createStatsModule } from './modules/stats/index.js';
import { createUsersModule, userNames } from './modules/users/index.js';
import { createDrawsModule } from './modules/draws/index.js';

export interface AppDeps {
  db: Database;
  config: Config;
  /** The URL of the database `db` talks to (COPY-based imports open their own connection). */
  databaseUrl: string;
  embedded: boolean;
  /** The clock; tests pass a controllable one. */
  now?: () => Date;
  /** The personal-data cipher; by default the `pii` keyring under config.dataDir (or ANJIAN_PII_KEYS). */
  pii?: PiiCipher;
  logger?: boolean;
}

export const VERSION = '0.1.0';

export interface Platform {
  app: FastifyInstance;
  /** Scheduled work (main.ts starts it; tests run it by hand with their own clock). */
  jobs: Job[];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  return (await buildPlatform(deps)).app;
}

/** Builds the whole platform as one Fastify instance: API under /api, the web app at /. */
export async function buildPlatform(deps: AppDeps): Promise<Platform> {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // What the router and Node's HTTP parser refuse answers in the standard error shape too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every /api route must say who may call it; a route without a declaration stops the start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.config ??= {};
    if (route.url.startsWith('/api/docs')) route.config.access ??= 'public';
    if (!route.config.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    if (route.schema) (route.schema as Record<string, unknown>)['x-access'] = route.config.access;
  });

  await registerSecurityHeaders(app);
  await app.register(cookie);
  // API answers (a ledger page, an export) go compressed to whoever asks; brotli at a quality
  // that costs about what gzip does. The web app's files are compressed once at build time.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Only routes that ask for it are limited (sign-in: config.rateLimit on the route).
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  // Uploads (photos, PDFs, spreadsheets) stream through here; each route sets tighter limits.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 50, parts: 60 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'anjian 安监 API', version: VERSION, description: '安全生产监管平台接口。Every operation lists its required permission as x-access.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const pii = deps.pii ?? (await loadPiiCipher(config.dataDir));
  const audit = createAuditWriter({ algorithm: config.auditHash, now });
  const sessions = createSessionStore({ db, settings: config.session, now });
  const auth = createAuthService({ db, sessions, audit, lockout: config.lockout, passwordPolicy: config.passwordPolicy, now });
  registerLifecycle(app, { db, sessions, audit });
  registerInputGuard(app);
  app.setErrorHandler(errorHandler);

  const regions = createRegionsModule({ db, databaseUrl: deps.databaseUrl, audit });
  const industries = createIndustriesModule({ db, audit });
  const orgs = createOrgsModule({ db, audit, regions: regions.service, industries: industries.service, now, changed: () => sessions.forget() });
  const routing = createRoutingModule({ db, audit, regions: regions.service, industries: industries.service, now });
  const users = createUsersModule({ db, audit, regions: regions.service, sessions, passwordPolicy: config.passwordPolicy, pii, activationHours: config.activationHours, now });
  const enterprises = createEnterprisesModule({ db, audit, regions: regions.service, industries: industries.service, routing: routing.service, pii, now });
  const storage = createFileStorage(config.dataDir);
  const files = createFilesService({ db, storage, audit, now });
  const hazards = createHazardsModule({
    db, databaseUrl: deps.databaseUrl, audit, regions: regions.service, orgs: orgs.service, routing: routing.service, ownedFiles: files.ownedBy, pii, verifyPassword: auth.verifyPassword, now,
    // 挂牌督办 ordering 停产停业整改: the enterprise's status follows, in the same transaction.
    suspendEnterprise: async (c, enterpriseId, reason) => {
      await enterprises.service.setStatus(c.tx, c.ctx, enterpriseId, 'suspended', reason);
    },
  });
  files.registerOwner(hazards.attachments);
  const accidents = createAccidentsModule({ db, audit, regions: regions.service, industries: industries.service, enterprises: enterprises.service, now });
  const stats = createStatsModule({ db, audit, regions: regions.service, now });
  const draws = createDrawsModule({
    db, audit, regions: regions.service, now,
    industryCodes: async () => (await industries.service.list()).map((i) => i.code),
    enterpriseVisible: (user, id) => enterprises.service.findVisible(user, id),
    // Late binding: cases is created below; a blacklisted enterprise weighs 3 in the register (联合惩戒).
    weights: (ids) => cases.drawWeights(ids),
    outcomes: inspectionOutcomes,
  });
  const inspections = createInspectionsModule({
    db, audit, enterprises: enterprises.service, industries: industries.service, ownedFiles: files.ownedBy, verifyPassword: auth.verifyPassword, reportFinding: hazards.reportFinding, now,
    // Enforcement figures: the cases module is created below, so its figures are read through a closure (late binding).
    figures: { regions: regions.service, industries: () => industries.service.list(), planCoverage: draws.coverage, caseFigures: (scope, period) => cases.figures(scope, period) },
  });
  files.registerOwner(inspections.attachments);
  // 行政执法案件: a 停产整顿 decision, a 复产验收 and a closure change the enterprise's status in their own transaction.
  const cases = createCasesModule({
    db, audit, storage, findEnterprise: enterprises.service.findVisible, orderStatus: enterprises.service.setStatus,
    party: documentParty, openMajorHazardCount, hazardsOfEnterprise, verifyPassword: auth.verifyPassword, now,
    inspections: { inspectionOf: inspections.inspectionOf, reinspectionsOf },
  });
  // Late binding: hazards (created first) lists the cases' 案件查办清单 and 违法企业处罚清单 through the cases module.
  hazards.useEnforcementLists({ caseListRows: cases.caseListRows, penaltyListRows: cases.penaltyListRows });
  // Late binding: the enterprise as presented carries its 黑名单 entry in force, read from the cases module.
  enterprises.useBlacklist(cases.blacklistFlags);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes({ db, embedded: deps.embedded, version: VERSION }));
  await app.register(authRoutes({ auth, sessions, regionPath: regions.service.path, idleMinutes: config.session.idleMinutes, passwordPolicy: config.passwordPolicy, loginRateLimit: config.loginRateLimit }));
  await app.register(regions.routes);
  await app.register(industries.routes);
  await app.register(orgs.routes);
  await app.register(routing.routes);
  await app.register(users.routes);
  await app.register(enterprises.routes);
  await app.register(filesRoutes({ files }));
  await app.register(hazards.routes);
  await app.register(accidents.routes);
  await app.register(stats.routes);
  await app.register(draws.routes);
  await app.register(inspections.routes);
  // Audited objects are named by the module owning each table (users, orgs and enterprises, hazards, accidents, regions).
  const orgName = orgNames(db);
  const auditNamers = { user: userNames(db), org: orgName, enterprise: orgName, hazard: hazardNames(db), accident: accidentNames(db), region: regionNames(db) };
  const verifyChain = async () => chainAndVerify(db, { keyring: await auditKeyring(config.dataDir), dataDir: config.dataDir });
  await app.register(auditRoutes({ db, audit, resolveRegion: regions.service.resolve, regionPath: regions.service.path, namers: auditNamers, verify: verifyChain, now }));
  await app.register(cases.routes);
  if (config.benchBaseline) await app.register(benchBaselineRoutes({ db }));

  registerWebApp(app, config.webDistDir);
  const auditKeys = () => auditKeyring(config.dataDir);
  const chainer = createAuditChainer(db, auditKeys);
  const checkpointer = createAuditCheckpointer({ db, dataDir: config.dataDir, keys: auditKeys, algorithm: config.auditHash, now });
  const jobs: Job[] = [
    // Links the audit rows committed since the last run into the hash chain (audit.chainer.ts).
    { name: 'audit.chain', everyMs: 1_000, run: async () => { await chainer.chain(); return ''; } },
    // Checkpoints the chain's head outside the database (audit.checkpoint.ts); main.ts also does at start and shutdown.
    { name: 'audit.checkpoint', everyMs: 10 * 60_000, run: async () => { await chainer.chain(); return checkpointer.checkpoint(); } },
    { name: 'hazards.escalate_overdue', everyMs: 10 * 60_000, run: async (at) => {
      const r = await hazards.escalateOverdue(at);
      return r.read > 0 ? `${r.escalated} escalated, ${r.accountability} need accountability, ${r.acceptance} acceptances late; ${r.read} read in ${r.batches} batches` : '';
    } },
    { name: 'hazards.fold_changes', everyMs: 5_000, run: async () => { await hazards.foldChanges(); return ''; } },
    { name: 'cases.escalate_overdue', everyMs: 10 * 60_000, run: async (at) => {
      const r = await cases.escalateOverdueCases(at);
      return r.escalated > 0 ? `${r.escalated} cases past the 立案→决定 limit escalated` : '';
    } },
  ];
  return { app, jobs };
}

/**
 * The built web app: static files, and index.html for any other GET outside /api (client
 * routing). Files under assets/ carry a content hash in their names, so they are cached for a
 * year; index.html, which names them, is revalidated on every visit. Each is sent as the .br or
 * .gz written beside it at build time (scripts/precompress.mjs) when the browser accepts it.
 */
function registerWebApp(app: FastifyInstance, distDir: string) {
  const hasWeb = fs.existsSync(path.join(distDir, 'index.html'));
  const hashed = `${path.sep}assets${path.sep}`;
  if (hasWeb) {
    void app.register(fastifyStatic, {
      root: distDir, wildcard: false, index: ['index.html'], preCompressed: true, cacheControl: false,
      setHeaders: (res, file) => res.setHeader('cache-control', file.includes(hashed) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return notFoundHandler(req, reply);
  });
}
