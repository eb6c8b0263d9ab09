import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beijingText, shownText, textWidth, toCell, type ExportCell, type ExportCellType } from './export-cells.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What every exported sheet says above its table, so a printed page stands on its own. */
export interface ExportHeading {
  title: string;
  /** The exporting organisation (the signed-in user's). */
  unit: string;
  /** The region path the figures cover: "河北省/石家庄市/正定县". */
  scope: string;
  /** "2026-01-01 至 2026-06-30", or null for a list with no period. */
  period: string | null;
  /** Filters other than region and period, already worded: "状态：整改中". */
  filters?: string[];
  exportedAt: Date;
}

export interface ExportColumn {
  key: string;
  header: string;
  type?: ExportCellType;
  /** A fixed width; otherwise sized from the header and the first rows. */
  width?: number;
}

export type ExportRow = Record<string, unknown> | unknown[];

/** Rows held back to size the columns before the first row is written (the stream cannot resize). */
const SIZING_ROWS = 200;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB4C6E7' } };

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

export function headingLines(h: ExportHeading, notes: string[] = []): string[] {
  const line = [`导出单位：${h.unit}`, `范围：${h.scope}`, `期间：${h.period ?? '全部'}`, ...(h.filters?.length ? [`筛选：${h.filters.join('；')}`] : [])];
  return [line.join('　'), ...notes, `导出时间：${beijingText(h.exportedAt)}（北京时间）`];
}

export interface SheetWriter {
  add(row: ExportRow): void;
  /** Writes what is held back and closes the sheet. */
  end(): void;
}

/**
 * The one way an .xlsx export is written. Each sheet: the title, a line with unit, scope,
 * period and filters, any notes, the export time; then the table with a bold header row that
 * stays frozen and carries the autofilter. Cells follow their column's type (export-cells.ts).
 * It streams (exceljs's WorkbookWriter), so a list of any length stays in flat memory.
 */
export function createXlsxExport(out: Writable, heading: ExportHeading) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'anjian 安监';
  wb.created = heading.exportedAt;

  function sheet(name: string, columns: ExportColumn[], options: { title?: string; notes?: string[] } = {}): SheetWriter {
    const lines = [options.title ?? heading.title, ...headingLines(heading, options.notes)];
    const headerRow = lines.length + 1;
    const ws = wb.addWorksheet(sheetName(name), {
      views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
      // Printed to file: A4 landscape, one page wide, the heading and header repeated on every page.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${headerRow}` },
    });
    const held: ExportCell[][] = [];
    let started = false;
    let lastRow = headerRow;
    const span = Math.max(columns.length, 1);

    const cellsOf = (row: ExportRow): ExportCell[] =>
      columns.map((c, i) => toCell(Array.isArray(row) ? row[i] : (row as Record<string, unknown>)[c.key], c.type ?? 'text'));

    const write = (cells: ExportCell[]) => {
      const row = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => { if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt; });
      row.commit();
      lastRow = row.number;
    };

    const start = () => {
      started = true;
      ws.columns = columns.map((c, i) => {
        const widest = Math.max(textWidth(c.header), ...held.map((r) => textWidth(shownText(r[i]!))));
        return { key: c.key, width: c.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
      });
      lines.forEach((text, i) => {
        const row = ws.addRow([text]);
        row.font = i === 0 ? { bold: true, size: 14 } : { color: { argb: 'FF595959' } };
        if (i === 0) row.height = 24;
        if (span > 1) ws.mergeCells(row.number, 1, row.number, span);
        row.commit();
      });
      const header = ws.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { vertical: 'middle', wrapText: true };
      columns.forEach((_, i) => {
        const cell = header.getCell(i + 1);
        cell.fill = HEADER_FILL;
        cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      });
      header.commit();
      for (const r of held) write(r);
      held.length = 0;
    };

    return {
      add(row) {
        const cells = cellsOf(row);
        if (started) write(cells);
        else if (held.push(cells) >= SIZING_ROWS) start();
      },
      end() {
        if (!started) start();
        ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: span } };
        ws.commit();
      },
    };
  }

  return { sheet, commit: () => wb.commit() };
}

export type XlsxExport = ReturnType<typeof createXlsxExport>;

/** For small workbooks built whole (the statistics): the same writer, collected into a buffer. */
export async function xlsxBuffer(heading: ExportHeading, build: (x: XlsxExport) => void | Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { out.on('end', resolve); out.on('error', reject); });
  const x = createXlsxExport(out, heading);
  await build(x);
  await x.commit();
  await done;
  return Buffer.concat(chunks);
}
