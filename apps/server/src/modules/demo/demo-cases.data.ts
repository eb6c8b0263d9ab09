import { addDays } from '@anjian/domain';

/*
 * The demo cases: each a script of acts (days before today, action, body), run through the
 * cases module's own handlers and guards. Amounts are in fen.
 */
export interface DemoCase {
  key: string;
  cause: string;
  facts: string;
  source?: 'inspection' | 'hazard' | 'complaint';
  filedAgo: number;
  steps: [number, string, object | ((today: string) => object)][];
}

const LAW = '《中华人民共和国安全生产法》';
const fine = (yuan: number, article = '第一百零一条') => ({ kind: 'fine', amountFen: yuan * 100, legalBasis: `${LAW}${article}` });
const rectify = (deadline: string, content: string) => ({ kind: 'rectify_order', legalBasis: `${LAW}第六十五条`, deadline, content });
const suspend = (deadline: string) => ({ kind: 'suspend', legalBasis: `${LAW}第一百零二条`, deadline, content: '停产停业整顿，整顿期间不得生产' });
const close = { kind: 'close', legalBasis: `${LAW}第一百一十三条` };

const review = (facts: string, measures: object[]) => ({ facts, measures });
const served = { servedOn: '', method: 'direct', recipient: '企业主要负责人' };
const serveOn = (ago: number) => (today: string) => ({ ...served, servedOn: addDays(today, -ago) });
const decide = (measures: object[] | ((today: string) => object[])) => (today: string) => ({ measures: typeof measures === 'function' ? measures(today) : measures });

