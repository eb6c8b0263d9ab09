import { DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import type { PeriodKind, PeriodQuery } from './dashboard.api';

/** Today's date in Beijing, whatever the browser's zone: periods are Shanghai dates. */
export function shanghaiToday(): Dayjs {
  return dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
}

const KINDS: PeriodKind[] = ['ytd', 'month', 'quarter', 'year', 'custom'];

/** The span the figures cover: this year to date (default), a month, a quarter, a year, or any range. */
export function PeriodSelector({ value, onChange }: { value: PeriodQuery; onChange: (next: PeriodQuery) => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const today = shanghaiToday();
  const future = (d: Dayjs) => d.isAfter(today, 'day');
  const year = value.year ?? today.year();

  const switchTo = (kind: PeriodKind) => {
    if (kind === 'ytd') onChange({ period: 'ytd' });
    else if (kind === 'year') onChange({ period: 'year', year: today.year() });
    else if (kind === 'quarter') onChange({ period: 'quarter', year: today.year(), quarter: Math.floor(today.month() / 3) + 1 });
    else if (kind === 'month') onChange({ period: 'month', year: today.year(), month: today.month() + 1 });
    else onChange({ period: 'custom', from: today.startOf('month').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') });
  };

  const options = KINDS.map((kind) => ({ value: kind, label: t(`dashboard.period.${kind}`) }));
  const kind = value.period ?? 'ytd';
  const pickerStyle = { width: mobile ? '100%' : undefined, minWidth: 150 };

  return (
    <Flex wrap gap={8} align="center" data-testid="period-selector" style={{ width: mobile ? '100%' : undefined }}>
      {mobile ? (
        <Select aria-label={t('dashboard.period.label')} value={kind} options={options} onChange={switchTo} style={{ width: '100%' }} />
      ) : (
        <Segmented aria-label={t('dashboard.period.label')} value={kind} options={options} onChange={(v) => switchTo(v as PeriodKind)} />
      )}
      {kind === 'month' && (
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('dashboard.period.month')}
          value={value.month ? dayjs(new Date(year, value.month - 1, 1)) : null}
          disabledDate={(d) => d.startOf('month').isAfter(today, 'day')}
          onChange={(d: Dayjs | null) => d && onChange({ period: 'month', year: d.year(), month: d.month() + 1 })}
          style={pickerStyle}
        />
      )}
      {kind === 'quarter' && (
        <DatePicker
          picker="quarter"
          allowClear={false}
          aria-label={t('dashboard.period.quarter')}
          value={value.quarter ? dayjs(new Date(year, (value.quarter - 1) * 3, 1)) : null}
          disabledDate={(d) => d.month(Math.floor(d.month() / 3) * 3).startOf('month').isAfter(today, 'day')}
          onChange={(d: Dayjs | null) => d && onChange({ period: 'quarter', year: d.year(), quarter: Math.floor(d.month() / 3) + 1 })}
          style={pickerStyle}
        />
      )}
      {kind === 'year' && (
        <DatePicker
          picker="year"
          allowClear={false}
          aria-label={t('dashboard.period.year')}
          value={dayjs(new Date(year, 0, 1))}
          disabledDate={(d) => d.year() > today.year()}
          onChange={(d: Dayjs | null) => d && onChange({ period: 'year', year: d.year() })}
          style={pickerStyle}
        />
      )}
      {kind === 'custom' && (
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('dashboard.period.custom')}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          disabledDate={future}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) onChange({ period: 'custom', from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
          style={pickerStyle}
        />
      )}
    </Flex>
  );
}
