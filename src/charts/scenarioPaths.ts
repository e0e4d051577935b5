import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { CpiScore } from '../dataset/schema.js';
import { DEFAULT_TARGET } from '../analysis/gaps.js';
import { fail, parseInput } from '../errors.js';
import { yearLabel } from '../i18n/labels.js';
import type { DeepReadonly } from '../util/freeze.js';
import { chartMeta, countryName, frame, shownYear } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { resolveOptions, type ChartOptions } from './options.js';
import { wrappedLabels } from './textWrap.js';

const Finite = z.number().check(z.minimum(-1000), z.maximum(1000));

/**
 * One scenario the chart draws: its name and its CPI per year. A `ScenarioResult` of `scenario()`
 * fits as is (give the spec a `name`, or spread the result with one: `{ ...result, name: 'WS1' }`).
 *
 * @example
 * ```ts
 * import { scenario, thailand } from 'cpi-gap';
 * import type { ScenarioLine } from 'cpi-gap/charts';
 *
 * const line: ScenarioLine = scenario(thailand, { name: 'No change', baseYear: 2025, until: 2027, changes: [] });
 * console.log(line.name, line.years.map((y) => y.score)); // No change [ 33, 33, 33 ]
 * ```
 */
export const ScenarioLine = z.object({
  name: z.nullable(z.string().check(z.minLength(1, 'expected a name: name the scenario spec, or spread the result with one'))),
  years: z.array(
      z.object({
        year: z.int().check(z.minimum(1900), z.maximum(2200)),
        /** Unrounded mean of the source scores. */
        mean: Finite,
        /** The CPI score (the mean rounded half up). */
        score: Finite,
        standardError: z.number().check(z.minimum(0), z.maximum(1000)),
        /** TI's 90% confidence interval around the rounded score. */
        lower: Finite,
        upper: Finite,
      }),
    ).check(z.minLength(1, 'expected at least one year')),
});
export type ScenarioLine = DeepReadonly<z.output<typeof ScenarioLine>>;

/**
 * Options of {@link scenarioPathsSpec}: the {@link ChartOptions} (scheme default `'tableau10'`, for
 * the scenarios) plus `target` (the integer score drawn as a dashed line, default `DEFAULT_TARGET`, 51), `targetYear`
 * (the year the target names, written in its label; default none) and `band` (draw each scenario's
 * 90% confidence interval, default `true`).
 *
 * @example
 * ```ts
 * import type { ScenarioPathsOptions } from 'cpi-gap/charts';
 *
 * const options: ScenarioPathsOptions = { locale: 'th', era: 'be', target: 51, targetYear: 2027, band: false };
 * console.log(options.target); // 51
 * ```
 */
export type ScenarioPathsOptions = ChartOptions & { readonly target?: number; readonly targetYear?: number; readonly band?: boolean };

/**
 * Several scenarios' CPI paths against a target: one line per scenario (its rounded CPI score per
 * year, as TI would publish it, with the unrounded mean and the SE in the tooltip), each with a
 * light band for TI's 90% confidence interval (`band: false` leaves them out), and the target as a
 * dashed line. The records come from `scenario()` (compose specs with `composeScenarios`); the
 * chart computes nothing.
 *
 * @throws {CpiGapError} when `scenarios` is empty, a scenario has no name or no years, two share a
 * name, or an option is invalid.
 * @example
 * ```ts
 * import { composeScenarios, scenario, thailand } from 'cpi-gap';
 * import { scenarioPathsSpec, chartContext } from 'cpi-gap/charts';
 *
 * const ws1 = { name: 'WS1 +3 a year', baseYear: 2025, until: 2028, changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 3 }] } as const;
 * const vdem = { name: 'V-Dem +2 a year', changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 2 }] } as const;
 * const none = { name: 'No change', baseYear: 2025, until: 2028, changes: [] };
 * const spec = scenarioPathsSpec(
 *   [scenario(thailand, none), scenario(thailand, ws1), scenario(thailand, composeScenarios(ws1, vdem))],
 *   { ...chartContext(thailand, { year: 2025 }), target: 51, targetYear: 2027 },
 * );
 * console.log(spec.usermeta?.['cpiGap']); // { library: 'cpi-gap', chart: 'scenarioPaths', scenarios: [ 'No change', 'WS1 +3 a year', 'WS1 +3 a year + V-Dem +2 a year' ], ... }
 * ```
 */
