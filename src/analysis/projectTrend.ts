import * as z from 'zod/mini';
import { Year } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { clipScore } from './series.js';
import { tQuantile } from './tQuantile.js';
import type { TrendFit } from './trend.js';

/** The parts of a {@link TrendFit} a projection needs (other fields are ignored). */
const FitInput = z.object({
  series: z.string(),
  to: Year,
  n: z.int().check(z.minimum(3)),
  slope: z.number(),
  intercept: z.number(),
  residualSd: z.number().check(z.minimum(0)),
  meanYear: z.number(),
  sxx: z.number().check(z.gt(0)),
});

/**
 * The coverage of a projection's prediction interval when none is given: 90%, like TI's interval.
 *
 * @example
 * DEFAULT_LEVEL; // => 0.9
 * projectTrend(trend(thailand, { series: 'cpi' }), { until: 2026 })[0]?.level; // => 0.9
 */
export const DEFAULT_LEVEL = 0.9;

/**
 * Options of {@link projectTrend}.
 *
 * @example
 * const o: ProjectTrendOptions = { until: 2027, level: 0.9 };
 * projectTrend(trend(thailand, { series: 'cpi' }), o).map((p) => p.year); // => [2026, 2027]
 */
export const ProjectTrendOptions = z.strictObject({
  /** Last year to project (after the fit's last year). */
  until: Year,
  /** Two-sided coverage of the prediction interval. Default 0.9, like TI's 90% interval. */
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
});
export type ProjectTrendOptions = z.input<typeof ProjectTrendOptions>;

/**
 * One projected year. Values are bounded to 0..100; `bounded` says when the line left that range.
 *
 * @example
 * const [p]: TrendProjection[] = projectTrend(trend(thailand, { series: 'cpi' }), { until: 2026 });
 * p?.value.toFixed(2); // => '33.33'
 * p?.bounded; // => false
 */
export interface TrendProjection {
  readonly series: string;
  readonly year: number;
  /** The line's value, bounded to 0..100. */
  readonly value: number;
  /** Lower bound of the prediction interval, bounded to 0..100. */
  readonly lower: number;
  /** Upper bound of the prediction interval, bounded to 0..100. */
  readonly upper: number;
  readonly level: number;
  /** Whether the value or a bound was cut to 0..100. */
  readonly bounded: boolean;
}

/**
 * Project a fitted trend year by year after its last year, with prediction intervals for a new
 * observation: value +/- t(1 - (1 - level) / 2, n - 2) x residualSd x sqrt(1 + 1/n + (year -
 * meanYear)^2 / sxx), all bounded to 0..100. The interval assumes the line holds and the residuals
 * are independent and normal: with six to nine points it understates the real uncertainty.
 *
 * @throws {CpiGapError} when `fit` lacks a field or `until` is not after the fit's last year.
 * @example
 * const fit = trend(thailand, { series: 'cpi' });
 * projectTrend(fit, { until: 2027 }).map((p) => p.value.toFixed(2)); // => ['33.33', '32.93']
 */
export function projectTrend(fit: TrendFit, options: ProjectTrendOptions): TrendProjection[] {
  const f = parseInput('projectTrend', FitInput, fit, ['fit']);
  const { until, level = DEFAULT_LEVEL } = parseInput('projectTrend', ProjectTrendOptions, options, ['options']);
  if (until <= f.to) fail('projectTrend', ['options', 'until'], `expected a year after the fit's last year (${f.to})`, until, 'invalid_range');
  const t = tQuantile(1 - (1 - level) / 2, f.n - 2);
  const rows: TrendProjection[] = [];
  for (let year = f.to + 1; year <= until; year += 1) {
    const line = f.intercept + f.slope * year;
    const half = t * f.residualSd * Math.sqrt(1 + 1 / f.n + (year - f.meanYear) ** 2 / f.sxx);
    const raw = [line, line - half, line + half] as const;
    const [value, lower, upper] = raw.map(clipScore) as [number, number, number];
    rows.push({ series: f.series, year, value, lower, upper, level, bounded: raw.some((v) => v < 0 || v > 100) });
  }
  return rows;
}
