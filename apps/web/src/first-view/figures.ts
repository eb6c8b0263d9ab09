/*
 * The accident figures of the first view: the markup of AccidentFigures and FigureCard
 * (features/dashboard), card for card, from the same API answer and the same formatting.
 */
import ArrowDownOutlined from '@ant-design/icons-svg/lib/asn/ArrowDownOutlined';
import ArrowUpOutlined from '@ant-design/icons-svg/lib/asn/ArrowUpOutlined';
import MinusOutlined from '@ant-design/icons-svg/lib/asn/MinusOutlined';
import type { AccidentStatsData, Figure } from '../features/dashboard/dashboard.api';
import { dashboardMessages } from '../features/dashboard/dashboard.messages';
import css from '../features/dashboard/dashboard.module.css';
import { formatMoney } from '../features/dashboard/money';
import { CHART_COLORS } from '../shared/charts/chart-style';
import { h, icon } from './dom';

/** CSS colour text as the browser serialises React's style values (rgb()), so the markup is equal. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** FigureCard's trendColor for casualty figures. */
function color(trend: Figure['trend']): string {
  return rgb(trend === 'flat' ? CHART_COLORS.flat : trend === 'up' ? CHART_COLORS.up : CHART_COLORS.down);
}

interface Card {
  testId: string;
  label: string;
  raw: number;
  unit: string;
  figure: Figure;
  display?: string;
  rawDisplay?: string;
  rawUnit?: string;
  formatPrevious?: (n: number) => string;
}

export function FigureCards(stats: AccidentStatsData, lang: 'zh-CN' | 'en-US'): HTMLElement {
  const m = dashboardMessages[lang];
  const pick = (text: { zh: string; en: string }) => (lang === 'en-US' ? text.en : text.zh);
  const { totals } = stats;
  const money = formatMoney(totals.directLossYuan.current, lang);
  const to = `/accidents?${new URLSearchParams({ regionCode: stats.region.code, from: stats.period.from, to: stats.period.to }).toString()}`;

  const card = ({ testId, label, raw, unit, figure, display, rawDisplay, rawUnit, formatPrevious = String }: Card) => {
    const value = h('span', { 'data-testid': 'figure-value', 'data-raw': String(raw) }, rawDisplay ?? String(raw));
    const big = display === undefined ? value : h('span', { 'data-testid': 'figure-display' }, display);
    const description = pick(figure.description);
    const tint = color(figure.trend);
    const arrow = figure.trend === 'up' ? ArrowUpOutlined : figure.trend === 'down' ? ArrowDownOutlined : MinusOutlined;
    const compare =
      figure.percentText === null
        ? h('span', { class: css.compare, title: description, style: `color: ${tint};` }, h('span', { 'data-testid': 'figure-description' }, description))
        : h(
            'span',
            { class: css.compare, title: description, 'aria-label': description, style: `color: ${tint}; white-space: nowrap;` },
            h('span', { style: 'color: rgb(67, 67, 67); font-weight: 400;' }, m.yoy),
            icon(arrow, { 'aria-hidden': 'true' }),
            h('span', { 'data-testid': 'figure-percent' }, figure.percentText),
          );
    const difference = figure.difference !== 0 ? ` (${figure.difference > 0 ? '+' : ''}${formatPrevious(figure.difference)})` : '';
    return h(
      'div',
      { class: `${css.figure} `, 'data-testid': testId, 'data-value': String(raw), 'data-percent': figure.percentText ?? '' },
      h('div', { class: css.figureLabel }, label),
      h(
        'div',
        { class: css.figureValue },
        h('a', { class: css.figureLink, title: m.openAccidents, 'aria-label': `${label} ${raw}${unit}: ${m.openAccidents}`, href: to }, big),
        unit !== '' && h('span', { class: css.figureUnit }, unit),
      ),
      display !== undefined && h('div', { class: css.muted }, value, ' ', rawUnit),
      compare,
      h('div', { class: css.muted }, m.previous, ' ', formatPrevious(figure.previous), difference),
    );
  };

  return h(
    'div',
    { style: 'display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px;' },
    card({ testId: 'figure-accidents', label: m.figures.accidents, raw: totals.accidents.current, unit: m.units.accidents, figure: totals.accidents }),
    card({ testId: 'figure-deaths', label: m.figures.deaths, raw: totals.deaths.current, unit: m.units.people, figure: totals.deaths }),
    card({ testId: 'figure-serious-injuries', label: m.figures.seriousInjuries, raw: totals.seriousInjuries.current, unit: m.units.people, figure: totals.seriousInjuries }),
    card({ testId: 'figure-minor-injuries', label: m.figures.minorInjuries, raw: totals.minorInjuries.current, unit: m.units.people, figure: totals.minorInjuries }),
    card({
      testId: 'figure-direct-loss',
      label: m.figures.directLoss,
      raw: totals.directLossYuan.current,
      display: money.value,
      rawDisplay: money.yuan,
      unit: m.units[money.unit],
      rawUnit: m.units.yuan,
      figure: totals.directLossYuan,
      formatPrevious: (n) => formatMoney(n, lang).yuan,
    }),
  );
}