export function scenarioPathsSpec(scenarios: readonly ScenarioLine[], options?: ScenarioPathsOptions): TopLevelSpec {
  const fn = 'scenarioPathsSpec';
  const o = resolveOptions(fn, 'scenarioPaths', options, {
    target: z.optional(CpiScore),
    targetYear: z.optional(z.int().check(z.minimum(1900), z.maximum(2200))),
    band: z.optional(z.boolean()),
  });
  const lines = parseInput(fn, z.array(ScenarioLine).check(z.minLength(1, 'expected at least one scenario')), scenarios, ['scenarios']);
  const names: string[] = [];
  lines.forEach((l, i) => {
    if (l.name === null) fail(fn, ['scenarios', i, 'name'], 'expected a name: name the scenario spec, or spread the result with one', l.name);
    if (names.includes(l.name)) fail(fn, ['scenarios', i, 'name'], 'expected a name no other scenario has', l.name);
    names.push(l.name);
  });
  const m = CHART_MESSAGES[o.locale];
  const target = o.target ?? DEFAULT_TARGET;
  const band = o.band ?? true;
  const values = lines.flatMap((l, i) =>
    l.years.map((y) => ({ scenario: names[i], year: shownYear(y.year, o.era), score: y.score, mean: y.mean, se: y.standardError, lower: y.lower, upper: y.upper })),
  );
  const years = [...new Set(lines.flatMap((l) => l.years.map((y) => y.year)))].sort((a, b) => a - b);
  const x = { field: 'year', type: 'quantitative', title: m.year(o.era), axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, nice: false } };
  const y = { field: 'score', type: 'quantitative', title: m.score, scale: { zero: false } };
  const color = { field: 'scenario', type: 'nominal', title: m.scenario, scale: { scheme: o.scheme, domain: names }, legend: { orient: 'bottom', direction: 'vertical', symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3, ...wrappedLabels(names, o.width) } };
  const targetText = o.targetYear === undefined ? m.targetScore(target) : m.targetLabel(target, yearLabel(o.targetYear, o.era));
  const layer: unknown[] = [];
  if (band) {
    layer.push({ mark: { type: 'area', opacity: 0.12 }, encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, color } });
  }
  layer.push(
    {
      mark: { type: 'line', strokeWidth: 2.5, point: { size: 40 } },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'scenario', type: 'nominal', title: m.scenario },
          { field: 'year', type: 'quantitative', title: m.year(o.era), format: 'd' },
          { field: 'score', type: 'quantitative', title: m.cpi },
          { field: 'mean', type: 'quantitative', title: m.unroundedMean, format: '.2f' },
          { field: 'se', type: 'quantitative', title: m.standardError, format: '.3f' },
          { field: 'lower', type: 'quantitative', title: `${m.ci90}: ${m.lower}`, format: '.2f' },
          { field: 'upper', type: 'quantitative', title: `${m.ci90}: ${m.upper}`, format: '.2f' },
        ],
      },
    },
    { data: { values: [{ target, label: targetText }] }, mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { field: 'target', type: 'quantitative' } } },
    {
      data: { values: [{ target, label: targetText }] },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: '#c0392b', fontSize: 11 },
      encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: o.width }, text: { field: 'label', type: 'nominal' } },
    },
  );
  const meta = chartMeta(o, [{ kind: 'user', note: `scenario assumptions: ${names.join('; ')}` }], {
    scenarios: names,
    years,
    target,
    targetYear: o.targetYear ?? null,
    band,
    value: 'score: the unrounded mean of the sources rounded half up; band: score ± z × SE (TI 90%)',
  });
  return frame(o, m.scenarioTitle(countryName(o), target), [m.scenarioSubtitle(band)], meta, { data: { values }, layer });
}
