import {
  ENTERPRISE_SCALE_LABELS, ENTERPRISE_STATUS_LABELS, FIVE_IMPLEMENTATION_LABELS, HAZARD_LEVEL_LABELS, HAZARD_REJECTION_REASON_LABELS,
  HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, HAZARD_TRANSITIONS, LISTING_LEVEL_LABELS, isHazardAction, isListingLevel,
  type EnterpriseScale, type EnterpriseStatus, type HazardLevel, type HazardSource, type HazardStatus,
} from '@anjian/domain';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/api/reference';
import { useLanguage } from '../../shared/i18n';

type Table = Record<string, { zh: string; en: string }>;

/**
 * Display names for the hazard and enterprise vocabularies: the domain tables through the
 * shell's label helper (industries come from the server's list), so the UI never keeps a
 * second copy of a label.
 */
export function useHazardLabels() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const shell = useLabels();
  const from = (table: Table, key: string) => (key in table ? pick(table[key]!) : key);
  return {
    ...shell,
    status: (s: HazardStatus | string) => from(HAZARD_STATUS_LABELS, s),
    level: (l: HazardLevel | string) => from(HAZARD_LEVEL_LABELS, l),
    source: (s: HazardSource | string) => from(HAZARD_SOURCE_LABELS, s),
    rejection: (r: string) => from(HAZARD_REJECTION_REASON_LABELS, r),
    planPart: (p: string) => from(FIVE_IMPLEMENTATION_LABELS, p),
    listing: (level: number) => (isListingLevel(level) ? pick(LISTING_LEVEL_LABELS[level]) : String(level)),
    enterpriseStatus: (s: EnterpriseStatus | string) => from(ENTERPRISE_STATUS_LABELS, s),
    scale: (s: EnterpriseScale | string) => from(ENTERPRISE_SCALE_LABELS, s),
    /** Acts of the loop, plus the events the server writes itself (report, import, escalation). */
    action: (a: string) => {
      if (isHazardAction(a)) return pick(HAZARD_TRANSITIONS[a].label);
      if (a === 'report' || a === 'import' || a === 'overdue_escalated' || a === 'accountability_required' || a === 'acceptance_overdue_escalated') return t(`hazards.events.${a}`);
      return a;
    },
  };
}

export type HazardLabels = ReturnType<typeof useHazardLabels>;

export const STATUS_COLOURS: Record<HazardStatus, string> = {
  reported: 'blue',
  rejected: 'default',
  verified: 'cyan',
  rectifying: 'orange',
  pending_acceptance: 'purple',
  closed: 'green',
};
