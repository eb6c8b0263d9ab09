import ExcelJS from 'exceljs';
import type { AccidentBreakdownRow, AccidentRegionRow, AccidentStats, StatsFigure } from '@anjian/domain';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266: an ASCII fallback and the UTF-8 name for Chinese file names. */
export function attachment(filename: string): string {
  return `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const MEASURES = [
  ['accidents', '事故起数'],
  ['deaths', '死亡人数（含失踪）'],
  ['seriousInjuries', '重伤人数'],
  ['minorInjuries', '轻伤人数'],
  ['directLossYuan', '直接经济损失（元）'],
] as const;

/*
 * The same figures as GET /api/stats/accidents, one sheet per table, Chinese headers.
 * Counts are numbers (so they sum in Excel); percentages are the printed text the screen
 * shows ("+33.33%"), empty where there is no percentage (last year 0).
 */
export async function accidentStatsWorkbook(s: AccidentStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'anjian 安监';
  const mom = s.previousPeriod !== null;

  const heading = (ws: ExcelJS.Worksheet, title: string) => {
    ws.addRow([`${s.region.name} ${title}`]).font = { bold: true, size: 14 };
    ws.addRow(['统计期间', `${s.period.from} 至 ${s.period.to}`, '上年同期', `${s.samePeriodLastYear.from} 至 ${s.samePeriodLastYear.to}`]);
    if (s.previousPeriod) ws.addRow(['上一期间（环比）', `${s.previousPeriod.from} 至 ${s.previousPeriod.to}`]);
    if (s.scopeIndustries) ws.addRow(['统计范围', `仅含行业：${s.scopeIndustries.join('、')}`]);
    ws.addRow(['统计口径', s.basis.zh]);
    ws.addRow([]);
  };
  const header = (ws: ExcelJS.Worksheet, cells: string[]) => {
    const row = ws.addRow(cells);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  };
  const fig = (f: StatsFigure) => [f.current, f.previous, f.difference, f.percentText ?? '', ...(mom ? [f.periodOnPeriod?.previous ?? '', f.periodOnPeriod?.percentText ?? ''] : [])];

  const totals = wb.addWorksheet('汇总');
  heading(totals, '生产安全事故统计');
  header(totals, ['指标', '本期', '上年同期', '增减', '同比', ...(mom ? ['上一期间', '环比'] : [])]);
  for (const [key, label] of MEASURES) totals.addRow([label, ...fig(s.totals[key])]);
  totals.addRow(['双上升', s.doubleRise ? '是' : '否']);

  const breakdown = (name: string, keyHeader: string, rows: AccidentBreakdownRow[]) => {
    const ws = wb.addWorksheet(name);
    heading(ws, `事故统计（${name}）`);
    header(ws, [keyHeader, '起数', '上年同期', '增减', '同比', '死亡', '上年同期', '增减', '同比', '重伤', '轻伤', '直接经济损失（元）', '起数占比', '死亡占比']);
    for (const r of rows) {
      ws.addRow([
        r.label.zh, r.accidents.current, r.accidents.previous, r.accidents.difference, r.accidents.percentText ?? '',
        r.deaths.current, r.deaths.previous, r.deaths.difference, r.deaths.percentText ?? '',
        r.seriousInjuries.current, r.minorInjuries.current, r.directLossYuan.current, r.share.accidents.percentText ?? '', r.share.deaths.percentText ?? '',
      ]);
    }
    return ws;
  };
  breakdown('按等级', '事故等级', s.byGrade);
  breakdown('按类别', '统计类别', s.byCategory);
  breakdown('按行业', '行业', s.byIndustry);

  const regions = wb.addWorksheet('按区划');
  heading(regions, '事故统计（按下级区划，按死亡人数、起数排名）');
  header(regions, ['排名', '区划代码', '区划', '起数', '上年同期', '同比', '死亡', '上年同期', '同比', '双上升']);
  for (const r of s.byRegion as AccidentRegionRow[]) {
    regions.addRow([r.rank, r.code, r.label.zh, r.accidents.current, r.accidents.previous, r.accidents.percentText ?? '', r.deaths.current, r.deaths.previous, r.deaths.percentText ?? '', r.doubleRise ? '是' : '']);
  }

  const caps = wb.addWorksheet('控制指标');
  heading(caps, '控制指标使用情况');
  header(caps, ['指标', '年度', '全年控制数', '截至日期', '实际', '占全年控制指标', '时间进度', '快于时间进度', '已超指标']);
  for (const c of s.indicators) {
    caps.addRow([c.label.zh, c.year, c.cap, c.asOf, c.actual, c.percentText ?? '', `${c.yearProgressPercent}%`, c.ahead ? '是' : '否', c.exceeded ? '是' : '否']);
  }

  for (const ws of wb.worksheets) {
    ws.columns.forEach((col, i) => { col.width = i === 0 ? 22 : 14; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
