import zlib from 'node:zlib';

/**
 * An .xlsx zip bomb for tests and scripts/measure-upload-memory.ts: a real workbook whose one
 * worksheet is `inflatedBytes` of repeated rows, deflated to a few hundred KB. With `lie`,
 * every header declares the sheet as 1 KB, as an attacker would, so a reader that trusts the
 * declared sizes lets it through.
 */
export function xlsxBomb(options: { inflatedBytes: number; lie?: boolean }): Buffer {
  const row = `<row><c t="inlineStr"><is><t>${'A'.repeat(1000)}</t></is></c></row>`;
  const rows = Math.max(1, Math.floor(options.inflatedBytes / row.length));
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  // Deflated block by block, each ended with a sync flush so the pieces join into one deflate
  // stream: the bomb never exists inflated, here either.
  const piece = (chunk: Buffer, last = false) => zlib.deflateRawSync(chunk, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
  const block = Buffer.from(row.repeat(1024));
  const packedBlock = piece(block);
  const out: Buffer[] = [piece(Buffer.from(head))];
  let crc = zlib.crc32(head);
  let size = head.length;
  for (let left = rows; left > 0; left -= 1024) {
    const chunk = left >= 1024 ? block : Buffer.from(row.repeat(left));
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    out.push(chunk === block ? packedBlock : piece(chunk));
  }
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  out.push(piece(Buffer.from(tail), true));
  const sheet: ZipEntry = { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size, declared: options.lie ? 1000 : size };
  return zip([...WORKBOOK_PARTS.map(([name, text]) => deflated(name, text)), sheet]);
}

/** A workbook's XML parts as entries of their own (for zips built by hand in tests). */
export function workbookZip(sheetXml: string, extra: [string, string][] = []): Buffer {
  return zip([...WORKBOOK_PARTS, ['xl/worksheets/sheet1.xml', sheetXml] as [string, string], ...extra].map(([name, text]) => deflated(name, text)));
}

const WORKBOOK_PARTS: [string, string][] = [
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
  ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
  ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="隐患台账" sheetId="1" r:id="rId1"/></sheets></workbook>'],
  ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
];

interface ZipEntry { name: string; data: Buffer; crc: number; size: number; declared: number }

function deflated(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length, declared: raw.length };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
