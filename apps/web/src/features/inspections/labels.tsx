import { INSPECTION_STATUS_LABELS, INSPECTION_TYPE_LABELS, type InspectionStatus, type InspectionType } from '@anjian/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function usePick() {
  const { i18n } = useTranslation();
  return (l: { zh: string; en: string }) => (i18n.language.startsWith('en') ? l.en : l.zh);
}

const STATUS_COLORS: Record<InspectionStatus, string> = { draft: 'default', recorded: 'blue', archived: 'green' };
const TYPE_COLORS: Record<InspectionType, string> = { random_draw: 'geekblue', unannounced: 'volcano', covert: 'magenta', campaign: 'purple', expert: 'cyan', reinspection: 'gold' };

export function TypeTag({ type }: { type: InspectionType }) {
  const pick = usePick();
  return <Tag color={TYPE_COLORS[type]}>{pick(INSPECTION_TYPE_LABELS[type])}</Tag>;
}

export function StatusTag({ status }: { status: InspectionStatus }) {
  const pick = usePick();
  return <Tag color={STATUS_COLORS[status]} data-testid="inspection-status">{pick(INSPECTION_STATUS_LABELS[status])}</Tag>;
}
