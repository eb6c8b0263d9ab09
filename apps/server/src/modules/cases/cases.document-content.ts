import {
  DOCUMENT_INFO, FINE_PAYMENT_DAYS, formatYuan, HEARING_REQUEST_DAYS, LITIGATION_MONTHS, MEASURE_LABELS, RECONSIDERATION_DAYS, responseLastDay, STATEMENT_DAYS,
  type DocumentKind, type Measure,
} from '@anjian/domain';
import type { DocumentLayout } from './cases.pdf.js';

/** What the documents print about the party (from the enterprises module). */
export interface Party {
  name: string;
  uscc: string;
  address: string;
  legalRepresentative: string;
  principal: string;
}

export interface DocumentFacts {
  kind: DocumentKind;
  number: string;
  caseNumber: string;
  issuer: string;
  /** 本级人民政府 for 复议 (正定县人民政府). */
  government: string;
  party: Party;
  cause: string;
  facts: string | null;
  filedOn: string;
  notifiedOn: string | null;
  hearingRight: boolean;
  /** The decided measures, or the proposed ones before a decision. */
  measures: Measure[];
  today: string;
  /** The signed 复查 inspection the 整改复查意见书 reports, when there is one. */
  reinspection?: { inspectedOn: string; summary: string | null; failedCount: number; majorCount: number; orgName: string } | null;
}

/** The 复查意见书's body: the 复查 inspection's date and result when one is signed, else the case's facts. */
function reinspectionBody(f: DocumentFacts): string[] {
  const orders = f.measures.filter((m) => m.kind === 'rectify_order');
  const ordered = orders.length ? ['【责令整改事项】', ...orders.map(withBasis)] : [];
  const r = f.reinspection;
  if (!r) {
    return [`本机关于 ${chineseDate(f.today)} 对你单位依照案件 ${f.caseNumber} 责令整改的事项进行了复查。`, ...ordered, '【复查意见】', f.facts ?? f.cause, '对复查中发现的仍未整改到位的问题，你单位应当立即整改。'];
  }
  const result = r.failedCount === 0
    ? '经复查，责令整改的事项已整改完毕，未发现不合格项。'
    : `经复查，仍有 ${r.failedCount} 项不合格${r.majorCount ? `，其中重大事故隐患 ${r.majorCount} 项` : ''}，尚未整改到位。`;
  return [
    `${r.orgName}于 ${chineseDate(r.inspectedOn)} 对你单位依照案件 ${f.caseNumber} 责令整改的事项进行了复查（现场复查记录已由检查人员和你单位现场负责人签字确认）。`,
    ...ordered,
    '【复查情况】', ...(r.summary ? [r.summary] : []), result,
    '【复查意见】', r.failedCount === 0 ? '同意本次整改结果。' : '对复查中发现的仍未整改到位的问题，你单位应当立即整改；逾期仍未整改的，本机关将依法处理。',
  ];
}

export const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

function measureLine(m: Measure): string {
  const label = MEASURE_LABELS[m.kind].zh;
  switch (m.kind) {
    case 'fine': return `${label}人民币 ${formatYuan(m.amountFen ?? 0)} 元`;
    case 'confiscate': return `${label}人民币 ${formatYuan(m.amountFen ?? 0)} 元`;
    case 'rectify_order': return `${label}，于 ${chineseDate(m.deadline ?? '')} 前整改完毕${m.content ? `（${m.content}）` : ''}`;
    case 'suspend': return `${label}${m.deadline ? `，至 ${chineseDate(m.deadline)} 止` : ''}${m.content ? `（${m.content}）` : ''}`;
    case 'license': return `${m.licenceAction === 'revoke' ? '吊销' : '暂扣'}《${m.licence ?? ''}》`;
    case 'close': return `${label}（报请本级人民政府予以关闭）`;
  }
}

const withBasis = (m: Measure, i: number) => `${i + 1}. ${measureLine(m)}。依据：${m.legalBasis}。`;

const rights = (f: DocumentFacts) =>
  `如不服本决定，可以在收到本决定书之日起${RECONSIDERATION_DAYS}日内依法向${f.government}或者上一级主管部门申请行政复议，或者在${LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼。行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。`;

/** The body of each document, after the structure of the national formats. */
export function documentLayout(f: DocumentFacts): DocumentLayout {
  const title = DOCUMENT_INFO[f.kind].title.zh;
  const party: [string, string][] = [
    ['当事人', f.party.name], ['统一社会信用代码', f.party.uscc], ['地址', f.party.address],
    ['法定代表人', f.party.legalRepresentative], ['主要负责人', f.party.principal],
  ];
  const facts = f.facts ?? f.cause;
  const measures = f.measures.map(withBasis);
  const fines = f.measures.filter((m) => m.kind === 'fine' || m.kind === 'confiscate');
  let body: string[];
  switch (f.kind) {
    case 'inspection_record':
      body = [`案件编号：${f.caseNumber}。`, '【检查情况】', facts, '【发现的问题】', f.cause, '以上记录经被检查单位现场负责人核对无误。'];
      break;
    case 'rectify_order':
      body = [`经查，你单位存在下列问题：${facts}`, '【责令事项】', ...f.measures.filter((m) => m.kind === 'rectify_order').map(withBasis), '整改期间，你单位应当采取措施，确保安全。逾期未整改或者整改不合格的，将依法处理。', rights(f)];
      break;
    case 'reinspection_opinion':
      body = reinspectionBody(f);
      break;
    case 'penalty_notice':
      body = [
        `经查，你单位${f.cause}。事实如下：${facts}`,
        '【拟作出的行政处罚】', ...measures,
        '【当事人的权利】',
        `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，请于收到本告知书之日起${STATEMENT_DAYS}日内（至 ${chineseDate(responseLastDay({ notifiedOn: f.notifiedOn ?? f.today, hearingRight: false }))}）向本机关提出。`,
        ...(f.hearingRight ? [`根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。要求听证的，应当在收到本告知书之日起${HEARING_REQUEST_DAYS}日内（至 ${chineseDate(responseLastDay({ notifiedOn: f.notifiedOn ?? f.today, hearingRight: true }))}）向本机关提出；逾期视为放弃听证。`] : []),
        '逾期未提出陈述、申辩的，视为放弃上述权利。',
      ];
      break;
    case 'penalty_decision':
      body = [
        `你单位${f.cause}一案，本机关于 ${chineseDate(f.filedOn)} 立案调查。`,
        '【违法事实及证据】', facts,
        '【处罚依据及内容】', '以上事实违反了有关安全生产法律法规的规定，本机关依法决定给予以下行政处罚：', ...measures,
        ...(fines.length > 0 ? [`罚款限你单位自收到本决定书之日起${FINE_PAYMENT_DAYS}日内缴至指定银行。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第七十二条）。`] : []),
        '【救济途径】', rights(f),
      ];
      break;
    case 'suspension_decision':
      body = [
        `你单位${f.cause}一案，经调查核实：${facts}`,
        '【决定】', ...f.measures.filter((m) => m.kind === 'suspend').map(withBasis),
        '停产停业整顿期间，你单位不得从事生产经营活动。整顿完毕后，应当向本机关提出复产验收申请，经验收合格后方可恢复生产经营。',
        '【救济途径】', rights(f),
      ];
      break;
  }
  return {
    issuer: f.issuer, title, number: f.number, party, body,
    sealLine: `${f.issuer}（印章）`, date: chineseDate(f.today),
    footnote: `案件编号 ${f.caseNumber} · 本文书一式两份，一份送达当事人，一份归档。`,
  };
}
