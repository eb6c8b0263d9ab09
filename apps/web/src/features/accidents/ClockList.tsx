import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import type { AccidentData, ClockData } from './accidents.api';
import { CLOCK_COLORS, formatDeadline, formatDuration } from './labels';

const STATUS_TEXT_COLOR: Record<ClockData['status'], string> = { running: '#1554ad', met: '#237804', late: '#ad4e00', overdue: '#cf1322' };

/** One legal clock: what is due, by when (Beijing time), and how much time is left or how late it is. */
export function ClockLine({ clock }: { clock: ClockData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const mobile = useIsMobile();
  let left: string | null = null;
  if (clock.status === 'running' && clock.remainingMs !== null) left = t('accidents.clocks.remaining', { time: formatDuration(clock.remainingMs, t) });
  if (clock.status === 'overdue' && clock.overdueMs !== null) left = t('accidents.clocks.overdueBy', { time: formatDuration(clock.overdueMs, t) });
  if (clock.status === 'late' && clock.overdueMs !== null) left = t('accidents.clocks.lateBy', { time: formatDuration(clock.overdueMs, t) });
  return (
    <div
      data-testid={`clock-${clock.key}`}
      data-status={clock.status}
      style={{
        display: 'grid', gridTemplateColumns: mobile ? '1fr' : 'minmax(220px, 2fr) 1.3fr 1.6fr', gap: mobile ? 2 : 12, alignItems: 'center',
        padding: '10px 12px', borderInlineStart: `4px solid ${STATUS_TEXT_COLOR[clock.status]}`, background: '#fafafa', borderRadius: 4,
      }}
    >
      <div style={{ fontWeight: 500 }}>{pick(clock.label)}</div>
      <div>
        <Typography.Text type="secondary">{t('accidents.clocks.due')} </Typography.Text>
        <span data-testid="clock-due" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDeadline(clock)}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Tag color={CLOCK_COLORS[clock.status]} style={{ marginInlineEnd: 0 }}>{pick(clock.statusLabel)}</Tag>
        {left && <span style={{ color: STATUS_TEXT_COLOR[clock.status], fontWeight: 600 }} data-testid="clock-left">{left}</span>}
        {clock.doneAt && <Typography.Text type="secondary">{t('accidents.clocks.doneAt', { time: formatDateTime(clock.doneAt).slice(0, 16) })}</Typography.Text>}
      </div>
    </div>
  );
}

/** Every legal deadline of an accident (Decree 493), in the order they fall due. */
export function ClockList({ accident }: { accident: AccidentData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const c = accident.clocks;
  const clocks = [c.initialReport, ...c.escalations, c.supplementWindow, c.investigationReport, ...(c.governmentDecision ? [c.governmentDecision] : [])];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <span>{t('accidents.clocks.target', { level: pick(c.escalationTargetLabel) })}</span>
        {c.flags.lateReport && <Tag color="red">{t('accidents.flags.lateReport')}</Tag>}
        {c.flags.lateEscalation && <Tag color="red">{t('accidents.flags.lateEscalation')}</Tag>}
        {c.flags.lateSupplement && <Tag color="red">{t('accidents.flags.lateSupplement')}</Tag>}
      </div>
      {clocks.map((clock) => <ClockLine key={clock.key} clock={clock} />)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('accidents.clocks.note')}</Typography.Text>
    </div>
  );
}
