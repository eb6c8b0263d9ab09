/**
 * How a value becomes a spreadsheet cell in every export: Beijing dates as real Excel dates,
 * numbers and percentages as numbers with a number format. Pure, so it is unit-tested alone.
 */

export type ExportCellType = 'text' | 'int' | 'decimal' | 'money' | 'percent' | 'signedPercent' | 'date' | 'datetime';

export interface ExportCell {
  value: string | number | Date | null;
  numFmt?: string;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

export const NUM_FMT: Record<Exclude<ExportCellType, 'text'>, string> = {
  int: '#,##0',
  decimal: '#,##0.00###',
  money: '#,##0.00',
  percent: '0.00%',
  signedPercent: '+0.00%;-0.00%;0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as the Beijing wall clock, carried in a Date's UTC fields (Excel dates have no zone). */
export function beijingWallClock(instant: Date): Date {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS);
}

/** "2026-12-07 04:30" for an instant, in Beijing time. */
export function beijingText(instant: Date, withTime = true): string {
  const text = beijingWallClock(instant).toISOString().replace('T', ' ');
  return withTime ? text.slice(0, 16) : text.slice(0, 10);
}

function instantOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/**
 * A business date ("2026-03-01", a calendar day in China) stays that day; an instant (a Date
 * or an ISO timestamp) is shown as its Beijing day, so 2026-03-01T17:00Z is 2026-03-02.
 */
function dateCell(value: unknown, type: 'date' | 'datetime'): ExportCell {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value.trim());
    if (m) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), numFmt: NUM_FMT.date };
  }
  const instant = instantOf(value);
  if (!instant) return { value: typeof value === 'string' && value !== '' ? value : null };
  return { value: beijingWallClock(instant), numFmt: NUM_FMT[type] };
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/**
 * One value as a cell of the given type. Percentages come in percent units (33.33 → 33.33%),
 * as the statistics compute them; null stays an empty cell, never 0.
 */
export function toCell(value: unknown, type: ExportCellType = 'text'): ExportCell {
  if (value === null || value === undefined || value === '') return { value: null };
  switch (type) {
    case 'text':
      return { value: value instanceof Date ? beijingText(value) : String(value) };
    case 'date':
    case 'datetime':
      return dateCell(value, type);
    case 'percent':
    case 'signedPercent': {
      const n = numberOf(value);
      return n === null ? { value: String(value) } : { value: n / 100, numFmt: NUM_FMT[type] };
    }
    default: {
      const n = numberOf(value);
      return n === null ? { value: String(value) } : { value: n, numFmt: NUM_FMT[type] };
    }
  }
}

/** Display width of a text in Excel's character units: CJK and full-width forms count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** What a cell shows, for sizing its column. */
export function shownText(cell: ExportCell): string {
  if (cell.value === null) return '';
  if (cell.value instanceof Date) return cell.numFmt === NUM_FMT.datetime ? '0000-00-00 00:00' : '0000-00-00';
  if (typeof cell.value === 'number') return cell.numFmt?.includes('%') ? '+000.00%' : cell.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return cell.value;
}

/** Characters a file name cannot hold on Windows or macOS (control characters go too, below). */
const UNSAFE = /[\\/:*?"<>|]/g;
const unsafe = (text: string) => [...text].map((ch) => (ch.charCodeAt(0) < 0x20 ? '-' : ch)).join('').replace(UNSAFE, '-');

/**
 * The download's name: what, where, when — "问题清单_正定县_2026-01-01至2026-06-30.xlsx";
 * without a period, the day of export ("…_截至2026-12-07.xlsx").
 */
export function exportFileName(what: string, regionName: string, period: { from?: string | null; to?: string | null } | null, exportedAt: Date): string {
  const today = beijingText(exportedAt, false);
  const when = period?.from || period?.to ? `${period.from ?? '起始'}至${period.to ?? today}` : `截至${today}`;
  return `${[what, regionName, when].map((p) => unsafe(p).trim()).filter(Boolean).join('_')}.xlsx`;
}

/** RFC 6266 / RFC 5987: an ASCII fallback, and the UTF-8 name every current browser uses. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
