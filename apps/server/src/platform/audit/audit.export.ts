import { AUDIT_LOGIN_REASONS, auditActionLabel, type AuditRow } from '@anjian/domain';
import type { ExportHeading } from '../exports/xlsx-export.js';
import { xlsxBuffer, type ExportColumn } from '../exports/xlsx-export.js';

/** The most rows one export holds: a wider search is narrowed by time first (the heading says so). */
export const AUDIT_EXPORT_MAX = 10_000;

const RESULTS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

/** Beijing wall-clock time "YYYY-MM-DD HH:mm:ss", as the page shows it (seconds matter in an audit trail). */
export function beijing(d: Date | string): string {
  return new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function reasonText(reason: string | null): string {
  if (!reason) return '';
  return reason.split('; ').map((r) => AUDIT_LOGIN_REASONS[r]?.zh ?? r).join('；');
}

const COLUMNS: ExportColumn[] = [
  { key: 'at', header: '时间（北京时间）', width: 20 }, { key: 'username', header: '用户名' }, { key: 'actorName', header: '姓名' },
  { key: 'action', header: '操作' }, { key: 'actionCode', header: '操作代码' }, { key: 'objectName', header: '对象', width: 28 },
  { key: 'objectType', header: '对象类型' }, { key: 'objectId', header: '对象 ID', width: 38 }, { key: 'result', header: '结果' },
  { key: 'statusCode', header: '状态码', type: 'int' }, { key: 'reason', header: '失败原因', width: 36 }, { key: 'ip', header: 'IP' },
  { key: 'requestId', header: '请求号' }, { key: 'hash', header: '哈希', width: 20 },
];

/**
 * The audit log as filed, through the one export writer: the heading (unit, scope, period,
 * filters, export time), a frozen header with an autofilter, Beijing times to the second, the
 * action and object in words beside their codes.
 */
export function auditWorkbook(rows: AuditRow[], heading: ExportHeading, truncated: boolean): Promise<Buffer> {
  return xlsxBuffer(heading, (x) => {
    const sheet = x.sheet('审计日志', COLUMNS, { notes: truncated ? [`仅含最新 ${AUDIT_EXPORT_MAX} 条，请缩小时间范围后再导出`] : [] });
    for (const r of rows) {
      sheet.add({
        at: beijing(r.at), username: r.username ?? '（匿名）', actorName: r.actorName ?? '', action: auditActionLabel(r.action)?.zh ?? r.action, actionCode: r.action,
        objectName: r.objectName ?? '', objectType: r.objectType ?? '', objectId: r.objectId ?? '', result: RESULTS[r.result] ?? r.result, statusCode: r.statusCode,
        reason: r.result === 'success' ? '' : reasonText(r.reason), ip: r.ip ?? '', requestId: r.requestId ?? '', hash: r.hash ?? '',
      });
    }
    sheet.end();
  });
}