/** 正定县应急管理局's cases, one per state of the table (and one past its 90 days). */
export const DEMO_CASES: DemoCase[] = [
  { key: 'filed', cause: '未按规定对重大危险源进行定期检测评估', facts: '执法检查发现该单位液氨储罐重大危险源超过一年未进行安全评估。', filedAgo: 2, steps: [] },
  { key: 'investigating', cause: '特种作业人员未持证上岗', facts: '现场两名焊工未取得特种作业操作证。', filedAgo: 12, steps: [[10, 'investigate', {}]] },
  {
    key: 'reviewing', cause: '未如实记录安全生产教育和培训情况', facts: '培训档案缺失2025年度记录。', filedAgo: 30,
    steps: [[28, 'investigate', {}], [15, 'submit_review', review('该单位未如实记录2025年度安全生产教育和培训情况，有培训档案和询问笔录为证。', [fine(20_000, '第九十七条')])]],
  },
  {
    key: 'notified', cause: '未在有较大危险因素的设备上设置安全警示标志', facts: '反应釜区域未设置安全警示标志。', filedAgo: 40,
    steps: [[38, 'investigate', {}], [10, 'submit_review', review('反应釜区域未设置明显的安全警示标志，有现场照片为证。', [fine(30_000, '第九十九条')])], [1, 'notify', {}]],
  },
  { key: 'overdue', cause: '未建立安全风险分级管控制度', facts: '企业未建立安全风险分级管控制度，调查尚未终结。', filedAgo: 100, steps: [[95, 'investigate', {}]] },
  {
    key: 'decided', cause: '未按规定设置可燃气体报警装置', facts: '储罐区未设置可燃气体检测报警装置。', filedAgo: 60,
    steps: [[58, 'investigate', {}], [30, 'submit_review', (t: string) => review('储罐区未设置可燃气体检测报警装置，有现场检查记录为证。', [fine(10_000), rectify(addDays(t, 20), '补设可燃气体检测报警装置并联网')])],
      [20, 'notify', {}], [12, 'decide', decide((t) => [fine(10_000), rectify(addDays(t, 20), '补设可燃气体检测报警装置并联网')])]],
  },
  {
    key: 'served', cause: '安全设备未经常性维护保养', facts: '消防水泵损坏未修复。', filedAgo: 70,
    steps: [[68, 'investigate', {}], [45, 'submit_review', review('消防水泵损坏未修复，有现场照片为证。', [fine(15_000, '第九十九条')])], [35, 'notify', {}], [25, 'decide', decide([fine(15_000, '第九十九条')])], [23, 'serve', serveOn(23)]],
  },
  {
    key: 'executed', cause: '未对安全设备进行定期检测', facts: '压力表超期未检。', filedAgo: 85,
    steps: [[83, 'investigate', {}], [60, 'submit_review', review('压力表超期未检，有检测记录为证。', [fine(12_000, '第九十九条')])], [50, 'notify', {}], [40, 'decide', decide([fine(12_000, '第九十九条')])], [38, 'serve', serveOn(38)],
      [20, 'execute', { paidFen: 1_200_000, note: '罚款已缴纳，压力表已送检' }]],
  },
  {
    key: 'closed_case', cause: '拒不执行责令限期整改指令', facts: '该单位逾期未整改粉尘除尘系统重大隐患。', filedAgo: 130,
    steps: [[128, 'investigate', {}], [100, 'submit_review', review('逾期未整改粉尘除尘系统重大事故隐患，有复查意见书为证。', [fine(80_000, '第一百零二条')])], [92, 'notify', {}],
      [80, 'decide', decide([fine(80_000, '第一百零二条')])], [78, 'serve', serveOn(78)], [60, 'execute', { paidFen: 8_000_000, note: '罚款已缴纳' }], [55, 'close', {}]],
  },
  {
    key: 'resumed', cause: '存在重大事故隐患未停产整改', facts: '涉爆粉尘作业区除尘系统未按规定设置泄爆装置。', filedAgo: 80,
    steps: [[78, 'investigate', {}], [60, 'submit_review', (t: string) => review('除尘系统无泄爆装置，属重大事故隐患，有现场检查记录为证。', [fine(50_000, '第一百零二条'), suspend(addDays(t, -25))])], [55, 'notify', {}],
      [45, 'decide', decide((t) => [fine(50_000, '第一百零二条'), suspend(addDays(t, -25))])], [44, 'serve', serveOn(44)], [20, 'execute', { paidFen: 5_000_000, note: '罚款已缴纳，停产整顿完毕' }]],
  },
  {
    key: 'closure', cause: '不具备安全生产条件且经停产整顿仍不具备', facts: '小化工作坊无安全生产许可证，停产整顿后仍不具备安全生产条件。', filedAgo: 160,
    steps: [[158, 'investigate', {}], [140, 'submit_review', review('经停产整顿仍不具备安全生产条件，有复查记录为证。', [close])], [135, 'notify', {}], [120, 'decide', decide([close])], [118, 'serve', serveOn(118)],
      [100, 'execute', { paidFen: 0, note: '县人民政府已依法予以关闭，断水断电，设备拆除' }]],
  },
  { key: 'no_penalty', cause: '安全警示标志破损', facts: '警示标志破损，当场更换。', filedAgo: 50, steps: [[48, 'investigate', {}], [30, 'no_penalty', { reason: '违法行为轻微并及时改正，没有造成危害后果', legalBasis: '《中华人民共和国行政处罚法》第三十三条' }]] },
  { key: 'revoked', cause: '涉嫌未按规定配备安全管理人员', facts: '经核实已配备。', filedAgo: 20, steps: [[18, 'revoke', { reason: '经核实，该单位已按规定配备专职安全管理人员，立案依据不成立' }]] },
  {
    key: 'transferred', cause: '涉嫌重大责任事故', facts: '作业中发生有限空间中毒事故，造成一人死亡。', filedAgo: 70,
    steps: [[68, 'investigate', {}], [40, 'transfer', { organ: '正定县公安局', reason: '涉嫌重大责任事故罪，依法移送（行刑衔接）' }]],
  },
];

/** 正定县住房和城乡建设局 against 恒安建材 (the qy.* accounts). */
export const DEMO_HOUSING_CASE: DemoCase = {
  key: 'housing', cause: '脚手架搭设不符合安全技术规范且临边防护缺失', facts: '在建项目外脚手架连墙件缺失，作业层临边无防护栏杆。', filedAgo: 30,
  steps: [[29, 'investigate', {}], [20, 'submit_review', (t: string) => review('外脚手架连墙件缺失、临边无防护，属重大事故隐患，有现场检查记录和照片为证。', [fine(50_000, '第一百零二条'), suspend(addDays(t, 20)), rectify(addDays(t, 10), '按专项方案重新搭设脚手架，补齐临边防护')])],
    [15, 'notify', {}], [8, 'decide', decide((t) => [fine(50_000, '第一百零二条'), suspend(addDays(t, 20)), rectify(addDays(t, 10), '按专项方案重新搭设脚手架，补齐临边防护')])], [7, 'serve', serveOn(7)]],
};
