import { SaxesParser } from 'saxes';

/** What the first pass over a workbook keeps: the small parts as text, the shared strings. */
export interface WorkbookParts {
  workbook: string | null;
  rels: string | null;
  styles: string | null;
  strings: string[];
}

type Tag = { name: string; attributes: Record<string, string> };

/** Every element of a small XML part, in document order (namespace prefixes dropped). */
function elements(xml: string): Tag[] {
  const out: Tag[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => out.push({ name: tag.name.slice(tag.name.indexOf(':') + 1), attributes: tag.attributes as Record<string, string> }));
  parser.write(xml).close();
  return out;
}

/** Relationship targets are relative to xl/ unless absolute ("/xl/worksheets/sheet1.xml"). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Worksheet entry paths and their numbers in the workbook's own order (1-based). Without a
 * readable relationship part, the usual names in the usual order.
 */
export function sheetOrder(parts: WorkbookParts): Map<string, number> {
  const order = new Map<string, number>();
  const targets = new Map<string, string>();
  for (const el of parts.rels ? elements(parts.rels) : []) {
    if (el.name === 'Relationship' && el.attributes.Id && el.attributes.Target) targets.set(el.attributes.Id, partPath(el.attributes.Target));
  }
  let n = 0;
  for (const el of parts.workbook ? elements(parts.workbook) : []) {
    if (el.name !== 'sheet') continue;
    const id = Object.entries(el.attributes).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
    const path = id ? targets.get(id) : undefined;
    n++;
    if (path) order.set(path, n);
  }
  if (order.size === 0) for (let i = 1; i <= 64; i++) order.set(`xl/worksheets/sheet${i}.xml`, i);
  return order;
}

/**
 * Built-in number formats that show a date or time (ECMA-376 18.8.30, with the East Asian
 * ids 27–36 and 50–58 that Chinese Excel and WPS use for 年月日).
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when, outside quotes, brackets and escapes, it uses y, m, d, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '');
  return /[ymdhs年月日]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (the `s` attribute, an index into cellXfs) format a number as a date. */
export function dateStyles(parts: WorkbookParts): { dates: Set<number>; date1904: boolean } {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  for (const el of parts.styles ? elements(parts.styles) : []) {
    if (el.name === 'numFmt') custom.set(Number(el.attributes.numFmtId), el.attributes.formatCode ?? '');
    else if (el.name === 'cellXfs') inCellXfs = true;
    else if (el.name === 'cellStyles' || el.name === 'dxfs') inCellXfs = false;
    else if (el.name === 'xf' && inCellXfs) {
      const id = Number(el.attributes.numFmtId ?? 0);
      if (BUILT_IN_DATES.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dates.add(index);
      index++;
    }
  }
  const pr = parts.workbook ? elements(parts.workbook).find((el) => el.name === 'workbookPr') : undefined;
  const date1904 = pr?.attributes.date1904 === '1' || pr?.attributes.date1904 === 'true';
  return { dates, date1904 };
}

/** An Excel serial day number as a Date (UTC): days since 1899-12-30, or 1904-01-01. */
export function excelDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}
