import * as z from 'zod/mini';
import { latestYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { CpiScore, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import { requiredMean } from '../methodology/roundScore.js';
import { cpiSeries, sourceSeries, workstreamSeries, type SeriesPoint } from './series.js';
import { fitStepped, inWindow, MIN_FIT_POINTS, windowPoints, type TrendWarning } from './trend.js';

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
  from: z.optional(Year),
  /** Last year of the trend window. Default: each series' last year. */
  to: z.optional(Year),
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
 * A caution on an {@link OnTrackRow}: its trend's warnings (`few_points`, `low_r_squared`), and on the
 * CPI row, `series_skipped` for each source or workstream left out (fewer than 3 points in the
 * window, or no score in the window's last year: a source that stopped or has not started).
 *
 * @example
 * const warnings: readonly OnTrackWarning[] = onTrack(thailand, { target: 51, by: 2027, from: 2023 })[0]?.warnings ?? [];
 * warnings.map((w) => w.code); // => ['few_points'] (3 points: 2023-2025)
 * // A country whose dataset holds TI's Bribe Payers Survey (2012-2013 only) gets a 'series_skipped' warning naming it.
 */
export type OnTrackWarning = TrendWarning | { readonly code: 'series_skipped'; readonly series: string; readonly message: string };

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
  /** The trend's warnings; on the CPI row also the series left out (`series_skipped`). */
  readonly warnings: readonly OnTrackWarning[];
}

/** The flag, SDG-dashboard style: reverse when the trend goes the wrong way. */
function flagOf(required: number, slope: number): OnTrackFlag {
  if (slope >= required) return 'on-track';
  if (required > 0) return slope >= 0 ? 'accelerate' : 'reverse';
  // Already at the level: falling faster than the margin allows loses it.
  return 'reverse';
}

/** A series' points in the window, or why it is left out (too few points, or none in `lastYear`). */
function seriesWindow(label: string, points: readonly SeriesPoint[], within: (year: number) => boolean, lastYear: number): SeriesPoint[] | OnTrackWarning {
  const kept = points.filter((p) => within(p.year));
  if (kept.length < MIN_FIT_POINTS) return { code: 'series_skipped', series: label, message: `${label} has ${kept.length} point(s) in the window; a trend needs at least ${MIN_FIT_POINTS}: left out` };
  // The window's last point (at least MIN_FIT_POINTS, in year order).
  const last = kept.reduce((_, p) => p);
  if (last.year < lastYear) return { code: 'series_skipped', series: label, message: `${label} has no score in ${lastYear}, the window's last year (its last: ${last.year}): it no longer counts in the CPI; left out` };
  return kept;
}

function row(kind: OnTrackRow['kind'], id: string, window: readonly SeriesPoint[], needed: number, by: number, notes: readonly OnTrackWarning[] = []): OnTrackRow {
  const fit = fitStepped(kind === 'workstream' ? `workstream:${id}` : id, window, kind === 'source' ? (id as SourceId) : null);
  // The window's last point as fitted (every window holds at least 3 points, in year order; a stepped source's by level).
  const last = fit.points.reduce((_, p) => p);
  const years = by - last.year;
  if (years <= 0) fail('onTrack', ['options', 'by'], `expected a year after the last year of the ${kind === 'cpi' ? 'CPI' : `${kind} ${id}`} (${last.year})`, by, 'invalid_range');
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
    warnings: [...fit.warnings, ...notes],
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
 * per series the slopes are fragile; each row carries its trend's warnings. A stepped source (EIU,
 * `STEPPED_LEVELS`) is read by level, on the scale of its last edition, alone and in its
 * workstreams: TI's rescaling of its levels is no change (Thailand's EIU stayed on the second level
 * of five since 2016), and the row carries a `stepped_levels` note saying so.
 *
 * Sources that appear in only some years (TI's Bribe Payers Survey 2012-2013, a source that starts
 * or stops assessing the country) are handled, not fatal: a source or workstream with fewer than 3
 * points in the window, or without a score in the window's last year of source scores (it no longer
 * counts in the CPI), gets no row; the CPI row names each one in a `series_skipped` warning.
 *
 * @throws {CpiGapError} when `by` is not after the dataset's latest year (or the CPI's last year),
 * or the CPI itself has fewer than 3 points in the window (a country TI scored once or twice).
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
  const cpi = windowPoints('onTrack', cpiSeries(dataset), from, to, 'the CPI');
  const within = inWindow(from, to);
  // The last year with source scores in the window: a source without a score then no longer counts.
  const lastYear = Math.max(...dataset.years.filter(within), 0);
  const head = row('cpi', 'cpi', cpi, needed, by);
  const skipped: OnTrackWarning[] = [];
  const rows: OnTrackRow[] = [];
  const series = [
    ...dataset.sources.map((s) => ({ kind: 'source' as const, id: s.id, points: sourceSeries(dataset, s.id), notes: [] })),
    ...dataset.workstreams.map((w) => ({ kind: 'workstream' as const, id: String(w.number), ...workstreamSeries(dataset, w.sources) })),
  ];
  for (const { kind, id, points, notes } of series) {
    const window = seriesWindow(`${kind} ${id}`, points, within, lastYear);
    if (Array.isArray(window)) rows.push(row(kind, id, window, needed, by, notes));
    else skipped.push(window);
  }
  return [{ ...head, warnings: [...head.warnings, ...skipped] }, ...rows];
}
