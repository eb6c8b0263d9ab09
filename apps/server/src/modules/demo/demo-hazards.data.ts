/** Hazards typical of each industry, as inspectors write them (title, criterion when 重大). */
export const HAZARD_TEMPLATES: Record<string, { title: string; major?: string }[]> = {
  construction: [
    { title: '脚手架连墙件缺失，架体存在倾覆风险' }, { title: '深基坑临边未设置防护栏杆' }, { title: '塔式起重机起重力矩限制器失效', major: '房屋市政工程重大事故隐患判定标准 第七条' },
    { title: '高处作业人员未系挂安全带' }, { title: '施工现场临时用电未实行“一机一闸一漏”' }, { title: '模板支撑体系未按专项方案搭设', major: '房屋市政工程重大事故隐患判定标准 第六条' },
  ],
  hazardous_chemicals: [
    { title: '储罐区可燃气体检测报警器失效' }, { title: '装卸作业未设置静电接地装置' }, { title: '危化品仓库超量储存' },
    { title: '涉及重点监管危险化工工艺的装置未实现自动化控制', major: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准 第七项' },
  ],
  urban_gas: [
    { title: '餐饮场所未安装可燃气体泄漏报警装置' }, { title: '液化石油气钢瓶与灶具未保持安全距离' }, { title: '埋地燃气管道被违章占压', major: '城镇燃气经营安全重大隐患判定标准 第九条' },
  ],
  metallurgy: [
    { title: '煤气区域未设置固定式一氧化碳检测报警装置', major: '工贸企业重大事故隐患判定标准 第六条' }, { title: '高温熔融金属吊运未采用冶金起重机' }, { title: '冷却水系统无断水报警' },
  ],
  machinery: [{ title: '冲压设备安全防护装置缺失' }, { title: '砂轮机防护罩缺失' }, { title: '喷漆房未使用防爆电气设备' }],
  dust_explosion: [
    { title: '除尘系统未设置泄爆装置', major: '工贸企业重大事故隐患判定标准 第十一条' }, { title: '粉尘作业区使用非防爆电气设备' }, { title: '未按规定清理作业现场积尘' },
  ],
  crowded_places: [{ title: '疏散通道堆放杂物' }, { title: '安全出口上锁' }, { title: '消防栓无水' }, { title: '应急照明灯损坏' }],
  special_equipment: [{ title: '电梯超期未检验' }, { title: '压力容器安全阀未按期校验' }, { title: '叉车司机无证作业' }],
  road_transport: [{ title: '客运车辆动态监控离线' }, { title: '驾驶员超时驾驶未纠正' }],
  confined_space: [{ title: '有限空间作业未经审批' }, { title: '有限空间作业未配备气体检测仪' }],
  ammonia_refrigeration: [{ title: '液氨管道阀门泄漏', major: '工贸企业重大事故隐患判定标准 第十二条' }, { title: '氨机房未设置氨气浓度报警' }],
  default: [{ title: '安全管理制度未落实' }, { title: '未开展安全生产教育培训' }, { title: '灭火器过期' }],
};

export const SOURCES_BY_WEIGHT: [string, number][] = [
  ['government_inspection', 40], ['self_inspection', 25], ['campaign', 15], ['unannounced', 10], ['expert', 7], ['public_report', 3],
];

export const RESPONSIBLE_PEOPLE = ['王建国', '李卫东', '张志强', '刘海军', '陈秀英', '杨丽娟', '赵文华', '黄明辉', '周晓东', '吴红梅'];
