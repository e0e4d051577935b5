import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { SourceIdSchema, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import { cpiSeries, sourceSeries, type SeriesPoint } from './series.js';
import { steppedSeries } from './steppedSeries.js';

/**
 * Fewer points than this and a trend carries the `few_points` warning.
 *
 * @example
 * MIN_TREND_POINTS; // => 6
 * trend(thailand, { series: 'IMD', from: 2023 }).warnings.map((w) => w.code); // => ['few_points']
 */
export const MIN_TREND_POINTS = 6;

/**
 * An r squared below this and a trend carries the `low_r_squared` warning.
 *
 * @example
 * LOW_R_SQUARED; // => 0.5
 * trend(thailand, { series: 'PERC', from: 2020 }).warnings.map((w) => w.code);
 */
export const LOW_R_SQUARED = 0.5;

/**
 * What a trend can be fitted to: a source id, or `'cpi'` for the country's CPI score.
 *
 * @example
 * const series: TrendSeries[] = ['cpi', 'IMD'];
 * series.map((s) => trend(thailand, { series: s }).n); // => [9, 9]
 */
export const TrendSeries = z.union([SourceIdSchema, z.literal('cpi')]);
export type TrendSeries = z.infer<typeof TrendSeries>;

/**
 * Options of {@link trend}.
 *
 * @example
 * const o: TrendOptions = { series: 'VDEM', from: 2017, to: 2022 };
 * trend(thailand, o).points.length; // => 6
 */
export const TrendOptions = z.strictObject({
  /** A source id, or `'cpi'`: the published CPI score per year (the sources' rounded mean where none is published). */
  series: TrendSeries,
  /** First year to fit. Default: the series' first year. */
  from: z.optional(Year),
  /** Last year to fit. Default: the series' last year. */
  to: z.optional(Year),
});
export type TrendOptions = z.input<typeof TrendOptions>;

/**
 * A machine-readable caution attached to a fit, with its explanation.
 *
 * @example
 * const w: readonly TrendWarning[] = trend(thailand, { series: 'IMD', from: 2023 }).warnings;
 * console.log(w[0]?.code, w[0]?.message);
 */
export interface TrendWarning {
  /** `stepped_levels` is a note rather than a caution: a stepped source (EIU) read by level, so TI's rescaling is no change. */
  readonly code: 'few_points' | 'low_r_squared' | 'stepped_levels';
  readonly message: string;
}

/**
 * One observation of a fitted series, with the fitted value and the residual.
 *
 * @example
 * const p: TrendPoint | undefined = trend(thailand, { series: 'cpi' }).points[0];
 * p?.year; // => 2017
 * p?.value; // => 37
 */
export interface TrendPoint {
  readonly year: number;
  readonly value: number;
  readonly fitted: number;
  readonly residual: number;
}

/**
 * An ordinary least-squares line through a yearly series: value = intercept + slope x year.
 *
 * @example
 * const t: TrendFit = trend(thailand, { series: 'cpi' });
 * t.n; // => 9
 * t.slope.toFixed(2); // => '-0.40'
 * t.rSquared.toFixed(2); // => '0.80'
 */
export interface TrendFit {
  /** What was fitted: a source id, `'cpi'`, or (from {@link onTrack}) `'workstream:N'`. */
  readonly series: string;
  readonly from: number;
  readonly to: number;
  /** Number of points fitted. */
  readonly n: number;
  /** Change per year. */
  readonly slope: number;
  /** Value of the line at year 0 (CE): use `intercept + slope * year`, or `fittedAt`. */
  readonly intercept: number;
  /** Share of the variance the line explains (1 when the series is flat and the line fits it exactly). */
  readonly rSquared: number;
  /** Residual standard deviation with n - 2 degrees of freedom. */
  readonly residualSd: number;
  /** Mean of the years fitted (for prediction intervals). */
  readonly meanYear: number;
  /** Sum of squared deviations of the years from their mean (for prediction intervals). */
  readonly sxx: number;
  readonly points: readonly TrendPoint[];
  readonly warnings: readonly TrendWarning[];
}

/**
 * Fit a line to points (at least 3, distinct years). Internal: {@link trend} and {@link onTrack}
 * validate their input and call this.
 */
export function fitSeries(series: string, points: readonly SeriesPoint[]): TrendFit {
  // Ordinary least squares on the centred points (as simple-statistics' linearRegression and rSquared).
  const n = points.length;
  const meanYear = points.reduce((a, p) => a + p.year, 0) / n;
  const meanValue = points.reduce((a, p) => a + p.value, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.year - meanYear) ** 2, 0);
  const m = points.reduce((a, p) => a + (p.year - meanYear) * (p.value - meanValue), 0) / sxx;
  const b = meanValue - m * meanYear;
  const line = (x: number): number => b + m * x;
  const fitted = points.map((p) => ({ year: p.year, value: p.value, fitted: line(p.year), residual: p.value - line(p.year) }));
  const sse = fitted.reduce((a, p) => a + p.residual ** 2, 0);
  const sst = points.reduce((a, p) => a + (meanValue - p.value) ** 2, 0);
  const flat = points.every((p) => p.value === points[0]?.value);
  // A flat series has no variance to explain; the flat line fits it exactly, so r squared is 1.
  const raw = flat ? 1 : 1 - sse / sst;
  // Values a hair apart (a spread that underflows to zero) leave nothing to explain either.
  const r2 = Number.isNaN(raw) ? 1 : Math.max(0, Math.min(1, raw));
  const warnings: TrendWarning[] = [];
  if (n < MIN_TREND_POINTS) {
    warnings.push({ code: 'few_points', message: `the fit rests on ${n} points (fewer than ${MIN_TREND_POINTS}): treat its slope as a description, not a forecast` });
  }
  if (r2 < LOW_R_SQUARED) {
    warnings.push({ code: 'low_r_squared', message: `the line explains ${(r2 * 100).toFixed(0)}% of the variation (r squared ${r2.toFixed(2)} < ${LOW_R_SQUARED}): year-to-year noise dominates the trend` });
  }
  return {
    series,
    // The points are in year order (callers pass at least 3).
    from: Math.min(...points.map((p) => p.year)),
    to: Math.max(...points.map((p) => p.year)),
    n,
    slope: m,
    intercept: b,
    rSquared: r2,
    residualSd: Math.sqrt(sse / (n - 2)),
    meanYear,
    sxx,
    points: fitted,
    warnings,
  };
}

