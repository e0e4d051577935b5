import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { cpiGap, GapOptions, sourceGaps, workstreamGaps } from '../analysis/gaps.js';
import { resolveYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { Provenance } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { defaultEra } from '../i18n/labels.js';
import type { DeepReadonly } from '../util/freeze.js';
import { gapBarsSpec } from './gapBars.js';
import { gapWaterfallSpec } from './gapWaterfallSpec.js';
import { CHART_DEFAULTS, ChartOptions, type CHART_SET_IDS } from './options.js';
import { rankPositionSpec } from './rankPositionSpec.js';
import { chartContext, gapWaterfall, rankPosition } from './records.js';
import { sourceHeatmapSpec } from './sourceHeatmap.js';
import { sourceTrendsSpec } from './sourceTrends.js';
import { workstreamMatrixSpec } from './workstreamMatrix.js';

/**
 * One chart of a {@link chartSet}: a stable id (used for file names) and its spec.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartSet, type ChartEntry } from 'cpi-gap/charts';
 *
 * const entries: ChartEntry[] = chartSet(thailand, { year: 2025 });
 * entries.map((e) => `${e.id}.svg`)[0]; // => 'source-trends.svg'
 * ```
 */
export interface ChartEntry {
  readonly id: (typeof CHART_SET_IDS)[number];
  readonly spec: TopLevelSpec;
}

const ChartSetOptions = ChartOptions.pick({ locale: true, era: true, width: true, height: true, font: true })
  .extend({
    /** The year of the gap charts. Default: the dataset's latest year. */
    year: GapOptions.unwrap().shape.year,
    /** The integer target score. Default `DEFAULT_TARGET` (51). */
    target: GapOptions.unwrap().shape.target,
    /**
     * Every country's CPI score in `year` (as in TI's result file), for the rank chart, with the
     * target ranks to mark (default: the dataset's target ranks). Without it there is no rank chart.
     */
    distribution: z
      .strictObject({ scores: z.array(z.number().min(0).max(100)).min(1), targetRanks: z.array(z.int().min(1)).optional(), origin: Provenance.optional() })
      .optional(),
  })
  .optional();
/**
 * Options of {@link chartSet}: `year` (default: the dataset's latest), `target` (default `DEFAULT_TARGET`, 51),
 * `locale`, `era`, `width`, `height`, `font` (as in {@link ChartOptions}), and `distribution` (every
 * country's score of the year, for the rank chart).
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartSet, type ChartSetOptions } from 'cpi-gap/charts';
 *
 * // `distribution`: every country's score of the year (from TI's results file; five made-up ones here).
 * const options: ChartSetOptions = { year: 2022, target: 51, locale: 'th', era: 'be', distribution: { scores: [90, 50, 36, 36, 20], targetRanks: [2] } };
 * chartSet(thailand, options).at(-1)?.id; // => 'rank-position'
 * ```
 */
export type ChartSetOptions = DeepReadonly<z.input<typeof ChartSetOptions>>;

/**
 * Every chart of a dataset for one year, in one language: source trends, gap bars, the heatmap,
 * the workstream matrix (when the dataset has workstreams), the gap waterfall and (with
 * `distribution`, in a year with a published CPI) the rank position.
 *
 * Only charts drawn from the dataset itself are in the set: the scenario paths need scenario specs,
 * the Monte Carlo fan an (asynchronous) simulation, the budget and plan-status charts the action
 * plan's records from `cpi-gap/plan`, which `cpi-gap/charts` does not bundle. Build those with
 * their own builders; `npm run gallery` draws all of them.
 *
 * @throws {CpiGapError} when `dataset` is not a dataset, the year is not in it, or an option is invalid.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartSet } from 'cpi-gap/charts';
 *
 * chartSet(thailand, { year: 2022, locale: 'th' }).map((c) => c.id); // => ['source-trends', 'gap-bars', 'source-heatmap', 'workstream-matrix', 'gap-waterfall']
 * ```
 */
export function chartSet(dataset: Dataset, options?: ChartSetOptions): ChartEntry[] {
  assertDataset('chartSet', dataset);
  const o = parseInput('chartSet', ChartSetOptions, options, ['options']) ?? {};
  const year = resolveYear('chartSet', dataset, o.year);
  const gapOptions = { year, ...(o.target === undefined ? {} : { target: o.target }) };
  const locale = o.locale ?? CHART_DEFAULTS.locale;
  const look = { locale, era: o.era ?? defaultEra(locale), ...(o.width === undefined ? {} : { width: o.width }), ...(o.height === undefined ? {} : { height: o.height }), ...(o.font === undefined ? {} : { font: o.font }) } as const;
  const all = { ...chartContext(dataset), ...look };
  const inYear = { ...chartContext(dataset, { year }), ...look };
  const gaps = sourceGaps(dataset, gapOptions);
  const cpi = cpiGap(dataset, gapOptions);
  const workstreams = workstreamGaps(dataset, gapOptions);
  const charts: ChartEntry[] = [
    { id: 'source-trends', spec: sourceTrendsSpec(dataset, all) },
    { id: 'gap-bars', spec: gapBarsSpec(gaps, inYear) },
    { id: 'source-heatmap', spec: sourceHeatmapSpec(dataset.scores, all) },
    ...(workstreams.length > 0 ? [{ id: 'workstream-matrix' as const, spec: workstreamMatrixSpec(workstreams, inYear) }] : []),
    { id: 'gap-waterfall', spec: gapWaterfallSpec(gapWaterfall(gaps, cpi), inYear) },
  ];
  const d = o.distribution;
  if (d !== undefined && cpi.published !== null) {
    const targetRanks = d.targetRanks ?? [...new Set(dataset.targets.flatMap((t) => (t.rank === undefined ? [] : [t.rank])))];
    const position = rankPosition(d.scores, { year, score: cpi.published, targetRanks, ...(d.origin ? { origin: d.origin } : {}) });
    charts.push({ id: 'rank-position', spec: rankPositionSpec(position, { ...look, country: chartContext(dataset).country }) });
  }
  return charts;
}
