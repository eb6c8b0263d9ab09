/*
 * The dashboard's first view without React: the signed-in user's own figures, from the same API
 * answers React then reads (shared/api/early.ts hands them over), drawn as the same markup
 * DashboardView, ChartCard and FigureCard render — the page's frame, the title, the period and
 * the accident figures. React draws the whole page behind it and takes over in one frame
 * (hand-over.ts); the other sections, the menu and the header's buttons arrive with it, below
 * and beside figures that stay where they are. Loaded only for /dashboard (entry.ts), so no
 * other page carries it.
 */
import ArrowDownOutlined from '@ant-design/icons-svg/lib/asn/ArrowDownOutlined';
import ArrowUpOutlined from '@ant-design/icons-svg/lib/asn/ArrowUpOutlined';
import CloseCircleFilled from '@ant-design/icons-svg/lib/asn/CloseCircleFilled';
import DownloadOutlined from '@ant-design/icons-svg/lib/asn/DownloadOutlined';
import FundProjectionScreenOutlined from '@ant-design/icons-svg/lib/asn/FundProjectionScreenOutlined';
import InfoCircleOutlined from '@ant-design/icons-svg/lib/asn/InfoCircleOutlined';
import LeftOutlined from '@ant-design/icons-svg/lib/asn/LeftOutlined';
import SafetyCertificateFilled from '@ant-design/icons-svg/lib/asn/SafetyCertificateFilled';
// The one rule, from its own file: the domain package's index would bring its whole schema library.
import { isWithinRegion } from '../../../../packages/domain/src/regions/region-code';
import type { AccidentStatsData } from '../features/dashboard/dashboard.api';
import { dashboardMessages } from '../features/dashboard/dashboard.messages';
import css from '../features/dashboard/dashboard.module.css';
import { storedLanguage } from '../shared/api/early';
import { FigureCards } from './figures';
import { h, icon, TOKENS } from './dom';
import { firstViewMessages } from './first-view.messages';
import type { FirstRequests } from './requests';

interface RegionItem { code: string; name: string }

/** The answer's body, read from a copy: the original stays whole for React to take. */
async function body<T>(response: Promise<Response>): Promise<T | null> {
  const answer = await response;
  return answer.ok ? ((await answer.clone().json()) as T) : null;
}

/** The first view, or null where React is to answer (not signed in, no dashboard, an error). */
export async function paintFirstView(first: Promise<FirstRequests | null>): Promise<HTMLElement | null> {
  const requests = await first;
  if (!requests) return null;
  const [s, a] = await Promise.all([body<AccidentStatsData>(requests.stats), body<{ items: RegionItem[] }>(requests.ancestors)]);
  return s && a ? view(s, a.items, requests.code) : null;
}

