import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHART_COLORS } from '../../shared/charts/chart-style';
import { useLanguage } from '../../shared/i18n';
import type { Figure } from './dashboard.api';
import css from './dashboard.module.css';

/**
 * casualty: a rise is bad news, shown red; a fall green (the Chinese convention for accident
 * figures). neutral: more hazards found or closed is not in itself good or bad, so blue.
 */
export type Tone = 'casualty' | 'neutral';

export function trendColor(trend: Figure['trend'], tone: Tone): string {
  if (trend === 'flat') return CHART_COLORS.flat;
  if (tone === 'neutral') return CHART_COLORS.neutral;
  return trend === 'up' ? CHART_COLORS.up : CHART_COLORS.down;
}

/** 同比 as the API prints it: an arrow and percentText verbatim, or the API's own words when there is no percentage. */
export function Compare({ figure, tone, compact, testId = 'figure' }: { figure: Figure; tone: Tone; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const color = trendColor(figure.trend, tone);
  const Arrow = figure.trend === 'up' ? ArrowUpOutlined : figure.trend === 'down' ? ArrowDownOutlined : MinusOutlined;
  const description = pick(figure.description);
  if (figure.percentText === null && compact) {
    // In a table cell the sentence would not fit: the difference, with the sentence on hover.
    return (
      <span style={{ color, whiteSpace: 'nowrap' }} title={description} aria-label={description}>
        <Arrow aria-hidden /> <span data-testid={`${testId}-difference`}>{figure.difference > 0 ? `+${figure.difference}` : figure.difference}</span>
      </span>
    );
  }
  if (figure.percentText === null) {
    return (
      <span className={compact ? undefined : css.compare} style={{ color }} title={description}>
        <span data-testid={`${testId}-description`}>{description}</span>
      </span>
    );
  }
  return (
    <span className={compact ? undefined : css.compare} style={{ color, whiteSpace: 'nowrap' }} title={description} aria-label={description}>
      {!compact && <span style={{ color: '#434343', fontWeight: 400 }}>{t('dashboard.yoy')}</span>}
      <Arrow aria-hidden />
      <span data-testid={`${testId}-percent`}>{figure.percentText}</span>
    </span>
  );
}

export interface FigureCardProps {
  testId: string;
  label: string;
  /** The API's value, verbatim: the e2e test compares it with the JSON. */
  raw: number | string;
  /** A friendlier rendering of a large value (万元); the raw value then goes on the line below. */
  display?: string;
  unit?: string;
  rawUnit?: string;
  /** The raw value as printed under the display (with separators); data-value keeps the API's. */
  rawDisplay?: string;
  /** How the 上年同期 figure and the difference are printed (money with separators). */
  formatPrevious?: (n: number) => string;
  figure?: Figure;
  tone?: Tone;
  /** Clicking the number opens the list behind it. */
  to?: string;
  toLabel?: string;
  alert?: boolean;
  footer?: ReactNode;
}

export function FigureCard({ testId, label, raw, display, unit, rawUnit, rawDisplay, formatPrevious = String, figure, tone = 'casualty', to, toLabel, alert, footer }: FigureCardProps) {
  const { t } = useTranslation();
  const value = <span data-testid="figure-value" data-raw={raw}>{rawDisplay ?? raw}</span>;
  const big = display === undefined ? value : <span data-testid="figure-display">{display}</span>;
  return (
    <div
      className={`${css.figure} ${alert ? css.figureAlert : ''}`}
      data-testid={testId}
      data-value={raw}
      data-percent={figure?.percentText ?? ''}
    >
      <div className={css.figureLabel}>{label}</div>
      <div className={css.figureValue} style={alert ? { color: CHART_COLORS.exceeded } : undefined}>
        {to ? (
          <Link to={to} className={css.figureLink} title={toLabel} aria-label={`${label} ${raw}${unit ?? ''}: ${toLabel ?? ''}`}>
            {big}
          </Link>
        ) : (
          big
        )}
        {unit && <span className={css.figureUnit}>{unit}</span>}
      </div>
      {display !== undefined && (
        <div className={css.muted}>
          {value} {rawUnit}
        </div>
      )}
      {figure && <Compare figure={figure} tone={tone} />}
      {figure && (
        <div className={css.muted}>
          {t('dashboard.previous')} {formatPrevious(figure.previous)}
          {figure.difference !== 0 && ` (${figure.difference > 0 ? '+' : ''}${formatPrevious(figure.difference)})`}
        </div>
      )}
      {footer}
    </div>
  );
}
