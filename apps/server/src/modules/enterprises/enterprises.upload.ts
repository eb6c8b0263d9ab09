import type { FastifyRequest } from 'fastify';
import { unsupportedWorkbook, WORKBOOK_LIMITS } from '../../platform/files/workbook.js';
import { readFileUpload, type FileUpload } from '../../platform/http/multipart.js';

/** Declared uncompressed bytes a workbook may claim (the real count is made while inflating: platform/files/workbook.ts). */
export const MAX_UNCOMPRESSED_BYTES = WORKBOOK_LIMITS.inflatedBytes;

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
 * xl/workbook.xml. The central directory also declares each entry's uncompressed size: an
 * honest bomb is refused here before anything is inflated. A lying one is stopped by the
 * real count while reading (checkWorkbook in platform/files/workbook.ts); this is only the
 * cheap first look.
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

/** A workbook that is not one, named by what it is (the platform's wording). */
export const unsupportedFile = unsupportedWorkbook;

export type Upload = FileUpload;

/** The workbook upload: the platform's one multipart reader (platform/http/multipart.ts). */
export const readUpload: (req: FastifyRequest, limitBytes: number) => Promise<Upload> = readFileUpload;
