import ExcelJS from 'exceljs';
import type { HazardStats } from '@anjian/domain';

type Measures = Pick<HazardStats['totals'], 'found' | 'closed' | 'major' | 'rectificationRate'>;

// 销号数 counts closures in the period whatever their date found; 整改率 is over the hazards found in the period: both say so.
const HEADERS = ['本期排查隐患数', '上年同期', '同比', '本期销号数（按销号日期，含往期发现）', '上年同期', '同比', '重大隐患数', '上年同期', '同比', '本期排查隐患整改率', '上年同期整改率'];

function cells(m: Measures): (string | number)[] {
  const f = (x: Measures['found']) => [x.current, x.previous, x.percentText ?? ''];
  return [...f(m.found), ...f(m.closed), ...f(m.major), m.rectificationRate.percentText ?? '', m.rectificationRate.previous.percentText ?? ''];
}

/**
 * The figures of GET /api/stats/hazards, one sheet per table with Chinese headers: counts as
 * numbers (they sum in Excel), percentages as the text the screen shows.
 */
export async function hazardStatsWorkbook(s: HazardStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'anjian 安监';
  const sheet = (name: string, first: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${s.region.name} 隐患排查治理统计`]).font = { bold: true, size: 14 };
    ws.addRow(['统计期间', `${s.period.from} 至 ${s.period.to}`, '上年同期', `${s.samePeriodLastYear.from} 至 ${s.samePeriodLastYear.to}`]);
    ws.addRow(['统计口径', s.basis.zh]);
    ws.addRow([]);
    const header = ws.addRow([...first, ...HEADERS]);
    header.font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c) => (c.width = 14));
  };
  const snap = s.totals.snapshot;
  sheet('总体', ['范围'], [[s.region.name, ...cells(s.totals)]]);
  const wsSnap = wb.addWorksheet('实时情况');
  wsSnap.addRow(['区划', '在办', '逾期未整改', '验收超期', '挂牌督办', '其中省级', '市级', '县级', '已曝光', '待问责']).font = { bold: true };
  wsSnap.addRow([s.region.name, snap.open, snap.overdue, snap.acceptanceOverdue, snap.listed, snap.listedByLevel.province, snap.listedByLevel.city, snap.listedByLevel.county, snap.exposed, snap.accountabilityRequired]);
  for (const r of s.byRegion) {
    const x = r.snapshot;
    wsSnap.addRow([r.name, x.open, x.overdue, x.acceptanceOverdue, x.listed, x.listedByLevel.province, x.listedByLevel.city, x.listedByLevel.county, x.exposed, x.accountabilityRequired]);
  }
  sheet('按下级区划', ['区划代码', '区划'], s.byRegion.map((r) => [r.code, r.name, ...cells(r)]));
  sheet('按来源', ['来源'], s.bySource.map((r) => [r.label.zh, ...cells(r)]));
  sheet('按等级', ['等级'], s.byLevel.map((r) => [r.label.zh, ...cells(r)]));
  sheet('按行业', ['行业'], s.byIndustry.map((r) => [r.label.zh, ...cells(r)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
