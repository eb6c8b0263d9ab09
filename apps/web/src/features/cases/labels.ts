import { CASE_STATUS_LABELS, formatYuan, MEASURE_LABELS, type CaseStatus, type MeasureKind } from '@anjian/domain';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  filed: 'default', investigating: 'processing', reviewing: 'purple', notified: 'gold', decided: 'orange', served: 'cyan', executed: 'blue', closed: 'green',
  no_penalty: 'default', revoked: 'default', transferred: 'magenta',
};
export const statusLabel = (pick: (b: { zh: string; en: string }) => string, s: CaseStatus) => pick(CASE_STATUS_LABELS[s]);
export const measureLabel = (pick: (b: { zh: string; en: string }) => string, k: MeasureKind) => pick(MEASURE_LABELS[k]);
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatYuan(fen));