/**
 * The fewest points a trend is fitted to (its residual SD needs n - 2 >= 1). Internal: {@link trend}
 * fails below it, {@link onTrack} and `cpi-gap trend` leave such a series out.
 */
export const MIN_FIT_POINTS = 3;

/** Whether a year lies in the window `from`..`to` (an undefined end is open). Internal. */
export function inWindow(from: number | undefined, to: number | undefined): (year: number) => boolean {
  return (year) => (from === undefined || year >= from) && (to === undefined || year <= to);
}

/**
 * Check a window and its points for {@link trend} and {@link onTrack}: from <= to and at least
 * {@link MIN_FIT_POINTS} points. Internal.
 */
export function windowPoints(fn: string, points: readonly SeriesPoint[], from: number | undefined, to: number | undefined, label: string): SeriesPoint[] {
  if (from !== undefined && to !== undefined && from > to) fail(fn, ['options', 'to'], `expected a year on or after from (${from})`, to, 'invalid_range');
  const within = inWindow(from, to);
  const kept = points.filter((p) => within(p.year));
  if (kept.length < MIN_FIT_POINTS) {
    fail(fn, ['options'], `${label} has ${kept.length} point(s) in the window; a trend with a residual SD needs at least ${MIN_FIT_POINTS}`, { from, to }, 'too_few_points');
  }
  return kept;
}

/**
 * A linear trend of a source's scores, or of the CPI, by ordinary least squares (as simple-statistics'
 * `linearRegression`): slope per year, intercept, r squared, the residual SD (n - 2), the points
 * with their fitted values, and warnings. With six to nine points of history a slope is fragile:
 * `warnings` carries `few_points` below 6 points and `low_r_squared` below r squared 0.5. A stepped
 * source (EIU: five levels that TI rescales between editions, `STEPPED_LEVELS`) is fitted by level on
 * the scale of the window's last edition, so a rescaled level is no change, with a `stepped_levels`
 * note: `trend(thailand, { series: 'EIU' }).slope` is 0 (it stayed on its level), not TI's 37 to 34.49.
 *
 * @throws {CpiGapError} for an unknown series, from > to, or fewer than 3 points in the window.
 * @example
 * const t = trend(thailand, { series: 'cpi', from: 2017, to: 2025 });
 * t.n; // => 9
 * t.slope; // => -0.4 (37, 36, 36, 36, 35, 36, 35, 34, 33)
 */
export function trend(dataset: Dataset, options: TrendOptions): TrendFit {
  assertDataset('trend', dataset);
  const { series, from, to } = parseInput('trend', TrendOptions, options, ['options']);
  if (series !== 'cpi' && !dataset.sources.some((s) => s.id === series)) {
    fail('trend', ['options', 'series'], `expected 'cpi' or a source of the dataset (${dataset.sources.map((s) => s.id).join(', ')})`, series, 'unknown_source');
  }
  const all = series === 'cpi' ? cpiSeries(dataset) : sourceSeries(dataset, series);
  const kept = windowPoints('trend', all, from, to, `series ${series}`);
  return fitStepped(series, kept, series === 'cpi' ? null : series);
}

/**
 * Fit a series as {@link fitSeries} does; a stepped source (EIU) is fitted by level, on the scale of
 * the window's last edition, with a `stepped_levels` note (see `steppedSeries`). Internal.
 */
export function fitStepped(series: string, points: readonly SeriesPoint[], source: SourceId | null): TrendFit {
  const stepped = source === null ? null : steppedSeries(source, points);
  if (stepped === null) return fitSeries(series, points);
  const fit = fitSeries(series, stepped.points);
  return { ...fit, warnings: [...fit.warnings, stepped.note] };
}
