import ExcelJS from 'exceljs';

/** An export's workbook, loaded as a user's spreadsheet program would. */
export async function loadXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/**
 * A sheet of an export (platform/exports) as its table: the header row is the one frozen at the
 * top (title lines above it), the rows below it, 1-based values dropped to 0-based arrays.
 */
export function tableOf(sheet: ExcelJS.Worksheet): { headerRow: number; header: string[]; rows: unknown[][] } {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  const headerRow = view?.ySplit ?? 1;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) rows.push(values(n));
  return { headerRow, header: values(headerRow) as string[], rows };
}
