import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { readFileUpload, type FileUpload } from '../../platform/http/multipart.js';

/** Uncompressed bytes a workbook may expand to: 20,000 full rows are about 12 MB; exceljs holds it all in memory. */
export const MAX_UNCOMPRESSED_BYTES = 48 * 1024 * 1024;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** The OLE2 signature of the old binary .xls format. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type ZipVerdict =
  | { ok: true; uncompressed: number }
  | { ok: false; reason: 'not_zip' | 'legacy_xls' | 'not_xlsx' | 'too_large' };

/**
 * What the bytes are, whatever the file was called: an .xlsx is a ZIP holding
 * xl/workbook.xml. The central directory also gives each entry's uncompressed size, so a
 * small file that would inflate to gigabytes (a zip bomb) is refused before it is parsed.
 */
export function inspectXlsx(buf: Buffer): ZipVerdict {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2)) return { ok: false, reason: 'legacy_xls' };
  if (buf.length < 22 || buf.readUInt32LE(0) !== ZIP_LOCAL) return { ok: false, reason: 'not_zip' };
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === ZIP_END) { end = i; break; }
  }
  if (end < 0) return { ok: false, reason: 'not_zip' };
  const entries = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  let total = 0;
  let workbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== ZIP_CENTRAL) return { ok: false, reason: 'not_zip' };
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    // 0xFFFFFFFF means a ZIP64 size: no spreadsheet of ours needs one.
    if (size === 0xffffffff) return { ok: false, reason: 'too_large' };
    total += size;
    if (name === 'xl/workbook.xml') workbook = true;
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > MAX_UNCOMPRESSED_BYTES) return { ok: false, reason: 'too_large' };
  if (!workbook) return { ok: false, reason: 'not_xlsx' };
  return { ok: true, uncompressed: total };
}

export function unsupportedFile(reason: 'not_zip' | 'legacy_xls' | 'not_xlsx' | 'unreadable'): AppError {
  const messages = {
    not_zip: { zh: '文件内容不是 .xlsx 工作簿', en: 'the file content is not an .xlsx workbook' },
    legacy_xls: { zh: '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后上传', en: 'this is a legacy .xls file; save it as .xlsx and upload again' },
    not_xlsx: { zh: '压缩包中没有 Excel 工作簿，请上传 .xlsx 文件', en: 'the archive holds no Excel workbook; upload an .xlsx file' },
    unreadable: { zh: '无法读取该 .xlsx 文件，文件可能已损坏', en: 'the .xlsx file cannot be read; it may be damaged' },
  } as const;
  const message = messages[reason];
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: message }, [{ field: 'body.file', reason, message }]);
}


export type Upload = FileUpload;

/** The workbook upload: the platform's one multipart reader (platform/http/multipart.ts). */
export const readUpload: (req: FastifyRequest, limitBytes: number) => Promise<Upload> = readFileUpload;
