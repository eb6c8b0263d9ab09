import ExcelJS from 'exceljs';
import { AUDIT_LOGIN_REASONS, auditActionLabel, type AuditRow } from '@anjian/domain';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The most rows one export holds: a wider search is narrowed by time first (the title says so). */
export const AUDIT_EXPORT_MAX = 10_000;

const RESULTS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

/** Beijing wall-clock time "YYYY-MM-DD HH:mm:ss", as the page shows it. */
export function beijing(d: Date | string): string {
  return new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function reasonText(reason: string | null): string {
  if (!reason) return '';
  return reason.split('; ').map((r) => AUDIT_LOGIN_REASONS[r]?.zh ?? r).join('；');
}

/*
 * The audit log as filed: a title row (unit, filters, export time), a frozen header with an
 * autofilter, Beijing times, the action and object in words beside their codes. Written with
 * exceljs directly (the shared export writer was not on main when this was written).
 */
export async function auditWorkbook(rows: AuditRow[], meta: { unit: string; filters: string; exportedAt: Date; truncated: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'anjian 安监';
  const ws = wb.addWorksheet('审计日志');
  const headers = ['时间（北京时间）', '用户名', '姓名', '操作', '操作代码', '对象', '对象类型', '对象 ID', '结果', '状态码', '失败原因', 'IP', '请求号', '哈希'];
  const widths = [20, 16, 18, 20, 24, 28, 14, 38, 8, 8, 36, 16, 24, 20];
  const title = `审计日志 · ${meta.unit} · ${meta.filters || '全部'} · 导出时间 ${beijing(meta.exportedAt)}${meta.truncated ? ` · 仅含最新 ${AUDIT_EXPORT_MAX} 条，请缩小时间范围` : ''}`;
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, headers.length);
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  for (const r of rows) {
    ws.addRow([
      beijing(r.at), r.username ?? '（匿名）', r.actorName ?? '', auditActionLabel(r.action)?.zh ?? r.action, r.action,
      r.objectName ?? '', r.objectType ?? '', r.objectId ?? '', RESULTS[r.result] ?? r.result, r.statusCode ?? null,
      r.result === 'success' ? '' : reasonText(r.reason), r.ip ?? '', r.requestId ?? '', r.hash ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = widths[i];
  });
  ws.getColumn(10).numFmt = '0';
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
