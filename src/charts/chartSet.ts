import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { cpiGap, GapOptions, sourceGaps, workstreamGaps } from '../analysis/gaps.js';
import { resolveYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { Provenance } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { defaultEra, type Digits, type Era, type Locale } from '../i18n/labels.js';
import type { DeepReadonly } from '../util/freeze.js';
import { gapBarsSpec } from './gapBars.js';
import { gapWaterfallSpec } from './gapWaterfallSpec.js';
import { CHART_DEFAULTS, CHART_SET_IDS, ChartOptions } from './options.js';
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

const ChartSetOptions = z.optional(z.extend(z.pick(ChartOptions, { locale: true, era: true, digits: true, width: true, height: true, font: true }), {
    /** The year of the gap charts. Default: the dataset's latest year. */
    year: GapOptions.def.innerType.shape.year,
    /** The integer target score. Default `DEFAULT_TARGET` (51). */
    target: GapOptions.def.innerType.shape.target,
    /**
     * Every country's CPI score in `year` (as in TI's result file), for the rank chart, with the
     * target ranks to mark (default: the dataset's target ranks). Without it there is no rank chart.
     */
    distribution: z.optional(z.strictObject({ scores: z.array(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(1)), targetRanks: z.optional(z.array(z.int().check(z.minimum(1)))), origin: z.optional(Provenance) })),
  }));
/**
 * Options of {@link chartSet}: `year` (default: the dataset's latest), `target` (default `DEFAULT_TARGET`, 51),
 * `locale`, `era`, `digits`, `width`, `height`, `font` (as in {@link ChartOptions}), and `distribution` (every
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

type ChartSetId = (typeof CHART_SET_IDS)[number];

/** What the charts of a set are drawn from: the dataset, the year, the look, and that year's gaps. */
interface SetData {
  readonly dataset: Dataset;
  readonly year: number;
  readonly look: { readonly locale: Locale; readonly era: Era; readonly digits: Digits; readonly width?: number; readonly height?: number; readonly font?: string };
  readonly gaps: ReturnType<typeof sourceGaps>;
  readonly cpi: ReturnType<typeof cpiGap>;
  readonly workstreams: ReturnType<typeof workstreamGaps>;
  readonly distribution: NonNullable<z.output<typeof ChartSetOptions>>['distribution'];
}

function setData(fn: string, dataset: Dataset, options: unknown): SetData {
  assertDataset(fn, dataset);
  const o = parseInput(fn, ChartSetOptions, options, ['options']) ?? {};
  const year = resolveYear(fn, dataset, o.year);
  const gapOptions = { year, ...(o.target === undefined ? {} : { target: o.target }) };
  const locale = o.locale ?? CHART_DEFAULTS.locale;
  const look = { locale, era: o.era ?? defaultEra(locale), digits: o.digits ?? CHART_DEFAULTS.digits, ...(o.width === undefined ? {} : { width: o.width }), ...(o.height === undefined ? {} : { height: o.height }), ...(o.font === undefined ? {} : { font: o.font }) };
  return { dataset, year, look, gaps: sourceGaps(dataset, gapOptions), cpi: cpiGap(dataset, gapOptions), workstreams: workstreamGaps(dataset, gapOptions), distribution: o.distribution };
}

/** A chart of the set drawn from the data, or why the data cannot draw it. */
function chartOf(id: ChartSetId, d: SetData): TopLevelSpec | string {
  const all = { ...chartContext(d.dataset), ...d.look };
  const inYear = { ...chartContext(d.dataset, { year: d.year }), ...d.look };
  switch (id) {
    case 'source-trends':
      return sourceTrendsSpec(d.dataset, all);
    case 'gap-bars':
      return gapBarsSpec(d.gaps, inYear);
    case 'source-heatmap':
      return sourceHeatmapSpec(d.dataset.scores, all);
    case 'workstream-matrix':
      return d.workstreams.length > 0 ? workstreamMatrixSpec(d.workstreams, inYear) : 'the dataset has no workstreams';
    case 'gap-waterfall':
      return gapWaterfallSpec(gapWaterfall(d.gaps, d.cpi), inYear);
    case 'rank-position':
      return rankChart(d);
  }
}

/** The rank chart: needs every country's score of the year, and the country's published score. */
function rankChart(d: SetData): TopLevelSpec | string {
  const dist = d.distribution;
  if (dist === undefined) return "it needs every country's score of the year (options.distribution)";
  if (d.cpi.published === null) return `the dataset has no published CPI score for ${d.year}`;
  const targetRanks = dist.targetRanks ?? [...new Set(d.dataset.targets.flatMap((t) => (t.rank === undefined ? [] : [t.rank])))];
  const position = rankPosition(dist.scores, { year: d.year, score: d.cpi.published, targetRanks, ...(dist.origin ? { origin: dist.origin } : {}) });
  return rankPositionSpec(position, { ...d.look, country: chartContext(d.dataset).country });
}

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
  const d = setData('chartSet', dataset, options);
  return CHART_SET_IDS.flatMap((id) => {
    const chart = chartOf(id, d);
    return typeof chart === 'string' ? [] : [{ id, spec: chart }];
  });
}

/**
 * One chart of {@link chartSet}, by its id (one of {@link CHART_SET_IDS}), with the same options.
 *
 * @throws {CpiGapError} as {@link chartSet} does, for an unknown id, and when the data cannot draw
 * the chart (the workstream matrix of a dataset without workstreams; the rank position without
 * `distribution` or in a year without a published CPI), saying why.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartSpec } from 'cpi-gap/charts';
 *
 * const spec = chartSpec(thailand, 'gap-bars', { year: 2022, locale: 'th' });
 * (spec.usermeta?.['cpiGap'] as { chart: string }).chart; // => 'gapBars'
 * ```
 */
export function chartSpec(dataset: Dataset, id: ChartSetId, options?: ChartSetOptions): TopLevelSpec {
  const d = setData('chartSpec', dataset, options);
  const chartId = parseInput('chartSpec', z.enum(CHART_SET_IDS), id, ['id']);
  const chart = chartOf(chartId, d);
  return typeof chart === 'string' ? fail('chartSpec', ['id'], `cannot draw ${chartId}: ${chart}`, chartId, 'missing_data') : chart;
}
