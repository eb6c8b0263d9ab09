import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/enterprise-workbooks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { xlsxBomb } from '../../test/zip-bomb.js';

let t: TestApp;
let office: string;
const MiB = 1024 * 1024;
// 300 MB of worksheet in about 750 KB, every header declaring 1 KB.
const bomb = xlsxBomb({ inflatedBytes: 300 * MiB, lie: true });

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  office = await t.login((await t.factories.user({ orgId: org, roles: ['committee_office_staff'] })).username);
});
afterAll(async () => t?.close());

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['orgs', 'enterprises', 'hazards', 'hazard_events', 'files'] as const) {
    const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/**
 * The most this process's resident memory rose while `work` ran: the kernel's peak (VmHWM),
 * reset first (clear_refs 5), against the RSS before. The app runs in this process (inject).
 */
async function rssRaise(work: () => Promise<unknown>): Promise<number> {
  const read = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  const before = read('VmRSS');
  fs.writeFileSync('/proc/self/clear_refs', '5');
  await work();
  return read('VmHWM') - before;
}

const upload = (url: string) => t.request({ method: 'POST', url, cookie: office, ...multipart(bomb, '台账.xlsx') });

describe('an .xlsx zip bomb is refused while it inflates', () => {
  it.each([
    ['the enterprise import', '/api/enterprises/import'],
    ['the hazard import', '/api/hazards/import'],
  ])('on %s: 413 naming the file, nothing written, memory barely moves', async (_name, url) => {
    expect(bomb.length).toBeLessThan(MiB);
    const before = await counts();
    let res: Awaited<ReturnType<typeof upload>> | null = null;
    const raise = await rssRaise(async () => { res = await upload(url); });
    expect(raise, `RSS rose ${raise.toFixed(0)} MB`).toBeLessThan(64);
    expect(res!.statusCode, res!.body).toBe(413);
    expect(res!.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: 'body.file', reason: 'inflates_too_large' }] });
    expect(await counts()).toEqual(before);
  });

  it('four at once', async () => {
    const before = await counts();
    let answers: number[] = [];
    const raise = await rssRaise(async () => {
      answers = (await Promise.all([1, 2, 3, 4].map(() => upload('/api/enterprises/import')))).map((r) => r.statusCode);
    });
    expect(raise, `RSS rose ${raise.toFixed(0)} MB`).toBeLessThan(64);
    expect(answers).toEqual([413, 413, 413, 413]);
    expect(await counts()).toEqual(before);
  });
});
