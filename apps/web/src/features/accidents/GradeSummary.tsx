import { ACCIDENT_GRADE_LABELS, type SupplementFigure } from '@anjian/domain';
import { Descriptions, Form, Input, Tag, Typography, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import type { FiguresData, GradeData } from './accidents.api';
import { readFigure } from './figure-input';
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

/**
 * The casualty and loss fields, shared by the first report and the supplements. Plain text
 * inputs read strictly (figure-input.ts): a number input would round 2.5 to 3 and clamp −1 to
 * 0 without a word, and these figures decide the grade.
 */
export function FigureFields({ deathsRequired = true }: { deathsRequired?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const item = (key: SupplementFigure, extra?: { tooltip?: string }) => {
    const label = t(`accidents.fields.${key}`);
    const rules: FormRule[] = [
      ...(deathsRequired && key === 'deaths' ? [{ required: true, message: t('common.required', { field: label }) }] : []),
      {
        validator: (_rule, value: unknown) => {
          const reading = readFigure(value, key);
          if (reading.ok) return Promise.resolve();
          const problem = reading.problem === 'fraction' && key === 'directLossYuan' ? 'fractionLoss' : reading.problem;
          return Promise.reject(new Error(t(`accidents.figureErrors.${problem}`, { field: label, max: reading.max.toLocaleString(language) })));
        },
      },
    ];
    return (
      <Form.Item key={key} name={key} label={label} tooltip={extra?.tooltip} rules={rules}>
        <Input inputMode="numeric" autoComplete="off" data-testid={`figure-${key}`} />
      </Form.Item>
    );
  };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', columnGap: 12 }}>
      {item('deaths')}
      {item('missing')}
      {item('seriousInjuries', { tooltip: t('accidents.fields.seriousHint') })}
      {item('minorInjuries')}
      {item('directLossYuan')}
    </div>
  );
}
