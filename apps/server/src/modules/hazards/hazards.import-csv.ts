import { AppError } from '../../platform/errors.js';

/**
 * A streaming RFC 4180 reader for UTF-8 CSV: records come out in batches as the bytes arrive,
 * so a million-row ledger never sits in memory. Quoted fields may hold commas, doubled quotes
 * and line breaks; a UTF-8 BOM (Excel's "CSV UTF-8") is dropped. Bytes that are not UTF-8 —
 * Excel's plain "CSV" is GB18030 on a Chinese Windows — are refused with a way out, rather than
 * imported as mojibake.
 */

export interface CsvRecord {
  /** The record's ordinal, header = 1: what a spreadsheet shows as the row number. */
  row: number;
  fields: string[];
}

export function notUtf8(): AppError {
  const message = { zh: '文件不是 UTF-8 编码。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或上传 .xlsx', en: 'the file is not UTF-8; save it as "CSV UTF-8" or upload an .xlsx' };
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: message }, [{ field: 'body', reason: 'not_utf8', message }]);
}

export function csvTooLarge(limitBytes: number): AppError {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', { limit: `${mb} MB` }, [
    { field: 'body', reason: 'too_large', message: { zh: `文件不能超过 ${mb} MB，请拆分后分批导入`, en: `the file must not exceed ${mb} MB; split it` } },
  ]);
}

/** Parses one record starting at `start`; null when the text ends inside it (more bytes needed). */
function parseQuoted(text: string, start: number, final: boolean): { fields: string[]; next: number } | null {
  const fields: string[] = [];
  let i = start;
  let field = '';
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) { field += '"'; i = q + 2; continue; }
        if (q + 1 >= text.length && !final) return null;
        i = q + 1;
        break;
      }
    }
    // Unquoted remainder of the field (or text after a closing quote, kept as written).
    let end = i;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 44 /* , */ || c === 10 || c === 13) break;
      end++;
    }
    if (end >= text.length && !final) return null;
    field += text.slice(i, end);
    fields.push(field);
    field = '';
    if (end >= text.length) return { fields, next: end };
    const c = text.charCodeAt(end);
    if (c === 44) { i = end + 1; continue; }
    // CR, LF or CRLF ends the record.
    let next = end + 1;
    if (c === 13 && text.charCodeAt(next) === 10) next++;
    else if (c === 13 && next >= text.length && !final) return null;
    return { fields, next };
  }
}

/**
 * Reads `input` (the request body) and yields its records in batches. Empty lines are
 * skipped but still counted, so row numbers match what the author's spreadsheet shows.
 */
export async function* csvBatches(input: AsyncIterable<Buffer | string>, limitBytes: number): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let bytes = 0;
  let row = 0;
  const drain = (final: boolean): CsvRecord[] => {
    const out: CsvRecord[] = [];
    let pos = 0;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(pos, lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
      if (line.indexOf('"') < 0) {
        // The common case: no quotes, so the record is this one line.
        row++;
        if (line !== '') out.push({ row, fields: line.split(',') });
        pos = nl < 0 ? text.length : nl + 1;
        continue;
      }
      const parsed = parseQuoted(text, pos, final);
      if (!parsed) break;
      row++;
      out.push({ row, fields: parsed.fields });
      pos = parsed.next;
    }
    text = text.slice(pos);
    return out;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    if (bytes > limitBytes) throw csvTooLarge(limitBytes);
    try {
      text += decoder.decode(buf, { stream: true });
    } catch {
      throw notUtf8();
    }
    const batch = drain(false);
    if (batch.length) yield batch;
  }
  try {
    text += decoder.decode();
  } catch {
    throw notUtf8();
  }
  const last = drain(true);
  if (last.length) yield last;
}
