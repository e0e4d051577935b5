import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { CpiScore } from '../dataset/schema.js';
import { SimulationYear } from '../simulation/records.js';
import { DEFAULT_TARGET } from '../analysis/gaps.js';
import { fail } from '../errors.js';
import { chartMeta, countryName, frame, shownYear } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';

/** The fields of a simulated year the fan draws (records with only these pass too). */
const FanYear = z.pick(SimulationYear, { year: true, quantiles: true, median: true, pTarget: true });

/**
 * Options of {@link monteCarloFanSpec}: the {@link ChartOptions} plus `target` (default `DEFAULT_TARGET`, 51), the score whose P(score >= target) the records carry.
 * @example
 * ```ts
 * import type { MonteCarloFanOptions } from 'cpi-gap/charts';
 *
 * const options: MonteCarloFanOptions = { target: 57, locale: 'th', era: 'be' };
 * ```
 */
export type MonteCarloFanOptions = ChartOptions & {
  readonly target?: number;
  /** The run's model, base year and backtest sentence (`simulate`'s `model`, `baseYear`, `calibration`): a subtitle line names them. */
  readonly forecast?: { readonly model: string; readonly baseYear: number; readonly calibration: string };
};

/**
 * A Monte Carlo fan: per year, the 90% band (q05-q95) and the 50% band (q25-q75) of the simulated
 * CPI score, the median as a line, the target as a dashed line, and P(score >= target) written
 * above each year. The records come from `cpi-gap/simulation`.
 *
 * @throws {CpiGapError} when `years` is empty, or an option is invalid.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartContext, monteCarloFanSpec } from 'cpi-gap/charts';
 * import { simulate } from 'cpi-gap/simulation';
 *
 * const run = await simulate(thailand, { baseYear: 2025, horizon: 3, paths: 2_000, seed: 12345 });
 * const forecast = { model: run.model, baseYear: run.baseYear, calibration: run.calibration };
 * const spec = monteCarloFanSpec(run.years, { ...chartContext(thailand, { year: 2025 }), target: 51, forecast });
 * (spec.usermeta?.['cpiGap'] as { years: number[] }).years; // => [2026, 2027, 2028]
 * ```
 */
export function monteCarloFanSpec(years: readonly SimulationYear[], options?: MonteCarloFanOptions): TopLevelSpec {
  const fn = 'monteCarloFanSpec';
  checkRecords(fn, z.array(FanYear), years, ['years']);
  const o = resolveOptions(fn, 'monteCarloFan', options, { target: z.optional(CpiScore), forecast: z.optional(z.strictObject({ model: z.string().check(z.minLength(1), z.maxLength(40)), baseYear: z.int(), calibration: z.string().check(z.minLength(1), z.maxLength(300)) })) });
  if (years.length === 0) fail(fn, ['years'], 'expected at least one simulated year', years);
  const m = CHART_MESSAGES[o.locale];
  const target = o.target ?? DEFAULT_TARGET;
  const values = years.map((y) => ({ year: shownYear(y.year, o.era), q05: y.quantiles.q05, q25: y.quantiles.q25, q50: y.quantiles.q50, q75: y.quantiles.q75, q95: y.quantiles.q95, median: y.median, p: y.pTarget, pText: `${(100 * y.pTarget).toFixed(0)}%` }));
  const x = { field: 'year', type: 'quantitative', title: m.year(o.era), axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, nice: false, padding: 36 } };
  const layer = [
    { mark: { type: 'area', color: '#4c78a8', opacity: 0.2 }, encoding: { x, y: { field: 'q05', type: 'quantitative', title: m.score, scale: { zero: false } }, y2: { field: 'q95' } } },
    { mark: { type: 'area', color: '#4c78a8', opacity: 0.4 }, encoding: { x, y: { field: 'q25', type: 'quantitative' }, y2: { field: 'q75' } } },
    {
      mark: { type: 'line', color: '#1f3b5c', strokeWidth: 2.5, point: true },
      encoding: {
        x,
        y: { field: 'median', type: 'quantitative' },
        tooltip: [
          { field: 'year', type: 'quantitative', title: m.year(o.era), format: 'd' },
          { field: 'median', type: 'quantitative', title: m.fanMedian },
          { field: 'q05', type: 'quantitative', title: '5%' },
          { field: 'q95', type: 'quantitative', title: '95%' },
          { field: 'p', type: 'quantitative', title: m.fanP(target), format: '.1%' },
        ],
      },
    },
    { mark: { type: 'text', dy: -12, fontSize: 10, color: '#c0392b' }, encoding: { x, y: { field: 'q95', type: 'quantitative' }, text: { field: 'pText', type: 'nominal' } } },
    { data: { values: [{ target }] }, mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4] }, encoding: { y: { field: 'target', type: 'quantitative' } } },
  ];
  const meta = chartMeta(o, [], { target, years: years.map((y) => y.year) });
  const forecast = o.forecast === undefined ? [] : [m.fanModel(o.forecast.model, shownYear(o.forecast.baseYear, o.era), o.forecast.calibration)];
  return frame(o, m.fanTitle(countryName(o), target), [m.fanSubtitle(target), ...forecast], meta, { data: { values }, layer });
}
