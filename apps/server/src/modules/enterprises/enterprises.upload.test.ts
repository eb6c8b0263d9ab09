import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { inspectXlsx } from './enterprises.upload.js';
import { attachment } from './enterprises.xlsx.js';

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('企业名录').addRow(['企业名称']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal stored (uncompressed) ZIP with the given entries and declared sizes. */
function zip(entries: { name: string; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    locals.push(local, name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('inspectXlsx', () => {
  it('accepts a workbook exceljs wrote', async () => {
    expect(inspectXlsx(await xlsx())).toMatchObject({ ok: true });
  });

  it('tells text, legacy .xls and other archives apart, whatever the name', () => {
    expect(inspectXlsx(Buffer.from('企业名称,统一社会信用代码\n'))).toEqual({ ok: false, reason: 'not_zip' });
    expect(inspectXlsx(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]))).toEqual({ ok: false, reason: 'legacy_xls' });
    expect(inspectXlsx(zip([{ name: 'word/document.xml', size: 10 }]))).toEqual({ ok: false, reason: 'not_xlsx' });
    expect(inspectXlsx(Buffer.from('PK\x03\x04 but nothing else at all'))).toEqual({ ok: false, reason: 'not_zip' });
  });

  it('refuses an archive that would inflate beyond the limit (a zip bomb)', () => {
    expect(inspectXlsx(zip([{ name: 'xl/workbook.xml', size: 1000 }, { name: 'xl/worksheets/sheet1.xml', size: 60 * 1024 * 1024 }]))).toEqual({ ok: false, reason: 'too_large' });
    expect(inspectXlsx(zip([{ name: 'xl/workbook.xml', size: 0xffffffff }]))).toEqual({ ok: false, reason: 'too_large' });
    expect(inspectXlsx(zip([{ name: 'xl/workbook.xml', size: 1000 }]))).toEqual({ ok: true, uncompressed: 1000 });
  });
});

describe('attachment', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachment('企业名录-20261122.xlsx')).toBe(`attachment; filename="____-20261122.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录-20261122.xlsx')}`);
  });
});
