import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The one scope mechanism holds only if nobody writes scope by hand. The route-walking access
 * test proves the routes; this scan keeps the code honest between them: every file that reads
 * a table users are scoped on either goes through the mechanism or says, with unscoped('why'),
 * that it reads on purpose without a user's scope; and no file but scope.ts writes a region's
 * subtree as SQL.
 */
const SRC = path.resolve(import.meta.dirname, '../..');
const SCOPED_TABLES = ['hazards', 'accidents', 'orgs', 'enterprises', 'users', 'hazard_review_draws', 'audit_log', 'inspection_plans', 'inspection_draws', 'inspections', 'cases', 'resumptions', 'closure_rechecks', 'blacklist_entries', 'interviews'];
const READS = new RegExp(`selectFrom\\('(${SCOPED_TABLES.join('|')})( as \\w+)?'\\)|\\bfrom (public\\.)?(${SCOPED_TABLES.join('|')})\\s+(as\\s+)?[a-z]\\b`);
const USES_SCOPE = /\bscope\b|\bScope\b|Visible(InRegion)?\(|visible\(|unscoped\(/;
const HAND_WRITTEN_SUBTREE = /(region_code|\bcode)\s+like\b|like\s+\$\{[^}]*prefix/i;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' || e.name === 'migrations' || e.name === 'demo' ? [] : sources(full);
    return e.name.endsWith('.ts') && !/\.(int\.)?test\.ts$|fixture\.ts$/.test(e.name) ? [full] : [];
  });
}

const files = [...sources(path.join(SRC, 'modules')), ...sources(path.join(SRC, 'platform'))].map((file) => ({
  file: path.relative(SRC, file),
  text: fs.readFileSync(file, 'utf8'),
}));

describe('the one scope mechanism', () => {
  it('finds the files it checks', () => {
    expect(files.filter((f) => READS.test(f.text)).length).toBeGreaterThan(15);
  });

  it('is used, or bypassed by name, wherever a scoped table is read', () => {
    const unscopedReaders = files.filter((f) => READS.test(f.text) && !USES_SCOPE.test(f.text)).map((f) => f.file);
    expect(unscopedReaders, 'read a scoped table without scope.where(…) or unscoped(\'why\')').toEqual([]);
  });

  it('says why each time it is bypassed', () => {
    const silent = files.flatMap((f) => [...f.text.matchAll(/unscoped\(([^)]*)\)/g)].filter((m) => !/^\s*'[^']{10,}'\s*$/.test(m[1]!) && !f.file.endsWith('scope.ts')).map(() => f.file));
    expect(silent, 'unscoped() with no reason of ten characters or more').toEqual([]);
  });

  it('writes a region subtree as SQL in one place only', () => {
    const handWritten = files.filter((f) => !f.file.endsWith(path.join('access', 'scope.ts')) && HAND_WRITTEN_SUBTREE.test(f.text)).map((f) => f.file);
    expect(handWritten).toEqual([]);
  });
});
