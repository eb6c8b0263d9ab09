/**
 * Colours and type sizes shared by every chart. Sizes are large enough to read from the back
 * of a meeting room on a projector; colours keep strong contrast on white. Trend colours follow
 * the Chinese convention for casualty figures: a rise is red, a fall is green.
 */
export const CHART_COLORS = {
  current: '#1554ad',
  previous: '#a6a6a6',
  deaths: '#c41d1d',
  deathsPrevious: '#f09a9a',
  found: '#1554ad',
  closed: '#237804',
  up: '#cf1322',
  down: '#237804',
  flat: '#595959',
  neutral: '#1554ad',
  ahead: '#d46b08',
  ok: '#237804',
  exceeded: '#cf1322',
} as const;

export const CHART_FONT = {
  axis: 14,
  legend: 14,
  label: 13,
  detail: 26,
} as const;

/** The usual tooltip, legend and text settings; charts spread it into their option. */
export const CHART_BASE = {
  textStyle: { fontSize: CHART_FONT.label, color: '#1f1f1f' },
  tooltip: { trigger: 'axis' as const, confine: true, textStyle: { fontSize: 14 } },
  legend: { top: 0, textStyle: { fontSize: CHART_FONT.legend, color: '#1f1f1f' }, itemWidth: 18, itemHeight: 12 },
};
