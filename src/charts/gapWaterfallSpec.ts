import type { TopLevelSpec } from 'vega-lite';
import { yearLabel } from '../i18n/labels.js';
import { chartMeta, frame, wsLabel } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';
import { GapWaterfall } from './records.js';
import { wrappedLabels } from './textWrap.js';

/**
 * Options of {@link gapWaterfallSpec}: the {@link ChartOptions} (scheme default `'tableau10'`, for the workstreams).
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { gapWaterfall, gapWaterfallSpec, type GapWaterfallOptions } from 'cpi-gap/charts';
 *
 * const options: GapWaterfallOptions = { locale: 'en', width: 480 };
 * const spec = gapWaterfallSpec(gapWaterfall(sourceGaps(thailand), cpiGap(thailand)), options);
 * ```
 */
export type GapWaterfallOptions = ChartOptions;

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

/**
 * A waterfall in CPI points: a grey bar for the mean of the sources now, one step per workstream
 * (the part of the missing points its sources account for, as split by {@link gapWaterfall}: a
 * source feeding k workstreams gives 1/k of its need to each), and a grey bar for the unrounded mean
 * the target needs. The steps sum to `neededMean - mean` (the CPI's total uplift need divided by the
 * number of sources), so the last step ends where the "needed" bar does.
 *
 * @throws {CpiGapError} when an option is invalid.
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { chartContext, gapWaterfall, gapWaterfallSpec } from 'cpi-gap/charts';
 *
 * const w = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 }));
 * const spec = gapWaterfallSpec(w, { ...chartContext(thailand, { year: 2022 }), locale: 'th' });
 * (spec.usermeta?.['cpiGap'] as { year: number }).year; // => 2022
 * ```
 */
export function gapWaterfallSpec(waterfall: GapWaterfall, options?: GapWaterfallOptions): TopLevelSpec {
  checkRecords('gapWaterfallSpec', GapWaterfall, waterfall, ['waterfall']);
  const o = resolveOptions('gapWaterfallSpec', 'gapWaterfall', options, {});
  const m = CHART_MESSAGES[o.locale];
  const values = waterfall.steps.map((s, i) => {
    const label =
      s.kind === 'start' ? m.meanNow : s.kind === 'end' ? m.meanNeeded(waterfall.target) : s.workstream === null ? m.noWorkstream : wsLabel(o, s.workstream);
    const total = s.kind === 'start' || s.kind === 'end';
    return {
      order: i,
      label,
      total,
      from: s.from,
      to: s.to,
      value: total ? s.to : s.cpiPoints,
      text: total ? s.to.toFixed(1) : signed(s.cpiPoints),
      sources: s.shares.map((sh) => (sh.fraction === 1 ? sh.source : `${sh.source} ×${sh.fraction === 0.5 ? '½' : sh.fraction.toFixed(2)}`)).join(', '),
    };
  });
  const labels = values.map((v) => v.label);
  const steps = values.filter((v) => !v.total).map((v) => v.label);
  // Each label wraps to the width of its band (the steps share the plot's width), horizontal.
  const x = { field: 'label', type: 'nominal', title: null, sort: labels, axis: { labelAngle: 0, ...wrappedLabels(labels, Math.floor(o.width / labels.length) - 8) } };
  const y = { field: 'from', type: 'quantitative', title: m.waterfallUnit };
  const tooltip = [
    { field: 'label', type: 'nominal', title: m.workstream },
    { field: 'value', type: 'quantitative', title: m.waterfallUnit, format: '.2f' },
    { field: 'sources', type: 'nominal', title: m.sources },
  ];
  const layer = [
    {
      transform: [{ filter: 'datum.total' }],
      mark: { type: 'bar', color: '#8c8c8c' },
      encoding: { x, y, y2: { field: 'to' }, tooltip },
    },
    {
      transform: [{ filter: '!datum.total' }],
      mark: { type: 'bar' },
      encoding: { x, y, y2: { field: 'to' }, color: { field: 'label', type: 'nominal', title: m.workstream, scale: { scheme: o.scheme, domain: steps }, legend: null }, tooltip },
    },
    {
      mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11 },
      encoding: { x, y: { field: 'to', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
    },
    {
      data: { values: [{ needed: waterfall.neededMean }] },
      mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4] },
      encoding: { y: { field: 'needed', type: 'quantitative' } },
    },
  ];
  const meta = chartMeta(o, waterfall.origins, {
    year: waterfall.year,
    target: waterfall.target,
    unit: 'CPI points (source points / n)',
    splitRule: 'a source feeding k workstreams gives 1/k of its need (neededMean - score) to each',
    sumOfSteps: 'neededMean - mean = totalUplift / n',
    totalUplift: waterfall.totalUplift,
  });
  return frame(o, m.waterfallTitle(yearLabel(waterfall.year, o.era), waterfall.target), [m.waterfallSubtitle(waterfall.target, waterfall.neededMean)], meta, {
    data: { values },
    layer,
  });
}
