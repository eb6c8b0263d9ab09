import type { AccidentBreakdownRow, AccidentStats, StatsFigure } from '@anjian/domain';
import type { ExportColumn, ExportHeading } from '../../platform/exports/xlsx-export.js';
import { xlsxBuffer } from '../../platform/exports/xlsx-export.js';

const MEASURES = [
  ['accidents', '事故起数', 'int'],
  ['deaths', '死亡人数（含失踪）', 'int'],
  ['seriousInjuries', '重伤人数', 'int'],
  ['minorInjuries', '轻伤人数', 'int'],
  ['directLossYuan', '直接经济损失（元）', 'money'],
] as const;

const int = (key: string, header: string): ExportColumn => ({ key, header, type: 'int' });
const change = (key: string, header: string): ExportColumn => ({ key, header, type: 'signedPercent' });
const share = (key: string, header: string): ExportColumn => ({ key, header, type: 'percent' });

/*
 * The same figures as GET /api/stats/accidents, one sheet per table, through the shared export
 * writer. Counts and money are numbers (so they sum in Excel); year-on-year, period-on-period
 * and shares are percentages (numbers with a % format), empty where there is no percentage
 * (last year 0).
 */
export function accidentStatsWorkbook(s: AccidentStats, heading: ExportHeading): Promise<Buffer> {
  const mom = s.previousPeriod !== null;
  const notes = [
    `上年同期：${s.samePeriodLastYear.from} 至 ${s.samePeriodLastYear.to}${s.previousPeriod ? `；上一期间（环比）：${s.previousPeriod.from} 至 ${s.previousPeriod.to}` : ''}`,
    ...(s.scopeIndustries ? [`统计范围：仅含行业 ${s.scopeIndustries.join('、')}`] : []),
    `统计口径：${s.basis.zh}`,
  ];
  return xlsxBuffer(heading, (x) => {
    const table = (name: string, columns: ExportColumn[], rows: unknown[][]) => {
      const sheet = x.sheet(name, columns, { title: `${heading.title}（${name}）`, notes });
      for (const row of rows) sheet.add(row);
      sheet.end();
    };
    const fig = (f: StatsFigure) => [f.current, f.previous, f.difference, f.percent, ...(mom ? [f.periodOnPeriod?.previous ?? null, f.periodOnPeriod?.percent ?? null] : [])];

    // One row per measure: the money row carries yuan in the same numeric columns (#,##0 shows both).
    table('汇总', [
      { key: 'measure', header: '指标' }, { key: 'current', header: '本期', type: 'decimal' }, { key: 'previous', header: '上年同期', type: 'decimal' },
      { key: 'difference', header: '增减', type: 'decimal' }, change('yoy', '同比'), ...(mom ? [{ key: 'mom', header: '上一期间', type: 'decimal' } as ExportColumn, change('momPct', '环比')] : []),
    ], [...MEASURES.map(([key, label]) => [label, ...fig(s.totals[key])]), ['双上升', s.doubleRise ? '是' : '否']]);

    const breakdownColumns = (keyHeader: string): ExportColumn[] => [
      { key: 'label', header: keyHeader }, int('a', '起数'), int('ap', '上年同期'), int('ad', '增减'), change('ay', '同比'),
      int('d', '死亡'), int('dp', '上年同期'), int('dd', '增减'), change('dy', '同比'), int('si', '重伤'), int('mi', '轻伤'),
      { key: 'loss', header: '直接经济损失（元）', type: 'money' }, share('as', '起数占比'), share('ds', '死亡占比'),
    ];
    const breakdown = (r: AccidentBreakdownRow) => [
      r.label.zh, r.accidents.current, r.accidents.previous, r.accidents.difference, r.accidents.percent,
      r.deaths.current, r.deaths.previous, r.deaths.difference, r.deaths.percent,
      r.seriousInjuries.current, r.minorInjuries.current, r.directLossYuan.current, r.share.accidents.percent, r.share.deaths.percent,
    ];
    table('按等级', breakdownColumns('事故等级'), s.byGrade.map(breakdown));
    table('按类别', breakdownColumns('统计类别'), s.byCategory.map(breakdown));
    table('按行业', breakdownColumns('行业'), s.byIndustry.map(breakdown));

    table('按区划', [
      int('rank', '排名'), { key: 'code', header: '区划代码' }, { key: 'name', header: '区划' }, int('a', '起数'), int('ap', '上年同期'), change('ay', '同比'),
      int('d', '死亡'), int('dp', '上年同期'), change('dy', '同比'), { key: 'dr', header: '双上升' },
    ], s.byRegion.map((r) => [r.atThisLevel ? null : r.rank, r.code, r.label.zh, r.accidents.current, r.accidents.previous, r.accidents.percent, r.deaths.current, r.deaths.previous, r.deaths.percent, r.doubleRise ? '是' : '']));

    table('控制指标', [
      { key: 'label', header: '指标' }, int('year', '年度'), int('cap', '全年控制数'), { key: 'asOf', header: '截至日期', type: 'date' }, int('actual', '实际'),
      share('used', '占全年控制指标'), share('progress', '时间进度'), { key: 'ahead', header: '快于时间进度' }, { key: 'exceeded', header: '已超指标' },
    ], s.indicators.map((c) => [c.label.zh, c.year, c.cap, c.asOf, c.actual, c.percent, c.yearProgressPercent, c.ahead ? '是' : '否', c.exceeded ? '是' : '否']));
  });
}
