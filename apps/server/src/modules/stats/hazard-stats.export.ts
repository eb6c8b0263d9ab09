import type { HazardStats } from '@anjian/domain';
import type { ExportColumn, ExportHeading } from '../../platform/exports/xlsx-export.js';
import { xlsxBuffer } from '../../platform/exports/xlsx-export.js';

type Measures = Pick<HazardStats['totals'], 'found' | 'closed' | 'major' | 'rectificationRate'>;
type Snapshot = HazardStats['totals']['snapshot'];

// 销号数 counts closures in the period whatever their date found; 整改率 is over the hazards found in the period: both say so.
const MEASURE_COLUMNS: ExportColumn[] = [
  { key: 'found', header: '本期排查隐患数', type: 'int' }, { key: 'foundPrev', header: '上年同期', type: 'int' }, { key: 'foundYoy', header: '同比', type: 'signedPercent' },
  { key: 'closed', header: '本期销号数（按销号日期，含往期发现）', type: 'int', width: 20 }, { key: 'closedPrev', header: '上年同期', type: 'int' }, { key: 'closedYoy', header: '同比', type: 'signedPercent' },
  { key: 'major', header: '重大隐患数', type: 'int' }, { key: 'majorPrev', header: '上年同期', type: 'int' }, { key: 'majorYoy', header: '同比', type: 'signedPercent' },
  { key: 'rate', header: '本期排查隐患整改率', type: 'percent' }, { key: 'ratePrev', header: '上年同期整改率', type: 'percent' },
];

const measures = (m: Measures) => [
  m.found.current, m.found.previous, m.found.percent, m.closed.current, m.closed.previous, m.closed.percent,
  m.major.current, m.major.previous, m.major.percent, m.rectificationRate.percent, m.rectificationRate.previous.percent,
];

const SNAPSHOT_COLUMNS: ExportColumn[] = ['在办', '逾期未整改', '验收超期', '挂牌督办', '其中省级', '市级', '县级', '已曝光', '待问责'].map((header, i) => ({ key: `s${i}`, header, type: 'int' }));
const snapshot = (x: Snapshot) => [x.open, x.overdue, x.acceptanceOverdue, x.listed, x.listedByLevel.province, x.listedByLevel.city, x.listedByLevel.county, x.exposed, x.accountabilityRequired];

/**
 * The figures of GET /api/stats/hazards, one sheet per table, through the shared export
 * writer: counts as numbers (they sum in Excel), year-on-year changes and rates as
 * percentages (numbers with a % format), empty where there is no percentage.
 */
export function hazardStatsWorkbook(s: HazardStats, heading: ExportHeading): Promise<Buffer> {
  const notes = [`上年同期：${s.samePeriodLastYear.from} 至 ${s.samePeriodLastYear.to}`, `统计口径：${s.basis.zh}`];
  return xlsxBuffer(heading, (x) => {
    const table = (name: string, first: ExportColumn[], rows: unknown[][], columns = MEASURE_COLUMNS) => {
      const sheet = x.sheet(name, [...first, ...columns], { title: `${heading.title}（${name}）`, notes });
      for (const row of rows) sheet.add(row);
      sheet.end();
    };
    table('总体', [{ key: 'scope', header: '范围' }], [[s.region.name, ...measures(s.totals)]]);
    table('实时情况', [{ key: 'region', header: '区划' }], [[s.region.name, ...snapshot(s.totals.snapshot)], ...s.byRegion.map((r) => [r.name, ...snapshot(r.snapshot)])], SNAPSHOT_COLUMNS);
    table('按下级区划', [{ key: 'code', header: '区划代码' }, { key: 'name', header: '区划' }], s.byRegion.map((r) => [r.code, r.name, ...measures(r)]));
    table('按来源', [{ key: 'label', header: '来源' }], s.bySource.map((r) => [r.label.zh, ...measures(r)]));
    table('按等级', [{ key: 'label', header: '等级' }], s.byLevel.map((r) => [r.label.zh, ...measures(r)]));
    table('按行业', [{ key: 'label', header: '行业' }], s.byIndustry.map((r) => [r.label.zh, ...measures(r)]));
  });
}
