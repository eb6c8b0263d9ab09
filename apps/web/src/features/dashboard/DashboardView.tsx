import { lazy, Suspense, useLayoutEffect } from 'react';
import { FundProjectionScreenOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { handOverFirstView } from '../../first-view/hand-over';
import { useAncestors, useRegion } from '../../shared/api/regions';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { AccidentFigures, TrendLegend } from './AccidentFigures';
import { ChartCard, type ExportSpec } from './ChartCard';
import { useAccidentStats, useAccidentTrend, useHazardStats, usePeriod } from './dashboard.api';
import css from './dashboard.module.css';
import { downloadFromApi } from './download';
import { dashboardPath, DrillBreadcrumb } from './DrillBreadcrumb';
import { HazardChart } from './HazardChart';
import { HazardFigures } from './HazardFigures';
import { IndicatorGauges } from './IndicatorGauges';
import { PeriodSelector } from './PeriodSelector';
import { RankingChart } from './RankingChart';
import { RegionRanking } from './RegionRanking';
import { TrendChart } from './TrendChart';

const GUTTER: [number, number] = [16, 16];

// The 大屏 (and its map) come only when asked for: the dashboard's first load stays as small as it was.
const CockpitScreen = lazy(() => import('./CockpitScreen').then((m) => ({ default: m.CockpitScreen })));
// The 执法 section too: its own chunk, asked for once the figures above are on screen.
const EnforcementSection = lazy(() => import('./EnforcementSection'));

/** 领导驾驶舱 for one region: the user's own (/dashboard) or one below it (/dashboard/<code>). */
export function DashboardView() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const me = useCurrentUser();
  const own = me.org.regionCode;
  const code = useParams().regionCode ?? own;
  const navigate = useNavigate();
  const [period, setPeriod, search] = usePeriod();
  const screen = useSearchParams()[0].get('screen') === '1';
  const region = useRegion(code);
  const accidents = useAccidentStats(code, period);
  const hazards = useHazardStats(code, period);
  const stats = accidents.data;
  const trendYear = stats ? Number(stats.period.to.slice(0, 4)) : undefined;
  // The trend chart asks for the same query; here it only decides when the page is complete.
  const trend = useAccidentTrend(stats?.region.code ?? code, trendYear);
  const ready = !!stats && !!hazards.data && !!trend.data;
  // The first view (first-view/paint.ts) shows the title, the breadcrumb and the figures until
  // this commit draws the same: taken over before the browser paints, so nothing moves.
  const ancestors = useAncestors(code);
  const drawn = (!!stats && !ancestors.isPending) || accidents.isError || screen;
  useLayoutEffect(() => {
    if (drawn) handOverFirstView();
  }, [drawn]);

  const regionPath = (target: string) => dashboardPath(target, own, search);
  const drill = (target: string) => void navigate(regionPath(target));
  const accidentExport: ExportSpec = {
    format: 'xlsx',
    run: () => downloadFromApi('/stats/accidents/export', { regionCode: code, ...period }, 'accident-stats.xlsx'),
  };
  const hazardExport: ExportSpec = {
    format: 'xlsx',
    run: () => downloadFromApi('/stats/hazards/export', { regionCode: code, ...period }, 'hazard-stats.xlsx'),
  };
  const name = stats?.region.name ?? region.data?.name ?? '';
  if (screen) {
    return (
      <Suspense fallback={<LoadingState />}>
        <CockpitScreen code={code} own={own} period={period} />
      </Suspense>
    );
  }
  const screenParams = new URLSearchParams(search);
  screenParams.set('screen', '1');

  return (
    <div data-testid="dashboard" data-region={stats?.region.code ?? ''} data-ready={ready ? 'true' : 'false'}>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
            {name ? t('dashboard.titleOf', { region: name }) : t('dashboard.title')}
          </Typography.Title>
          <DrillBreadcrumb code={code} ownRegion={own} search={search} />
        </div>
        <Flex wrap gap={8} align="center">
          <PeriodSelector value={period} onChange={setPeriod} />
          <Link to={`?${screenParams.toString()}`} data-testid="enter-screen">
            <Button icon={<FundProjectionScreenOutlined />}>{t('dashboard.screen.enter')}</Button>
          </Link>
        </Flex>
      </Flex>

      {accidents.isError ? (
        <ErrorState error={accidents.error} onRetry={() => void accidents.refetch()} />
      ) : !stats ? (
        <LoadingState />
      ) : (
        <Flex vertical gap={16}>
          <div className={css.legend} data-testid="period-label">
            <span>{t('dashboard.periodOf')} <b>{pick(stats.period.label)}</b></span>
            <span>{t('dashboard.previous')} {stats.samePeriodLastYear.from} ~ {stats.samePeriodLastYear.to}</span>
            <Tooltip title={pick(stats.basis)}>
              <span tabIndex={0} style={{ cursor: 'help', textDecoration: 'underline dotted' }}>
                {t('dashboard.basis')} <InfoCircleOutlined />
              </span>
            </Tooltip>
            {stats.scopeIndustries && <span>{t('dashboard.scopeIndustries', { count: stats.scopeIndustries.length })}</span>}
          </div>
          {stats.doubleRise && <Alert type="error" showIcon title={t('dashboard.doubleRiseAlert')} data-testid="double-rise-alert" />}

          <ChartCard title={t('dashboard.sections.accidents')} exportSpec={accidentExport} exportTestId="export-accidents" testId="section-accidents">
            <TrendLegend />
            <AccidentFigures stats={stats} />
          </ChartCard>

          <ChartCard title={t('dashboard.sections.indicators')} exportSpec={accidentExport} exportTestId="export-indicators" testId="section-indicators">
            <IndicatorGauges stats={stats} />
          </ChartCard>

          <TrendChart regionCode={stats.region.code} year={trendYear ?? 0} />

          <ChartCard title={t('dashboard.hazards.title')} exportSpec={hazardExport} exportTestId="export-hazards" testId="section-hazards">
            {hazards.isError ? (
              <ErrorState error={hazards.error} onRetry={() => void hazards.refetch()} />
            ) : !hazards.data ? (
              <LoadingState />
            ) : (
              <Row gutter={GUTTER}>
                <Col xs={24} xl={12}>
                  <HazardFigures stats={hazards.data} />
                </Col>
                <Col xs={24} xl={12}>
                  <h4 style={{ margin: '0 0 4px', fontSize: 15 }}>{hazards.data.byRegion.length > 0 ? t('dashboard.hazards.chartByRegion') : t('dashboard.hazards.chartBySource')}</h4>
                  <HazardChart stats={hazards.data} onDrill={drill} />
                </Col>
              </Row>
            )}
          </ChartCard>

          <ChartCard title={t('dashboard.ranking.title')} exportSpec={accidentExport} exportTestId="export-ranking" testId="section-ranking">
            {stats.byRegion.length === 0 ? (
              <Typography.Text type="secondary">{t('dashboard.ranking.lowest')}</Typography.Text>
            ) : (
              <Row gutter={GUTTER}>
                <Col xs={24} xxl={9}>
                  <RankingChart stats={stats} onDrill={drill} />
                </Col>
                <Col xs={24} xxl={15}>
                  <RegionRanking accidents={stats} hazards={hazards.data} regionPath={regionPath} onDrill={drill} />
                </Col>
              </Row>
            )}
          </ChartCard>

          {hasPermission(me, 'inspection.read') && (
            <Suspense fallback={<LoadingState />}>
              <EnforcementSection regionCode={stats.region.code} from={stats.period.from} to={stats.period.to} regionPath={regionPath} />
            </Suspense>
          )}
        </Flex>
      )}
    </div>
  );
}
