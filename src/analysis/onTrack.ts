import { z } from 'zod';
import { latestYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { CpiScore, Year } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { requiredMean } from '../methodology/roundScore.js';
import { cpiSeries, sourceSeries, workstreamSeries, type SeriesPoint } from './series.js';
import { fitSeries, windowPoints, type TrendWarning } from './trend.js';

/**
 * Options of {@link onTrack}.
 *
 * @example
 * const o: OnTrackOptions = { target: 57, by: 2027, from: 2020 };
 * onTrack(thailand, o).length; // => 14 (the CPI, 9 sources, 4 workstreams)
 */
export const OnTrackOptions = z.strictObject({
  /** The integer CPI score to reach. */
  target: CpiScore,
  /** The year to reach it by (after the dataset's latest year). */
  by: Year,
  /** First year of the trend window. Default: each series' first year. */
  from: Year.optional(),
  /** Last year of the trend window. Default: each series' last year. */
  to: Year.optional(),
});
export type OnTrackOptions = z.input<typeof OnTrackOptions>;

/**
 * `on-track`: the trend's slope reaches the needed level by the year (or keeps it, when already there);
 * `accelerate`: the trend moves the right way but too slowly; `reverse`: the trend moves the wrong way.
 * @example
 * const flag: OnTrackFlag | undefined = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.kind === 'cpi')?.flag;
 * flag; // => 'reverse'
 */
export type OnTrackFlag = 'on-track' | 'accelerate' | 'reverse';

/**
 * The flag of one series and the numbers behind it.
 *
 * @example
 * const cpi: OnTrackRow | undefined = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.kind === 'cpi');
 * cpi?.requiredGain; // => 8.75 ((50.5 - 33) / 2)
 * cpi?.slope.toFixed(2); // => '-0.40'
 */
export interface OnTrackRow {
  readonly kind: 'cpi' | 'source' | 'workstream';
  /** `'cpi'`, a source id, or the workstream number as text. */
  readonly id: string;
  /** The last observed value (the published CPI; a source's score; a workstream's sources' mean). */
  readonly current: number;
  readonly currentYear: number;
  /** The level to reach: `target - 0.5`, the mean the target needs (every series is held to it). */
  readonly needed: number;
  /** Years from `currentYear` to `by`. */
  readonly years: number;
  /** `(needed - current) / years`: the gain per year required. */
  readonly requiredGain: number;
  /** The observed trend's slope per year. */
  readonly slope: number;
  readonly rSquared: number;
  /** Points in the trend. */
  readonly n: number;
  /** `current + slope x years`: where the trend leads by `by`. */
  readonly projected: number;
  /** `slope / requiredGain` when a gain is required (> 0), else null. */
  readonly ratio: number | null;
  readonly flag: OnTrackFlag;
  readonly warnings: readonly TrendWarning[];
}

/** The flag, SDG-dashboard style: reverse when the trend goes the wrong way. */
function flagOf(required: number, slope: number): OnTrackFlag {
  if (slope >= required) return 'on-track';
  if (required > 0) return slope >= 0 ? 'accelerate' : 'reverse';
  // Already at the level: falling faster than the margin allows loses it.
  return 'reverse';
}

function row(kind: OnTrackRow['kind'], id: string, points: readonly SeriesPoint[], needed: number, by: number, from: number | undefined, to: number | undefined): OnTrackRow {
  const window = windowPoints('onTrack', points, from, to, `${kind} ${id}`);
  const fit = fitSeries(kind === 'workstream' ? `workstream:${id}` : id, window);
  // The window's last year (windowPoints keeps at least 3 points, in year order).
  const last = window.reduce((_, p) => p);
  const years = by - last.year;
  if (years <= 0) fail('onTrack', ['options', 'by'], `expected a year after the last year of ${kind} ${id} (${last.year})`, by, 'invalid_range');
  const requiredGain = (needed - last.value) / years;
  return {
    kind,
    id,
    current: last.value,
    currentYear: last.year,
    needed,
    years,
    requiredGain,
    slope: fit.slope,
    rSquared: fit.rSquared,
    n: fit.n,
    projected: last.value + fit.slope * years,
    ratio: requiredGain > 0 ? fit.slope / requiredGain : null,
    flag: flagOf(requiredGain, fit.slope),
    warnings: fit.warnings,
  };
}

/**
 * Is the country on track for a target? For the CPI, each source and each workstream (the mean of
 * its sources, in years where all have a score): the gain per year needed to reach `target - 0.5`
 * by `by` from the last observed value, set against the slope of the observed linear trend, and a
 * flag in the convention of the SDG dashboards: `on-track` when the slope is at least the required
 * gain, `accelerate` when it points the right way (or is flat) but is too slow, `reverse` when it
 * points the wrong way (for a series already past the level: when it would fall below it by `by`).
 * A source need not reach the level itself: the CPI needs only the mean. With six to nine points
 * per series the slopes are fragile; each row carries its trend's warnings.
 *
 * @throws {CpiGapError} when `by` is not after the dataset's latest year, or a window holds fewer than 3 points.
 * @example
 * const rows = onTrack(thailand, { target: 51, by: 2027 });
 * rows[0]; // => { kind: 'cpi', id: 'cpi', current: 33, needed: 50.5, requiredGain: 8.75, slope: -0.4, flag: 'reverse', ... }
 */
export function onTrack(dataset: Dataset, options: OnTrackOptions): OnTrackRow[] {
  assertDataset('onTrack', dataset);
  const { target, by, from, to } = parseInput('onTrack', OnTrackOptions, options, ['options']);
  const last = latestYear(dataset);
  if (by <= last) fail('onTrack', ['options', 'by'], `expected a year after the dataset's latest year ${last}`, by, 'invalid_range');
  const needed = requiredMean(target);
  return [
    row('cpi', 'cpi', cpiSeries(dataset), needed, by, from, to),
    ...dataset.sources.map((s) => row('source', s.id, sourceSeries(dataset, s.id), needed, by, from, to)),
    ...dataset.workstreams.map((w) => row('workstream', String(w.number), workstreamSeries(dataset, w.sources), needed, by, from, to)),
  ];
}
