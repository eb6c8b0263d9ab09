import { describe, expect, it } from 'vitest';
import { csvBatches, type CsvRecord } from './hazards.import-csv.js';

async function read(chunks: (string | Buffer)[], limit = 1e9): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  async function* source() { for (const c of chunks) yield c; }
  for await (const batch of csvBatches(source(), limit)) out.push(...batch);
  return out;
}

/** Every way of cutting the bytes into two chunks must give the same records. */
async function everySplit(text: string): Promise<CsvRecord[]> {
  const bytes = Buffer.from(text);
  const whole = await read([bytes]);
  for (let i = 1; i < bytes.length; i++) expect(await read([bytes.subarray(0, i), bytes.subarray(i)]), `split at ${i}`).toEqual(whole);
  return whole;
}

describe('the streaming CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, across any chunk boundary', async () => {
    const records = await everySplit('\uFEFF标题,等级\r\n"一号楼,东侧","说""明"\r\n"两行\n文字",重大\n\n末行,一般');
    expect(records).toEqual([
      { row: 1, fields: ['标题', '等级'] },
      { row: 2, fields: ['一号楼,东侧', '说"明'] },
      { row: 3, fields: ['两行\n文字', '重大'] },
      { row: 5, fields: ['末行', '一般'] },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    expect(await everySplit('隐患,一般\n')).toEqual([{ row: 1, fields: ['隐患', '一般'] }]);
  });

  it('refuses bytes that are not UTF-8, and bodies over the limit', async () => {
    await expect(read([Buffer.from([0xd2, 0xfe, 0x2c, 0x31, 0x0a])])).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(read(['a,b\n', 'c,d\n'], 5)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
