import { defineMessages } from '../../shared/i18n/define';

export const casesMessages = defineMessages(
  {
    title: '行政执法案件',
    figures: { opened: '本年立案', decided: '作出决定', overdue: '超期未决定', finesDecided: '决定罚没款（元）', finesCollected: '已缴纳（元）', suspended: '停产整顿', resumed: '复产', closed: '关闭', blacklisted: '黑名单' },
    filters: { status: '状态', overdue: '仅看超期', search: '案号/企业/案由' },
    fields: {
      number: '案号', enterprise: '当事人', cause: '案由', status: '状态', org: '办案机关', filedOn: '立案日期', dueOn: '决定期限', decidedOn: '决定日期',
      fine: '罚没款（元）', paid: '已缴（元）', facts: '违法事实', notifiedOn: '告知日期', responseLastDay: '陈述申辩/听证期限至', hearingRight: '听证权利',
      servedOn: '送达日期', executedOn: '执行日期', closedOn: '结案日期', outcome: '处理结果', extension: '已延长', measures: '处理措施', proposed: '拟作出的处罚（告知）',
      legalBasis: '法律依据', amount: '金额（元）', deadline: '期限', content: '内容', documents: '执法文书', timeline: '办案记录',
    },
    overdueBy: '超期 {{days}} 日', days: '{{days}} 日', yes: '有', no: '无',
    documents: { download: '下载 PDF', generate: '制作文书', size: '{{kb}} KB，用时 {{ms}} 毫秒', empty: '尚无文书' },
    act: {
      submit: '提交', cancel: '取消', done: '已完成：{{action}}', reason: '理由', comment: '说明', facts: '违法事实及证据', addMeasure: '添加措施', removeMeasure: '删除',
      notifiedOn: '告知日期', decidedOn: '决定日期', kind: '类型', content: '内容', on: '日期', servedOn: '送达日期', method: '送达方式', recipient: '签收人',
      paid: '已缴纳金额（元）', paidOn: '缴纳日期', note: '执行情况', organ: '移送机关', days: '延长天数', approver: '批准人',
      responseKinds: { statement: '陈述申辩', waiver: '书面放弃', hearing_request: '申请听证', hearing_held: '听证已举行' },
      methods: { direct: '直接送达', post: '邮寄送达', left: '留置送达', notice: '公告送达', electronic: '电子送达' },
    },
    file: {
      open: '立案', title: '立案审批', submit: '立案', facts: '案件基本情况', source: '案件来源', hazards: '涉及的隐患', causeHint: '如：存在重大事故隐患未停产整改',
      enterpriseRequired: '请选择当事人（企业）', causeRequired: '请填写案由', pickEnterpriseFirst: '先选择企业', noHazards: '该企业没有未销号的隐患',
    },
    enforcement: {
      title: '复产验收与关闭复查', resumptions: '复产验收', rechecks: '关闭企业复查', interviews: '约谈记录',
      applied: '待验收', accepted: '验收合格', refused: '不予复产', accept: '复产验收', refuse: '不予复产', statement: '企业申请', appliedAt: '申请时间', decidedBy: '验收人',
      items: '复查检查项', item: '检查项', passed: '合格', summary: '复查结论', inspectionId: '复查检查记录（可选）', noInspections: '该企业尚无已记录的检查', apply: '申请复产验收', applyStatement: '整改情况说明', applyHint: '写明停产整顿决定所列问题的整改情况，部门据此复查验收', applyRequired: '请说明整改情况', password: '验收人签字（输入本人登录密码）', addItem: '添加检查项',
      due: '到期待查', dueOn: '应复查日期', result: '复查结果', record: '记录复查', resultOptions: { still_closed: '保持关闭', operating_again: '死灰复燃（擅自恢复生产）' },
      heldOn: '约谈日期', principal: '被约谈人', attendees: '参加人员', reasons: '约谈事由', commitments: '整改承诺', followUpOn: '跟踪复查日期', followUp: '跟踪结果',
    },
    blacklist: {
      title: '黑名单', enterprise: '企业', reason: '列入事由', legalBasis: '依据', period: '期限', issuer: '列入机关', inForce: '在列', removed: '已移出', repair: '信用修复', repairReason: '信用修复理由', active: '仅看在列',
      tag: '黑名单', issuingLevel: '列入层级', levelSuffix: '级', flagTitle: '该企业已被列入安全生产黑名单（联合惩戒）',
    },
  },
  {
    title: 'Enforcement cases',
    figures: { opened: 'Filed this year', decided: 'Decided', overdue: 'Overdue', finesDecided: 'Fines decided (yuan)', finesCollected: 'Collected (yuan)', suspended: 'Suspended', resumed: 'Resumed', closed: 'Closed', blacklisted: 'Blacklisted' },
    filters: { status: 'Status', overdue: 'Overdue only', search: 'Number / enterprise / cause' },
    fields: {
      number: 'Case no.', enterprise: 'Party', cause: 'Cause', status: 'Status', org: 'Handling organ', filedOn: 'Filed', dueOn: 'Decide by', decidedOn: 'Decided',
      fine: 'Fines (yuan)', paid: 'Paid (yuan)', facts: 'Facts', notifiedOn: 'Notified', responseLastDay: 'Response period until', hearingRight: 'Hearing right',
      servedOn: 'Served', executedOn: 'Executed', closedOn: 'Closed', outcome: 'Outcome', extension: 'Extended', measures: 'Measures', proposed: 'Proposed penalty (notified)',
      legalBasis: 'Legal basis', amount: 'Amount (yuan)', deadline: 'Deadline', content: 'Content', documents: 'Documents', timeline: 'Timeline',
    },
    overdueBy: '{{days}} days overdue', days: '{{days}} days', yes: 'Yes', no: 'No',
    documents: { download: 'Download PDF', generate: 'Produce document', size: '{{kb}} KB, made in {{ms}} ms', empty: 'No documents yet' },
    act: {
      submit: 'Submit', cancel: 'Cancel', done: 'Done: {{action}}', reason: 'Reason', comment: 'Comment', facts: 'Facts and evidence', addMeasure: 'Add measure', removeMeasure: 'Remove',
      notifiedOn: 'Notified on', decidedOn: 'Decided on', kind: 'Kind', content: 'Content', on: 'Date', servedOn: 'Served on', method: 'Method', recipient: 'Recipient',
      paid: 'Paid (yuan)', paidOn: 'Paid on', note: 'Execution', organ: 'Receiving organ', days: 'Days', approver: 'Approved by',
      responseKinds: { statement: 'Statement', waiver: 'Written waiver', hearing_request: 'Hearing requested', hearing_held: 'Hearing held' },
      methods: { direct: 'In person', post: 'By post', left: 'Left at the premises', notice: 'By public notice', electronic: 'Electronically' },
    },
    file: {
      open: 'File a case', title: 'File a case', submit: 'File', facts: 'Particulars', source: 'Source', hazards: 'Hazards concerned', causeHint: 'e.g. a major hazard left unrectified while operating',
      enterpriseRequired: 'Pick the party (enterprise)', causeRequired: 'Give the cause', pickEnterpriseFirst: 'Pick the enterprise first', noHazards: 'The enterprise has no open hazards',
    },
    enforcement: {
      title: 'Resumption and closure re-checks', resumptions: 'Resumption acceptance', rechecks: 'Closed sites re-checks', interviews: 'Interviews',
      applied: 'Pending', accepted: 'Accepted', refused: 'Refused', accept: 'Accept', refuse: 'Refuse', statement: 'Application', appliedAt: 'Applied', decidedBy: 'Acceptor',
      items: 'Checklist', item: 'Item', passed: 'Passed', summary: 'Conclusion', inspectionId: 'Re-inspection record (optional)', noInspections: 'No recorded inspection of this enterprise', apply: 'Apply for resumption', applyStatement: 'What was rectified', applyHint: 'Say how each problem of the suspension decision was rectified; the department re-inspects on this basis', applyRequired: 'Say what was rectified', password: 'Sign with your password', addItem: 'Add item',
      due: 'Due', dueOn: 'Due on', result: 'Result', record: 'Record', resultOptions: { still_closed: 'Still closed', operating_again: 'Operating again' },
      heldOn: 'Held on', principal: 'Principal', attendees: 'Attendees', reasons: 'Reasons', commitments: 'Commitments', followUpOn: 'Follow-up on', followUp: 'Follow-up',
    },
    blacklist: {
      title: 'Blacklist', enterprise: 'Enterprise', reason: 'Reason', legalBasis: 'Basis', period: 'Period', issuer: 'Issued by', inForce: 'In force', removed: 'Removed', repair: 'Credit repair', repairReason: 'Reason for removal', active: 'In force only',
      tag: 'Blacklisted', issuingLevel: 'Issuing level', levelSuffix: '', flagTitle: 'This enterprise is on the work-safety blacklist (joint punishment)',
    },
  },
);