function view(stats: AccidentStatsData, path: RegionItem[], own: string): HTMLElement {
  const lang = storedLanguage();
  const m = dashboardMessages[lang];
  const pick = (text: { zh: string; en: string }) => (lang === 'en-US' ? text.en : text.zh);
  const name = stats.region.name;

  const crumbs: Node[] = [];
  path.forEach((r, i) => {
    if (i > 0) crumbs.push(h('li', { class: 'ant-breadcrumb-separator', 'aria-hidden': 'true' }, '/'));
    const last = i === path.length - 1;
    const title = last
      ? h('span', { 'data-testid': `crumb-${r.code}`, 'aria-current': 'page', style: 'color: rgb(20, 20, 20); font-weight: 600;' }, r.name)
      : isWithinRegion(r.code, own)
        ? h('a', { 'data-testid': `crumb-${r.code}`, href: r.code === own ? '/dashboard' : `/dashboard/${r.code}` }, r.name)
        : h('span', { style: 'color: rgb(89, 89, 89);' }, r.name);
    crumbs.push(h('li', { class: 'ant-breadcrumb-item' }, h('span', { class: 'ant-breadcrumb-link' }, title)));
  });

  const kinds = ['ytd', 'month', 'quarter', 'year', 'custom'] as const;
  const segmented = h(
    'div',
    { role: 'radiogroup', 'aria-label': m.period.label, tabindex: '0', 'aria-orientation': 'horizontal', class: `ant-segmented ${TOKENS}` },
    h(
      'div',
      { class: 'ant-segmented-group' },
      ...kinds.map((kind) => {
        const input = h('input', { class: 'ant-segmented-item-input', type: 'radio', name: 'first-view-period', checked: kind === 'ytd' ? '' : undefined });
        return h(
          'label',
          { class: kind === 'ytd' ? 'ant-segmented-item ant-segmented-item-selected ant-segmented-item-selected-text' : 'ant-segmented-item' },
          input,
          h('div', { class: 'ant-segmented-item-label', title: m.period[kind] }, m.period[kind]),
        );
      }),
    ),
  );

  const heading = h(
    'div',
    { class: `ant-flex ${TOKENS} ant-flex-wrap-wrap ant-flex-align-flex-start ant-flex-justify-space-between`, style: 'margin-bottom: 12px; gap: 12px;' },
    h(
      'div',
      { style: 'min-width: 0px;' },
      h('h3', { 'data-testid': 'dashboard-title', class: `ant-typography ${TOKENS}`, style: 'margin: 0px;' }, m.titleOf.replace('{{region}}', name)),
      path.length > 0 &&
        h('nav', { 'aria-label': m.drillPath, 'data-testid': 'drill-breadcrumb' }, h('nav', { class: `ant-breadcrumb ${TOKENS}`, style: 'font-size: 15px;' }, h('ol', {}, ...crumbs))),
    ),
    h(
      'div',
      { class: `ant-flex ${TOKENS} ant-flex-wrap-wrap ant-flex-align-center`, style: 'gap: 8px;' },
      h('div', { class: `ant-flex ${TOKENS} ant-flex-wrap-wrap ant-flex-align-center`, 'data-testid': 'period-selector', style: 'gap: 8px;' }, segmented),
      h(
        'a',
        { 'data-testid': 'enter-screen', href: '/dashboard?screen=1' },
        h(
          'button',
          { type: 'button', class: `ant-btn ${TOKENS} ant-btn-default ant-btn-color-default ant-btn-variant-outlined` },
          h('span', { class: 'ant-btn-icon' }, icon(FundProjectionScreenOutlined)),
          h('span', {}, m.screen.enter),
        ),
      ),
    ),
  );

  const legend = h(
    'div',
    { class: css.legend, 'data-testid': 'period-label' },
    h('span', {}, m.periodOf, ' ', h('b', {}, pick(stats.period.label))),
    h('span', {}, m.previous, ' ', stats.samePeriodLastYear.from, ' ~ ', stats.samePeriodLastYear.to),
    h('span', { tabindex: '0', style: 'cursor: help; text-decoration: underline dotted;' }, m.basis, ' ', icon(InfoCircleOutlined)),
    stats.scopeIndustries && h('span', {}, m.scopeIndustries.replace('{{count}}', String(stats.scopeIndustries.length))),
  );

  const alert =
    stats.doubleRise &&
    h(
      'div',
      { 'data-show': 'true', class: `ant-alert ant-alert-error ant-alert-outlined ${TOKENS}`, role: 'alert', 'data-testid': 'double-rise-alert' },
      h('span', { class: 'ant-alert-icon' }, icon(CloseCircleFilled)),
      h('div', { class: 'ant-alert-section' }, h('div', { class: 'ant-alert-title' }, m.doubleRiseAlert)),
    );

  const card = h(
    'div',
    { 'data-testid': 'section-accidents', class: `ant-card ant-card-bordered ant-card-small ${TOKENS}`, style: 'height: 100%;' },
    h(
      'div',
      { class: 'ant-card-head', style: 'padding-block: 8px;' },
      h(
        'div',
        { class: 'ant-card-head-wrapper' },
        h('div', { class: 'ant-card-head-title', style: 'white-space: normal; overflow: visible;' }, h('h3', { class: css.sectionTitle }, m.sections.accidents)),
        h(
          'div',
          { class: 'ant-card-extra' },
          h(
            'span',
            { style: 'display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; justify-content: flex-end;' },
            h(
              'button',
              { 'data-testid': 'export-accidents', type: 'button', class: `ant-btn ${TOKENS} ant-btn-default ant-btn-color-default ant-btn-variant-outlined ant-btn-sm` },
              h('span', { class: 'ant-btn-icon' }, icon(DownloadOutlined)),
              h('span', {}, m.exportExcel),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'ant-card-body' },
      h(
        'div',
        { class: css.legend, 'data-testid': 'trend-legend' },
        h('span', { style: 'color: rgb(207, 19, 34);' }, icon(ArrowUpOutlined, { 'aria-hidden': 'true' }), ' ', m.legendUp),
        h('span', { style: 'color: rgb(35, 120, 4);' }, icon(ArrowDownOutlined, { 'aria-hidden': 'true' }), ' ', m.legendDown),
      ),
      FigureCards(stats, lang),
    ),
  );

  const header = h(
    'header',
    {
      class: `ant-layout-header ${TOKENS}`,
      style: 'position: sticky; top: 0px; z-index: 10; height: 56px; line-height: normal; padding-inline: 16px; background: rgb(255, 255, 255); border-bottom: 1px solid rgb(240, 240, 240); display: flex; align-items: center; gap: 16px;',
    },
    h(
      'a',
      { href: '/', style: 'display: flex; align-items: center; gap: 8px; color: inherit; flex-shrink: 0;' },
      icon(SafetyCertificateFilled, { style: 'font-size: 22px; color: rgb(22, 119, 255);' }),
      h('span', { style: 'font-weight: 600; font-size: 16px;' }, firstViewMessages[lang].appName),
    ),
    h('div', { style: 'flex: 1 1 0%; min-width: 0px;' }),
  );

  // The menu's entries come with React; the column they sit in is here already.
  const sider = h(
    'aside',
    {
      class: `ant-layout-sider ant-layout-sider-light ant-layout-sider-has-trigger ${TOKENS}`,
      'aria-label': firstViewMessages[lang].navigation,
      style: 'border-inline-end: 1px solid rgb(240, 240, 240); position: sticky; top: 56px; height: calc(-56px + 100vh); overflow: auto; flex: 0 0 208px; max-width: 208px; min-width: 208px; width: 208px;',
    },
    h('div', { class: 'ant-layout-sider-children' }, h('ul', { class: `ant-menu ant-menu-root ant-menu-inline ant-menu-light ${TOKENS} ant-menu-css-var`, role: 'menu', style: 'border-inline-end: none;' })),
    h('div', { class: 'ant-layout-sider-trigger', style: 'width: 208px;' }, icon(LeftOutlined)),
  );

  return h(
    'div',
    { id: 'first-view', class: `ant-app ${TOKENS}` },
    h(
      'div',
      { class: `ant-layout ${TOKENS}`, style: 'min-height: 100vh;' },
      header,
      h(
        'div',
        { class: `ant-layout ant-layout-has-sider ${TOKENS}` },
        sider,
        h(
          'main',
          { class: `ant-layout-content ${TOKENS}`, style: 'padding: 24px; min-width: 0px;' },
          h(
            'div',
            { 'data-testid': 'dashboard', 'data-region': stats.region.code, 'data-ready': 'false' },
            heading,
            h('div', { class: `ant-flex ${TOKENS} ant-flex-align-stretch ant-flex-vertical`, style: 'gap: 16px;' }, legend, alert, card),
          ),
        ),
      ),
    ),
  );
}
