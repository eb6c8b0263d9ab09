import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import unzipper from 'unzipper';
import { AppError } from '../errors.js';
import { dateStyles, excelDate, sheetOrder, type WorkbookParts } from './workbook-parts.js';

const MiB = 1024 * 1024;

export interface WorkbookLimits {
  /** Real inflated bytes of all entries together, counted while inflating (never the declared sizes). */
  inflatedBytes: number;
  /** Entries of xl/sharedStrings.xml: the table is held in memory while the sheets are read. */
  sharedStrings: number;
  entries: number;
}

/**
 * What a workbook may expand to. 20,000 rows of a real ledger (names, addresses, contacts)
 * inflate to about 10–16 MB; 24 MB leaves room without letting one upload raise the server's
 * memory by more than 64 MB (scripts/measure-upload-memory.mjs measures it).
 */
export const WORKBOOK_LIMITS: WorkbookLimits = { inflatedBytes: 24 * MiB, sharedStrings: 300_000, entries: 1_000 };

/** The OLE2 signature of the old binary .xls format. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;

export type UnsupportedReason = 'not_zip' | 'legacy_xls' | 'not_xlsx' | 'unreadable';

export function unsupportedWorkbook(reason: UnsupportedReason): AppError {
  const messages = {
    not_zip: { zh: '文件内容不是 .xlsx 工作簿', en: 'the file content is not an .xlsx workbook' },
    legacy_xls: { zh: '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后上传', en: 'this is a legacy .xls file; save it as .xlsx and upload again' },
    not_xlsx: { zh: '压缩包中没有 Excel 工作簿，请上传 .xlsx 文件', en: 'the archive holds no Excel workbook; upload an .xlsx file' },
    unreadable: { zh: '无法读取该 .xlsx 文件，文件可能已损坏', en: 'the .xlsx file cannot be read; it may be damaged' },
  } as const;
  const message = messages[reason];
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: message }, [{ field: 'body.file', reason, message }]);
}

export function workbookTooLarge(limits: WorkbookLimits, what: 'bytes' | 'strings' | 'entries'): AppError {
  const mb = Math.round(limits.inflatedBytes / MiB);
  const message = what === 'bytes'
    ? { zh: `文件解压后超过 ${mb} MB，请拆分后分批上传（或改用 CSV）`, en: `the workbook expands beyond ${mb} MB; split it (or use CSV)` }
    : what === 'strings'
      ? { zh: `文件中的文字单元格超过 ${limits.sharedStrings} 个，请拆分后分批上传`, en: `the workbook holds more than ${limits.sharedStrings} text cells; split it` }
      : { zh: `压缩包中的文件超过 ${limits.entries} 个`, en: `the archive holds more than ${limits.entries} entries` };
  return new AppError('PAYLOAD_TOO_LARGE', { limit: `${mb} MB` }, [{ field: 'body.file', reason: 'inflates_too_large', message }]);
}

/** A cell's value as the importers read it (ExcelJS's CellValue, narrowed to what a reader yields). */
export type CellValue = string | number | boolean | Date | null;

/** A row: 1-based cell values (index = column number), like exceljs's `row.values`. */
export type RowVisitor = (sheet: number, rowNumber: number, values: readonly CellValue[]) => 'stop' | void;

/** Small parts read whole (workbook, relationships, styles): anything bigger is not a real one. */
const PART_MAX_BYTES = 4 * MiB;
const MAX_COLUMN = 16_384;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Feeds an entry's bytes to a SAX parser, decoding UTF-8 across chunk boundaries. */
async function parseXml(entry: AsyncIterable<Buffer>, parser: SaxesParser, onChunk: (n: number) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entry) {
    onChunk(chunk.length);
    parser.write(decoder.write(chunk));
  }
  parser.write(decoder.end());
  parser.close();
}

/** A zip entry as the readers see it: its path and its inflating bytes. */
interface ZipEntry { path: string; body: AsyncIterable<Buffer> & { destroy?: () => void } }

/**
 * One pass over the zip's entries, found through the central directory (the file is in memory
 * anyway), counting real inflated bytes against the limits. Reading the local headers in
 * order instead (a streaming parse) refused real files: writers that stream (JSZip with
 * streamFiles, Go's archive/zip, `zip -fd`) leave the sizes out of the local header and put
 * them in a data descriptor after the data, which a streaming reader cannot find for a
 * stored (uncompressed) entry — "文件可能已损坏" for a good workbook. The central directory
 * has every size; inflation is still counted, never the declared sizes trusted.
 */
async function eachEntry(bytes: Buffer, limits: WorkbookLimits, visit: (entry: ZipEntry, count: (n: number) => void) => Promise<void>): Promise<void> {
  let total = 0;
  const count = (n: number) => {
    total += n;
    if (total > limits.inflatedBytes) throw workbookTooLarge(limits, 'bytes');
  };
  try {
    const directory = await unzipper.Open.buffer(bytes);
    const files = directory.files.filter((f) => f.type !== 'Directory');
    if (files.length > limits.entries) throw workbookTooLarge(limits, 'entries');
    for (const file of files) {
      const body = file.stream() as unknown as ZipEntry['body'];
      try {
        await visit({ path: file.path, body }, count);
      } finally {
        body.destroy?.();
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unsupportedWorkbook('unreadable');
  }
}

async function drain(entry: AsyncIterable<Buffer>, count: (n: number) => void): Promise<void> {
  for await (const chunk of entry) count(chunk.length);
}

async function readPart(entry: AsyncIterable<Buffer>, count: (n: number) => void): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    count(chunk.length);
    if ((size += chunk.length) > PART_MAX_BYTES) throw unsupportedWorkbook('unreadable');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The shared-string table, streamed: rich-text runs joined, phonetic hints (rPh) left out. */
async function readSharedStrings(entry: AsyncIterable<Buffer>, count: (n: number) => void, limits: WorkbookLimits): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = [];
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && current && phonetic === 0) inText = true;
  });
  parser.on('text', (text) => { if (inText) current!.push(text); });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current) {
      if (strings.length >= limits.sharedStrings) throw workbookTooLarge(limits, 'strings');
      strings.push(current.join(''));
      current = null;
    }
  });
  await parseXml(entry, parser, count);
  return strings;
}

