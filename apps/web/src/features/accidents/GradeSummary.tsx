import { ACCIDENT_GRADE_LABELS } from '@anjian/domain';
import { Descriptions, Form, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import type { FiguresData, GradeData } from './accidents.api';
import { criterionLabel, formatYuan, GRADE_COLORS } from './labels';

export function GradeTag({ grade, large }: { grade: GradeData; large?: boolean }) {
  const { pick } = useLanguage();
  return (
    <Tag color={GRADE_COLORS[grade.code]} data-testid="grade" data-grade={grade.code} style={large ? { fontSize: 16, padding: '4px 10px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}>
      {pick(grade.label)}
    </Tag>
  );
}

/** The grade the server computed (Decree 493) and the criteria that decided it. */
export function GradeSummary({ grade, initialGrade }: { grade: GradeData; initialGrade?: GradeData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const lowest = grade.code === 'ordinary';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="grade-summary">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <GradeTag grade={grade} large />
        <Typography.Text type="secondary">{t('accidents.grade.computed')}</Typography.Text>
      </div>
      <div data-testid="grade-decided-by">
        {lowest
          ? t('accidents.grade.ordinary', { next: pick(ACCIDENT_GRADE_LABELS.major) })
          : t('accidents.grade.decidedBy', { criteria: grade.decidedBy.map((c) => criterionLabel(pick, c)).join(t('accidents.grade.separator')), grade: pick(grade.label) })}
      </div>
      {initialGrade && initialGrade.code !== grade.code && (
        <Typography.Text type="warning">{t('accidents.grade.changed', { initial: pick(initialGrade.label) })}</Typography.Text>
      )}
    </div>
  );
}

export function FiguresView({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, sm: 3, xl: 6 }}
      data-testid="figures"
      items={[
        { key: 'd', label: t('accidents.fields.deaths'), children: figures.deaths },
        { key: 'm', label: t('accidents.fields.missing'), children: figures.missing },
        { key: 'dm', label: t('accidents.fields.deathsIncludingMissing'), children: <b>{figures.deathsIncludingMissing}</b> },
        { key: 's', label: t('accidents.fields.seriousInjuries'), children: figures.seriousInjuries },
        { key: 'n', label: t('accidents.fields.minorInjuries'), children: figures.minorInjuries },
        { key: 'l', label: t('accidents.fields.directLossYuan'), children: formatYuan(figures.directLossYuan, language) },
      ]}
    />
  );
}

/** The casualty and loss fields, shared by the first report and the supplements. */
export function FigureFields({ deathsRequired = true }: { deathsRequired?: boolean }) {
  const { t } = useTranslation();
  const count = { min: 0, max: 100_000, precision: 0, style: { width: '100%' } };
  const required = (field: string) => (deathsRequired ? [{ required: true, message: t('common.required', { field }) }] : []);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', columnGap: 12 }}>
      <Form.Item name="deaths" label={t('accidents.fields.deaths')} rules={required(t('accidents.fields.deaths'))}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="missing" label={t('accidents.fields.missing')}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="seriousInjuries" label={t('accidents.fields.seriousInjuries')} tooltip={t('accidents.fields.seriousHint')}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="minorInjuries" label={t('accidents.fields.minorInjuries')}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="directLossYuan" label={t('accidents.fields.directLossYuan')}>
        <InputNumber min={0} max={1_000_000_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
