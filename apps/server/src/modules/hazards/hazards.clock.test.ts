import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * "Overdue" is defined once: the domain's deadlines.ts (isPast, hazardClock) and its SQL
 * mirror, the functions of migration 0012c (used through hazards.clock.ts). Before, it was
 * written out by hand in eleven places, so that a `<` turned `<=` in one of them passed every
 * test. This keeps it so: no code compares a deadline or last day with today except there.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const SCANNED = ['apps/server/src', 'apps/web/src', 'packages/domain/src', 'bench/src'];
/**
 * The definition itself, and the migrations, which keep the SQL definition and the history before
 * it; and the one other clock compared by due day, the re-checks of closed sites (cases/rechecks.ts).
 */
const DEFINITION = ['packages/domain/src/hazards/deadlines.ts', 'apps/server/src/db/migrations/', 'packages/domain/src/cases/rechecks.ts'];

const DUE = /\b(deadline|due_on|dueOn|lastDay|c\.day|d\.day)\b/;
const TODAY = /\b(today|now|shanghaiDate)\b/;
const COMPARISON = [
  // h.deadline < today, 'h.deadline', '<', today, deadline >= …
  /\b(deadline|due_on|dueOn|lastDay|day)\b['"`)}\]]*\s*,?\s*['"`]?\s*(<|<=|>|>=)[\s'"`]/,
  // today > deadline
  /\s(<|<=|>|>=)\s*['"`]?[\w.${}]*\b(deadline|due_on|dueOn|lastDay)\b/,
  /compareDates\(/,
];

function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') yield* sources(p);
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield p;
  }
}

/** Lines that compare a due date with today, outside the definition. */
export function handWrittenClocks(root: string): string[] {
  const found: string[] = [];
  for (const dir of SCANNED) {
    for (const file of sources(path.join(root, dir))) {
      const rel = path.relative(root, file);
      if (DEFINITION.some((d) => rel.startsWith(d))) continue;
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (DUE.test(line) && TODAY.test(line) && COMPARISON.some((c) => c.test(line))) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe('the hazard clock is written once', () => {
  it('no code compares a deadline with today but the definition', () => {
    expect(handWrittenClocks(ROOT)).toEqual([]);
  });

  it('would see a comparison written by hand, in SQL or TypeScript', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'apps/server/src/.clock-scan-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), [
        "q.where('h.deadline', '<=', today);",
        'sql`h.deadline < ${q.today}::date`;',
        'const late = deadline !== null && deadline < shanghaiDate(now);',
        'sql`(c.span = \'n\' or c.day <= ${q.today}::date)`;',
        'return compareDates(shanghaiDate(now), deadline) > 0;',
        "const fine = hazard_past(h.deadline, today); // the definition's own function",
      ].join('\n'));
      expect(handWrittenClocks(ROOT).filter((l) => l.includes('.clock-scan-'))).toHaveLength(5);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
