import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, theme } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLanguage } from '../../shared/i18n';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { accidentListLink } from './AccidentFigures';
import css from './cockpit.module.css';
import { useAccidentStats, useHazardStats, type Figure, type PeriodQuery } from './dashboard.api';
import { dashboardPath, DrillBreadcrumb } from './DrillBreadcrumb';
import { ledgerLink } from './HazardFigures';
import { formatMoney } from './money';
import { isScreenFigure, type ScreenFigure } from './screen-figures';
import { ScreenRegions } from './ScreenRegions';

/** The wall display asks again every minute. */
export const SCREEN_REFRESH_MS = 60_000;

const asOfFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

function Compare({ figure }: { figure: Figure }) {
  const { pick } = useLanguage();
  const { t } = useTranslation();
  const color = figure.trend === 'up' ? '#ff7875' : figure.trend === 'down' ? '#95de64' : '#bcd9f5';
  const arrow = figure.trend === 'up' ? '▲' : figure.trend === 'down' ? '▼' : '—';
  return (
    <span className={css.kpiCompare} style={{ color }} title={pick(figure.description)}>
      {figure.percentText === null ? pick(figure.description) : `${t('dashboard.yoy')} ${arrow} ${figure.percentText}`}
    </span>
  );
}

function Kpi({ testId, label, value, unit, figure, to, alert, note }: { testId: string; label: string; value: string | number; unit?: string; figure?: Figure; to: string; alert?: boolean; note?: string }) {
  return (
    <Link to={to} className={`${css.kpi} ${alert ? css.kpiAlert : ''}`} data-testid={testId} data-value={value}>
      <span className={css.kpiLabel}>{label}</span>
      <span className={String(value).length > 5 ? css.kpiValueLong : css.kpiValue}>
        {value}
        {unit && <span className={css.kpiUnit}>{unit}</span>}
      </span>
      {figure && <Compare figure={figure} />}
      {note && <span className={css.kpiCompare} style={{ color: '#bcd9f5', fontWeight: 400 }}>{note}</span>}
    </Link>
  );
}

/**
 * 大屏模式 (/dashboard[/<code>]?screen=1): the cockpit for a meeting-room projector. Full window,
 * dark, large type; the figures ask again every minute and say when they were fetched.
 */
export function CockpitScreen({ code, own, period }: { code: string; own: string; period: PeriodQuery }) {
  const { t } = useTranslation();
  const { pick, language } = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const accidents = useAccidentStats(code, period, { refreshMs: SCREEN_REFRESH_MS });
  const hazards = useHazardStats(code, period, { refreshMs: SCREEN_REFRESH_MS });
  const figure: ScreenFigure = isScreenFigure(params.get('figure')) ? (params.get('figure') as ScreenFigure) : 'overdue';
  const search = params.toString();

  // The page behind the overlay must not scroll with the wheel.
  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);

  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    const next = new URLSearchParams(params);
    next.delete('screen');
    next.delete('figure');
    setParams(next);
  };
  const setFigure = (f: ScreenFigure) => {
    const next = new URLSearchParams(params);
    next.set('figure', f);
    setParams(next, { replace: true });
  };
  const regionPath = (target: string) => dashboardPath(target, own, search);

  const stats = accidents.data;
  const h = hazards.data;
  const fetchedAt = Math.max(accidents.dataUpdatedAt, hazards.dataUpdatedAt);
  const money = stats ? formatMoney(stats.totals.directLossYuan.current, language) : null;

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: 16 } }}>
      <div className={css.screen} data-testid="cockpit-screen" data-region={stats?.region.code ?? ''} data-ready={stats && h ? 'true' : 'false'} role="main">
        <header className={css.header}>
          <div style={{ minWidth: 0 }}>
            <h1 className={css.title} data-testid="screen-title">{t('dashboard.screen.title', { region: stats?.region.name ?? '' })}</h1>
            <DrillBreadcrumb code={code} ownRegion={own} search={search} dark />
          </div>
          <div className={css.meta}>
            {stats && <span data-testid="screen-period">{t('dashboard.periodOf')} {pick(stats.period.label)}</span>}
            <span className={css.asOf} data-testid="screen-as-of" aria-live="polite">
              {fetchedAt > 0 ? t('dashboard.screen.asOf', { time: asOfFormat.format(new Date(fetchedAt)) }) : '…'}
            </span>
            <span>{t('dashboard.screen.refresh', { seconds: String(SCREEN_REFRESH_MS / 1000) })}</span>
            <Button size="large" icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
              {t('dashboard.screen.fullscreen')}
            </Button>
            <Button size="large" icon={<CloseOutlined />} onClick={exit} data-testid="screen-exit">{t('dashboard.screen.exit')}</Button>
          </div>
        </header>

        {accidents.isError ? (
          <ErrorState error={accidents.error} onRetry={() => void accidents.refetch()} />
        ) : !stats || !money ? (
          <LoadingState />
        ) : (
          <>
            {stats.doubleRise && <Alert type="error" showIcon title={<span style={{ fontSize: 22 }}>{t('dashboard.doubleRiseAlert')}</span>} data-testid="screen-double-rise" />}
            <div className={css.kpis}>
              <Kpi testId="screen-accidents" label={t('dashboard.figures.accidents')} value={stats.totals.accidents.current} unit={t('dashboard.units.accidents')} figure={stats.totals.accidents} to={accidentListLink(code, stats.period)} />
              <Kpi testId="screen-deaths" label={t('dashboard.figures.deaths')} value={stats.totals.deaths.current} unit={t('dashboard.units.people')} figure={stats.totals.deaths} to={accidentListLink(code, stats.period)} />
              <Kpi testId="screen-loss" label={t('dashboard.figures.directLoss')} value={money.value} unit={t(`dashboard.units.${money.unit}`)} figure={stats.totals.directLossYuan} to={accidentListLink(code, stats.period)} />
              {h && (
                <>
                  <Kpi testId="screen-found" label={t('dashboard.hazards.found')} value={h.totals.found.current} unit={t('dashboard.units.items')} figure={h.totals.found} to={ledgerLink(code, null, { from: stats.period.from, to: stats.period.to })} />
                  <Kpi testId="screen-rate" label={t('dashboard.screen.rate')} value={h.totals.rectificationRate.percentText ?? '—'} note={t('dashboard.hazards.rateParts', { part: String(h.totals.rectificationRate.part), whole: String(h.totals.rectificationRate.whole) })} to={ledgerLink(code, null, { from: stats.period.from, to: stats.period.to, status: 'closed' })} />
                  <Kpi testId="screen-overdue" label={t('dashboard.hazards.overdue')} value={h.totals.snapshot.overdue} unit={t('dashboard.units.items')} alert={h.totals.snapshot.overdue > 0} note={t('dashboard.hazards.open', { count: h.totals.snapshot.open })} to={ledgerLink(code, 'overdue')} />
                  <Kpi testId="screen-listed" label={t('dashboard.hazards.listed')} value={h.totals.snapshot.listed} unit={t('dashboard.units.items')} to={ledgerLink(code, 'listed')} />
                </>
              )}
            </div>
            {stats.byRegion.length === 0 ? (
              <div className={css.note} style={{ fontSize: 22 }}>{t('dashboard.ranking.lowest')}</div>
            ) : (
              <ScreenRegions accidents={stats} hazards={h} figure={figure} onFigure={setFigure} regionPath={regionPath} onDrill={(c) => void navigate(regionPath(c))} />
            )}
          </>
        )}
      </div>
    </ConfigProvider>
  );
}
