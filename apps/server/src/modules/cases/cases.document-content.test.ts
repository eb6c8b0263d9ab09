import { describe, expect, it } from 'vitest';
import { documentLayout, type DocumentFacts } from './cases.document-content.js';

const facts: DocumentFacts = {
  kind: 'penalty_notice', number: '正应急罚告〔2026〕1号', caseNumber: '正应急立〔2026〕1号', issuer: '正定县应急管理局', government: '正定县人民政府',
  party: { name: '正定县恒泰化工有限公司', uscc: '91130123MA0000000X', address: '正定镇', legalRepresentative: '王某', principal: '王某' },
  cause: '未按规定设置可燃气体报警装置', facts: '储罐区未设置报警装置。', filedOn: '2026-03-02', notifiedOn: '2026-03-02', hearingRight: false,
  measures: [{ kind: 'fine', amountFen: 1_000_000, legalBasis: '《安全生产法》第九十九条' }, { kind: 'suspend', legalBasis: '《安全生产法》第一百零二条', deadline: '2026-06-30' }],
  today: '2026-03-02',
};
const text = (f: DocumentFacts) => documentLayout(f).body.join('\n');

describe('执法文书 content', () => {
  it('a notice states the 3-day statement period, and the 5-day hearing period only with a hearing right', () => {
    expect(text(facts)).toContain('3日内（至 2026年3月5日）');
    expect(text(facts)).not.toContain('听证');
    expect(text({ ...facts, hearingRight: true })).toContain('5日内（至 2026年3月7日）向本机关提出；逾期视为放弃听证');
  });

  it('a decision prints each measure with its basis, the payment period and the rights to 复议 and 诉讼', () => {
    const t = text({ ...facts, kind: 'penalty_decision' });
    expect(t).toContain('1. 罚款人民币 10,000.00 元。依据：《安全生产法》第九十九条。');
    expect(t).toContain('2. 责令停产停业整顿，至 2026年6月30日 止');
    expect(t).toContain('15日内缴至指定银行');
    expect(t).toContain('60日内依法向正定县人民政府或者上一级主管部门申请行政复议，或者在6个月内依法向人民法院提起行政诉讼');
  });

  it('a suspension decision lists only the suspension, numbered from 1, and the way back (复产验收)', () => {
    const t = text({ ...facts, kind: 'suspension_decision' });
    expect(t).toContain('1. 责令停产停业整顿');
    expect(t).not.toContain('罚款人民币');
    expect(t).toContain('复产验收');
    const layout = documentLayout({ ...facts, kind: 'suspension_decision' });
    expect(layout).toMatchObject({ title: '停产停业整顿决定书', sealLine: '正定县应急管理局（印章）', date: '2026年3月2日' });
  });

  it('a 整改复查意见书 cites the signed 复查 inspection’s date and result, or says the case was re-checked today without one', () => {
    const order = { ...facts, kind: 'reinspection_opinion' as const, measures: [{ kind: 'rectify_order' as const, legalBasis: '《安全生产法》第六十五条', deadline: '2026-04-01' }], today: '2026-04-05' };
    expect(text(order)).toContain('本机关于 2026年4月5日 对你单位依照案件 正应急立〔2026〕1号 责令整改的事项进行了复查。');
    const passed = text({ ...order, reinspection: { inspectedOn: '2026-04-02', summary: '报警装置已安装并联网', failedCount: 0, majorCount: 0, orgName: '正定县应急管理局' } });
    expect(passed).toContain('正定县应急管理局于 2026年4月2日 对你单位依照案件 正应急立〔2026〕1号 责令整改的事项进行了复查');
    expect(passed).toContain('报警装置已安装并联网');
    expect(passed).toContain('未发现不合格项');
    expect(passed).toContain('1. 责令限期整改，于 2026年4月1日 前整改完毕');
    const failed = text({ ...order, reinspection: { inspectedOn: '2026-04-02', summary: null, failedCount: 2, majorCount: 1, orgName: '正定县应急管理局' } });
    expect(failed).toContain('仍有 2 项不合格，其中重大事故隐患 1 项');
    expect(failed).not.toContain('同意本次整改结果');
  });
});
