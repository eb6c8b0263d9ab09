/**
 * 重大事故隐患判定标准 as machine-readable clauses. A checklist item that cites one of these
 * clauses (by its stable id) makes a failed finding a 重大 hazard carrying the clause — not a
 * free-text guess. Ids never change once published: `<standard>/<article>.<item>`.
 *
 * `checked`: the text was compared character by character with a public copy named in the
 * standard's `sources`; false marks text entered from the official text as remembered and not
 * yet compared — to be checked against the 部令 before production use.
 */
export interface CriterionStandard {
  id: string;
  title: string;
  /** 文号 */
  docNo: string;
  /** When it took effect. */
  effective: string;
  sources: readonly string[];
  /** What of the standard is not entered yet, said plainly. */
  omitted?: string;
}

export interface CriterionClause {
  id: string;
  standardId: string;
  /** 条 (empty for a standard numbered by items only). */
  article: string;
  /** 项 */
  item: string;
  text: string;
  checked: boolean;
}

export const MEM10_2023: CriterionStandard = {
  id: 'mem10-2023',
  title: '工贸企业重大事故隐患判定标准',
  docNo: '应急管理部令第10号',
  effective: '2023-05-15',
  sources: [
    'http://anzhuopai.com/szb/pc/col/202306/01/content_202904.html (全文转载，2023-06-01)',
    'http://m.by1723.com/xwzx/hydt/202304/t20230419_73880.html (全文转载)',
    'https://taowenge.com/p-95160116.html (第十一条)',
  ],
  omitted: '第四条第（六）项以后、第五条至第十条（有色、建材、机械、轻工、纺织、烟草）、第十二条、第十三条尚未录入',
};

export const HAZCHEM_2017: CriterionStandard = {
  id: 'hazchem-2017',
  title: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
  docNo: '安监总管三〔2017〕121号',
  effective: '2017-11-13',
  sources: ['http://m.918178.cn/index.php?a=show&catid=172&id=59505 (第一至十二项)'],
};

export const CRITERION_STANDARDS: readonly CriterionStandard[] = [MEM10_2023, HAZCHEM_2017];

const m = (article: string, n: number, item: string, text: string, checked = true): CriterionClause =>
  ({ id: `mem10-2023/${article}.${n}`, standardId: MEM10_2023.id, article: `第${ARTICLE_ZH[article]}条`, item: `（${item}）`, text, checked });
const h = (n: number, item: string, text: string, checked = true): CriterionClause =>
  ({ id: `hazchem-2017/${n}`, standardId: HAZCHEM_2017.id, article: '', item, text, checked });

const ARTICLE_ZH: Record<string, string> = { '3': '三', '4': '四', '11': '十一' };

export const CRITERION_CLAUSES: readonly CriterionClause[] = [
  // 第三条 工贸企业有下列情形之一的，应当判定为重大事故隐患 (every 工贸 enterprise)
  m('3', 1, '一', '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的'),
  m('3', 2, '二', '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的'),
  m('3', 3, '三', '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格的'),
  // 第四条 冶金企业
  m('4', 1, '一', '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内的'),
  m('4', 2, '二', '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏和喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在积水的'),
  m('4', 3, '三', '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）、漏钢回转溜槽，或者模铸流程未设置事故钢水罐（坑、槽）的'),
  m('4', 4, '四', '转炉、电弧炉、AOD炉、LF炉、RH炉、VOD炉等炼钢炉的水冷元件未设置出水温度、进出水流量差等监测报警装置，或者监测报警装置未与炉体倾动、氧（副）枪自动提升、电极自动断电和升起装置联锁的'),
  m('4', 5, '五', '高炉生产期间炉顶工作压力设定值超过设计文件规定的最高工作压力，或者炉顶工作压力监测装置未与炉顶放散阀联锁，或者炉顶放散阀的联锁放散压力设定值超过设备设计压力值的', false),
  // 第十一条 存在粉尘爆炸危险的工贸企业
  m('11', 1, '一', '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所的'),
  m('11', 2, '二', '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通的'),
  m('11', 3, '三', '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的'),
  m('11', 4, '四', '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施的'),
  m('11', 5, '五', '除尘系统采用重力沉降室除尘，或者采用干式巷道式构筑物作为除尘风道的'),
  m('11', 6, '六', '铝镁等金属粉尘、木质粉尘的干式除尘系统未设置锁气卸灰装置的'),
  m('11', 7, '七', '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求的'),
  m('11', 8, '八', '粉碎、研磨、造粒等易产生机械点燃源的工艺设备前，未设置铁、石等杂物去除装置，或者木制品加工企业与砂光机连接的风管未设置火花探测消除装置的'),
  m('11', 9, '九', '遇湿自燃金属粉尘收集、堆放、储存场所未采取通风等防止氢气积聚措施，或者干式收集、堆放、储存场所未采取防水、防潮措施的', false),
  m('11', 10, '十', '未落实粉尘清理制度，造成作业现场积尘严重的', false),
  // 化工和危险化学品 (2017): 以下情形应当判定为重大事故隐患
  h(1, '一', '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。'),
  h(2, '二', '特种作业人员未持证上岗。'),
  h(3, '三', '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求。'),
  h(4, '四', '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用。'),
  h(5, '五', '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统。'),
  h(6, '六', '全压力式液化烃储罐未按国家标准设置注水措施。'),
  h(7, '七', '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统。'),
  h(8, '八', '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域。'),
  h(9, '九', '地区架空电力线路穿越生产区且不符合国家标准要求。'),
  h(10, '十', '在役化工装置未经正规设计且未进行安全设计诊断。'),
  h(11, '十一', '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备。'),
  h(12, '十二', '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备。'),
  h(13, '十三', '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求。', false),
  h(14, '十四', '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源。', false),
  h(15, '十五', '安全阀、爆破片等安全附件未正常投用。', false),
  h(16, '十六', '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度。', false),
  h(17, '十七', '未制定操作规程和工艺控制指标。', false),
  h(18, '十八', '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行。', false),
  h(19, '十九', '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估。', false),
  h(20, '二十', '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存。', false),
];

const BY_ID = new Map(CRITERION_CLAUSES.map((c) => [c.id, c]));

export function criterionClause(id: string): CriterionClause | undefined {
  return BY_ID.get(id);
}

/** How a hazard cites its clause: 《标准》（文号）第三条第（一）项 / 第十二项. */
export function clauseCitation(clause: CriterionClause): string {
  const standard = CRITERION_STANDARDS.find((s) => s.id === clause.standardId)!;
  const where = clause.article ? `${clause.article}第${clause.item}项` : `第${clause.item}项`;
  return `《${standard.title}》（${standard.docNo}）${where}`;
}
