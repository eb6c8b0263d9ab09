import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useIndustries } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { PagedTable } from '../../shared/ui/PagedTable';
import { useAccidentList, type AccidentFilters, type AccidentRow } from './accidents.api';
import { GradeTag } from './GradeSummary';
import { categoryLabel, categoryOptions, CLOCK_COLORS, formatDeadline, gradeOptions } from './labels';

const FILTER_KEYS = ['regionCode', 'from', 'to', 'grade', 'category', 'industry'] as const;

/** 事故台账: filters in the address, newest first, keyset paging. */
export default function AccidentListPage() {
  const { t } = useTranslation();
  const { pick, language } = useLanguage();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const industries = useIndustries();
  const [params, setParams] = useSearchParams();
  const filters: AccidentFilters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const list = useAccidentList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const update = (patch: AccidentFilters) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<AccidentRow> = [
    { key: 'when', title: t('accidents.fields.occurredAt'), width: 150, render: (_, a) => formatDateTime(a.occurredAt).slice(0, 16) },
    {
      key: 'place', title: t('accidents.fields.place'),
      render: (_, a) => (
        <>
          <Link to={`/accidents/${a.id}`} onClick={(e) => e.stopPropagation()}>{a.place}</Link>
          <div style={{ fontSize: 12, color: '#595959' }}>{a.region.name}{a.enterprise ? ` · ${a.enterprise.name}` : ''}</div>
        </>
      ),
    },
    { key: 'category', title: t('accidents.fields.category'), responsive: ['md'], render: (_, a) => categoryLabel(pick, a.category.code) },
    { key: 'grade', title: t('accidents.fields.grade'), render: (_, a) => <GradeTag grade={a.grade} /> },
    { key: 'deaths', title: t('accidents.list.deaths'), align: 'right', render: (_, a) => a.figures.deathsIncludingMissing },
    { key: 'injuries', title: t('accidents.list.injuries'), align: 'right', responsive: ['sm'], render: (_, a) => `${a.figures.seriousInjuries} / ${a.figures.minorInjuries}` },
    {
      key: 'next', title: t('accidents.list.next'), responsive: ['lg'],
      render: (_, a) => {
        const next = a.clocks.next;
        const flags = a.clocks.flags;
        return (
          <Flex vertical gap={2} align="flex-start">
            {next ? (
              <span>
                <Tag color={CLOCK_COLORS[next.status]}>{pick(next.statusLabel)}</Tag>
                {pick(next.label)} · {formatDeadline(next)}
              </span>
            ) : a.investigationClosed ? (
              <Tag color="default">{t('accidents.list.closed')}</Tag>
            ) : null}
            <span>
              {flags.lateReport && <Tag color="red">{t('accidents.flags.lateReport')}</Tag>}
              {flags.lateEscalation && <Tag color="red">{t('accidents.flags.lateEscalation')}</Tag>}
            </span>
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('accidents.list.title')}</Typography.Title>
        {hasPermission(me, 'accident.report') && (
          <Link to="/accidents/new"><Button type="primary" icon={<PlusOutlined />}>{t('accidents.report.title')}</Button></Link>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <RegionPicker allowClear value={filters.regionCode} onChange={(regionCode) => update({ regionCode })} className="anjian-filter" style={{ width: 220 }} />
          <DatePicker.RangePicker
            className="anjian-filter"
            aria-label={t('accidents.list.dates')}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
          <Select allowClear placeholder={t('accidents.fields.grade')} aria-label={t('accidents.fields.grade')} value={filters.grade} options={gradeOptions(pick)} onChange={(grade) => update({ grade })} className="anjian-filter" style={{ width: 150 }} />
          <Select allowClear placeholder={t('accidents.fields.category')} aria-label={t('accidents.fields.category')} value={filters.category} options={categoryOptions(pick)} onChange={(category) => update({ category })} className="anjian-filter" style={{ width: 190 }} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('accidents.fields.industry')}
            aria-label={t('accidents.fields.industry')}
            value={filters.industry}
            options={(industries.data ?? []).map((i) => ({ value: i.code, label: language === 'en-US' ? i.nameEn : i.nameZh }))}
            onChange={(industry) => update({ industry })}
            className="anjian-filter"
            style={{ width: 190 }}
          />
        </Flex>
      </Card>
      <PagedTable<AccidentRow>
        query={list}
        rows={rows}
        columns={columns}
        onRow={(a) => ({ onClick: () => void navigate(`/accidents/${a.id}`), style: { cursor: 'pointer' } })}
        empty={t('accidents.list.empty')}
      />
    </>
  );
}
