import { Segmented } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChartMap, hasMap } from '../../shared/charts/EChartMap';
import css from './cockpit.module.css';
import type { AccidentStatsData, HazardStatsData } from './dashboard.api';
import { ScreenTrend } from './ScreenTrend';
import { SCREEN_FIGURES, screenRows, type ScreenFigure } from './screen-figures';

const TOP = 12;

interface Props {
  accidents: AccidentStatsData;
  hazards?: HazardStatsData;
  figure: ScreenFigure;
  onFigure: (figure: ScreenFigure) => void;
  regionPath: (code: string) => string;
  onDrill: (code: string) => void;
}

/**
 * The sub-regions on the 大屏: a map coloured by the chosen figure where the region's outlines
 * ship with the app (geo/NOTICE.md), and beside it the same figure as a ranking. Where there is
 * no map (townships and villages) the ranking stays, and the month-by-month trend takes the map's place.
 */
export function ScreenRegions({ accidents, hazards, figure, onFigure, regionPath, onDrill }: Props) {
  const { t } = useTranslation();
  const rows = useMemo(() => screenRows(figure, accidents, hazards), [figure, accidents, hazards]);
  const code = accidents.region.code;
  const mapped = hasMap(code);
  const label = t(`dashboard.screen.figures.${figure}`);
  const shown = figure === 'doubleRise' ? rows.filter((r) => r.value > 0) : rows.slice(0, TOP);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const figures = useMemo(() => rows.map((r) => ({ name: r.name, code: r.code, value: r.value })), [rows]);
  const labels = useMemo(() => ({ low: t('dashboard.screen.low'), high: t('dashboard.screen.high'), yes: t('dashboard.doubleRise'), no: t('dashboard.screen.notDoubleRise') }), [t]);

  const selector = (
    <Segmented
      size="large"
      value={figure}
      onChange={(v) => onFigure(v as ScreenFigure)}
      options={SCREEN_FIGURES.map((f) => ({ value: f, label: <span style={{ fontSize: 18 }}>{t(`dashboard.screen.figures.${f}`)}</span> }))}
      data-testid="screen-figure"
    />
  );

  const ranking = (
    <section className={css.panel} data-testid="screen-ranking">
      <h2 className={css.panelTitle}>{t('dashboard.screen.rankingBy', { figure: label })}</h2>
      <div className={css.note}>{figure === 'doubleRise' ? t('dashboard.screen.doubleRiseNote') : t('dashboard.screen.rankingNote')}</div>
      {shown.length === 0 ? (
        <div className={css.note} style={{ fontSize: 22 }}>{figure === 'doubleRise' ? t('dashboard.screen.noDoubleRise') : t('dashboard.ranking.none')}</div>
      ) : (
        <ol className={css.rankList}>
          {shown.map((r) => (
            <li key={r.code} className={css.rankItem} data-testid={`screen-row-${r.code}`} data-value={r.value}>
              <span>{r.rank}</span>
              <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <Link to={regionPath(r.code)}>{r.name}</Link>
                {r.doubleRise && <span className={css.doubleRise}>{t('dashboard.doubleRise')}</span>}
              </span>
              <span className={css.rankValue}>{figure === 'doubleRise' ? '' : r.value}</span>
              {figure !== 'doubleRise' && <span className={css.rankBar} style={{ width: `${(r.value / max) * 100}%`, opacity: r.value > 0 ? 1 : 0.15 }} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );

  return (
    <div className={css.main}>
      <section className={css.panel} data-testid="screen-map-panel" data-mapped={mapped ? 'true' : 'false'}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
          <h2 className={css.panelTitle}>{t('dashboard.screen.mapTitle', { figure: label })}</h2>
          {selector}
        </div>
        {mapped ? (
          <EChartMap
            regionCode={code}
            figures={figures}
            binary={figure === 'doubleRise'}
            labels={labels}
            height="clamp(360px, 56vh, 760px)"
            ariaLabel={t('dashboard.screen.mapTitle', { figure: label })}
            onClick={onDrill}
            testId="screen-map"
          />
        ) : (
          <div className={css.note} data-testid="screen-no-map" style={{ fontSize: 20 }}>{t('dashboard.screen.noMap')}</div>
        )}
        {!mapped && <ScreenTrend regionCode={code} year={Number(accidents.period.to.slice(0, 4))} />}
      </section>
      {ranking}
    </div>
  );
}