/**
 * The first pass: inflates every entry (the same streaming unzipper as the second pass, over
 * the same bytes), counting the real inflated bytes and stopping at the limit. The sizes the
 * zip's headers declare are never trusted: a 300 KB file that declares 1 KB and inflates to
 * 300 MB stops after 24 MB of inflation, having held one chunk at a time. It also reads what
 * the rows need: the shared strings, the sheet order, which styles are dates.
 */
export async function checkWorkbook(bytes: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<WorkbookParts> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2)) throw unsupportedWorkbook('legacy_xls');
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== ZIP_LOCAL) throw unsupportedWorkbook('not_zip');
  const parts: WorkbookParts = { workbook: null, rels: null, styles: null, strings: [] };
  await eachEntry(bytes, limits, async (entry, count) => {
    // Zip names are case-sensitive, but some writers spell the parts differently (SharedStrings.xml).
    switch (entry.path.toLowerCase()) {
      case 'xl/workbook.xml': parts.workbook = await readPart(entry.body, count); break;
      case 'xl/_rels/workbook.xml.rels': parts.rels = await readPart(entry.body, count); break;
      case 'xl/styles.xml': parts.styles = await readPart(entry.body, count); break;
      case 'xl/sharedstrings.xml': parts.strings = await readSharedStrings(entry.body, count, limits); break;
      default: await drain(entry.body, count);
    }
  });
  if (parts.workbook === null) throw unsupportedWorkbook('not_xlsx');
  return parts;
}

/** "AB12" → 28. */
function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

/** Streams one worksheet's rows to `visit`, one row held at a time. */
async function readSheet(entry: AsyncIterable<Buffer>, count: (n: number) => void, ctx: {
  sheet: number; strings: readonly string[]; dates: ReadonlySet<number>; date1904: boolean; visit: (rowNumber: number, values: CellValue[]) => void;
}): Promise<void> {
  const parser = new SaxesParser();
  let rowNumber = 0;
  let values: CellValue[] = [];
  let col = 0;
  let type = '';
  let style = 0;
  let raw: string[] = [];
  let capture = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'row') {
      rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
      values = [];
      col = 0;
    } else if (name === 'c') {
      col = attrs.r ? columnOf(attrs.r) : col + 1;
      type = attrs.t ?? 'n';
      style = Number(attrs.s ?? 0);
      raw = [];
    } else if (name === 'rPh') phonetic++;
    else if ((name === 'v' || name === 't') && phonetic === 0) capture = true;
  });
  parser.on('text', (text) => { if (capture) raw.push(text); });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v' || name === 't') capture = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c') {
      if (col < 1 || col > MAX_COLUMN) return;
      const text = raw.join('');
      if (text === '' && type !== 'inlineStr' && type !== 'str') return;
      values[col] = type === 's' ? (ctx.strings[Number(text)] ?? '')
        : type === 'inlineStr' || type === 'str' ? text
          : type === 'b' ? text === '1'
            : type === 'e' ? null
              : type === 'd' ? new Date(text)
                : ctx.dates.has(style) && Number.isFinite(Number(text)) ? excelDate(Number(text), ctx.date1904)
                  : Number(text);
    } else if (name === 'row') ctx.visit(rowNumber, values);
  });
  await parseXml(entry, parser, count);
}

/**
 * Streams every row of every worksheet to `visit`, in bounded memory: the first pass
 * (checkWorkbook) counts and reads the shared strings, the second parses each worksheet
 * as it inflates, one row at a time. Sheets are numbered in the workbook's order. After
 * `visit` says stop, later rows are not visited.
 *
 * Why not exceljs's own streaming reader: it decodes each inflated chunk on its own, so a
 * Chinese character split across two chunks comes out as U+FFFD (measured: 13 of 10,000
 * company names); and its whole-file reader holds every cell of the workbook in memory.
 */
export async function readWorkbookRows(bytes: Buffer, visit: RowVisitor, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<void> {
  const parts = await checkWorkbook(bytes, limits);
  const order = sheetOrder(parts);
  const { dates, date1904 } = dateStyles(parts);
  let stopped = false;
  await eachEntry(bytes, limits, async (entry, count) => {
    // Every entry was inflated and counted by the first pass; here only the worksheets are read.
    const sheet = order.get(entry.path);
    if (sheet === undefined || stopped) return;
    await readSheet(entry.body, count, {
      sheet, strings: parts.strings, dates, date1904,
      visit: (rowNumber, values) => {
        if (!stopped && visit(sheet, rowNumber, values) === 'stop') stopped = true;
      },
    });
  });
}
