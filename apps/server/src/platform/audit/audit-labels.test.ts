import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditFamilyOf, CASE_ACTIONS, HAZARD_ACTIONS, INSPECTION_ACTIONS, PERMISSIONS } from '@anjian/domain';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(full);
    return /\.ts$/.test(e.name) && !/\.(test|fixture)\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Templates the server builds action strings from, and what they expand to. */
const TEMPLATES: Record<string, readonly string[]> = {
  'hazard.${action}': HAZARD_ACTIONS.map((a) => `hazard.${a}`),
  'inspection.${action}': INSPECTION_ACTIONS.map((a) => `inspection.${a}`),
  'case.${action}': CASE_ACTIONS.map((a) => `case.${a}`),
};

/**
 * Every action string in the server's code: `action: '…'` (a record call or a route's
 * config.action) and the quoted dotted names on lines that call record(…) or change(…) with the
 * action as an argument (users.service, users.operator). Workflow event names (report, verify)
 * have no dot and are not audit actions.
 */
function actionsInSource(): { found: Map<string, string>; templates: Set<string> } {
  const found = new Map<string, string>();
  const templates = new Set<string>();
  for (const file of serverSources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(SRC, file);
    for (const m of text.matchAll(/\baction:\s*(['`])([^'`]+)\1/g)) {
      const value = m[2]!;
      if (value.includes('${')) templates.add(value);
      else if (value.includes('.')) found.set(value, where);
    }
    for (const line of text.split('\n')) {
      if (!/\b(record|change)\(/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.set(m[1]!, where);
    }
  }
  return { found, templates };
}

describe('the audit action labels', () => {
  const { found, templates } = actionsInSource();

  it('finds the actions the server writes (the scan itself works)', () => {
    expect(found.size).toBeGreaterThan(40);
    for (const known of ['user.create', 'auth.login', 'admin.grant', 'user.reset_password', 'hazard.review_draw', 'audit.verify', 'audit.export']) expect(found.has(known), known).toBe(true);
  });

  it('has words for every action string in the server', () => {
    const missing = [...found].filter(([action]) => !auditActionLabel(action)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it('knows every template the server builds actions from, and labels each expansion', () => {
    const unknown = [...templates].filter((t) => !TEMPLATES[t]);
    expect(unknown).toEqual([]);
    for (const t of templates) for (const action of TEMPLATES[t]!) expect(auditActionLabel(action), action).not.toBeNull();
  });

  it('labels every permission (a refused request on a route without an action is recorded under its permission)', () => {
    expect(PERMISSIONS.filter((p) => !auditActionLabel(p))).toEqual([]);
  });

  it('puts every labelled action in a filter family', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((a) => auditFamilyOf(a) === null)).toEqual([]);
  });

  it('says so when an action is unknown, and words a raw request', () => {
    expect(auditActionLabel('hazard.teleport')).toBeNull();
    expect(auditActionLabel('GET /api/files/:id')).toEqual({ zh: '接口请求 GET /api/files/:id', en: 'Request GET /api/files/:id' });
    expect(auditActionLabel('user.create')?.zh).toBe('新增用户');
    expect(auditActionLabel('hazard.assign')?.zh).toBe('隐患交办');
  });
});
