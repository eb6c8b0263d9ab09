import { FlagFilled } from '@ant-design/icons';
import type { HazardStatus } from '@anjian/domain';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HazardRow } from './hazards.api';
import { STATUS_COLOURS, useHazardLabels } from './labels';

export function StatusTag({ status, testId }: { status: HazardStatus; testId?: string }) {
  const labels = useHazardLabels();
  return <Tag color={STATUS_COLOURS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>{labels.status(status)}</Tag>;
}

export function LevelTag({ level }: { level: HazardRow['level'] }) {
  const labels = useHazardLabels();
  return <Tag color={level === 'major' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>{labels.level(level)}</Tag>;
}

/** 逾期 N 天 in red, 验收超期 N 天 in purple (the acceptor's, not the enterprise's), 即将到期 in orange, otherwise the deadline as it is. */
export function DeadlineText({ hazard }: { hazard: Pick<HazardRow, 'deadline' | 'overdue' | 'daysOverdue' | 'acceptanceOverdue' | 'daysAcceptanceOverdue' | 'dueSoon'> }) {
  const { t } = useTranslation();
  if (!hazard.deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={hazard.overdue ? 'danger' : undefined}>{hazard.deadline}</Typography.Text>
      {hazard.overdue && <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="overdue-tag">{t('hazards.overdueDays', { count: hazard.daysOverdue })}</Tag>}
      {hazard.acceptanceOverdue && <AcceptanceOverdueTag days={hazard.daysAcceptanceOverdue} inline />}
      {hazard.dueSoon && <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{t('hazards.dueSoon')}</Tag>}
    </span>
  );
}

/** 验收超期: submitted in time, the accepting unit is late — shown apart from the enterprise's 逾期. */
function AcceptanceOverdueTag({ days, inline }: { days: number; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" data-testid="acceptance-overdue-tag" title={t('hazards.acceptanceOverdueHint')} style={{ marginInlineStart: inline ? 6 : undefined, marginInlineEnd: 0 }}>
      {t('hazards.acceptanceOverdueDays', { count: days })}
    </Tag>
  );
}

/** Status, level, listing and overdue together: the hazard at a glance. */
export function HazardBadges({ hazard, withLevel = true, withOverdue = false }: { hazard: HazardRow; withLevel?: boolean; withOverdue?: boolean }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  return (
    <Flex wrap gap={4} align="center">
      <StatusTag status={hazard.status} testId="hazard-status" />
      {withLevel && <LevelTag level={hazard.level} />}
      {hazard.listedLevel !== null && (
        <Tag color="volcano" icon={<FlagFilled />} data-testid="listed-tag" style={{ marginInlineEnd: 0 }}>{labels.listing(hazard.listedLevel)}</Tag>
      )}
      {withOverdue && hazard.overdue && <Tag color="red" data-testid="overdue-tag" style={{ marginInlineEnd: 0 }}>{t('hazards.overdueDays', { count: hazard.daysOverdue })}</Tag>}
      {withOverdue && hazard.acceptanceOverdue && <AcceptanceOverdueTag days={hazard.daysAcceptanceOverdue} />}
    </Flex>
  );
}
