import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { parseInput } from '../errors.js';
import { assess, ChangeRecordSchema, type RecordFeasibility } from './feasibility.js';
import type { DeepReadonly } from '../util/freeze.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { aggregate, type Aggregate } from '../methodology/aggregate.js';
import { planScenario, type ScenarioSpec } from './scenarioSpec.js';
import { clipScore } from './series.js';

/**
 * One source's value in one scenario year.
 *
 * @example
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'set', source: 'IMD', year: 2026, value: 40 }] });
 * const p: ScenarioPoint | undefined = r.paths[0]?.points[1];
 * p?.value; // => 40
 * p?.clipped; // => false
 */
export interface ScenarioPoint {
  readonly year: number;
  /** The score used: `planned` clipped to 0..100. */
  readonly value: number;
  /** The value the changes lead to before clipping. */
  readonly planned: number;
  readonly clipped: boolean;
}

/**
 * One source's path through the scenario, from the base year.
 *
 * @example
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'delta', source: 'VDEM', year: 2026, delta: 5 }] });
 * const vdem: ScenarioPath | undefined = r.paths.find((p) => p.source === 'VDEM');
 * vdem?.points.map((x) => x.value.toFixed(2)); // => ['29.95', '34.95']
 */
export interface ScenarioPath {
  readonly source: SourceId;
  readonly workstreams: readonly number[];
  readonly points: readonly ScenarioPoint[];
}

/**
 * The CPI of one scenario year, by TI's method with that year as the edition (2012 for earlier
 * years): `aggregate`'s n, unrounded mean, rounded score, SD, SE, z and 90% interval.
 * @example
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 3 }] });
 * const y: ScenarioYear | undefined = r.years[1];
 * y?.score; // => 34
 * y?.change; // => 1
 */
export interface ScenarioYear extends Aggregate {
  readonly year: number;
  /** `score` minus the base year's score. */
  readonly change: number;
}

/**
 * A planned value that left 0..100 and was clipped.
 *
 * @example
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'delta', source: 'PERC', year: 2026, delta: 60 }] });
 * const c: ScenarioClip | undefined = r.clipped[0];
 * c?.value; // => 100
 * c?.planned.toFixed(2); // => '104.79'
 */
export interface ScenarioClip {
  readonly source: SourceId;
  readonly year: number;
  readonly planned: number;
  readonly value: number;
}

/**
 * What {@link scenario} returns.
 *
 * @example
 * const r: ScenarioResult = scenario(thailand, { name: 'WS1 +2', baseYear: 2025, until: 2027, changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 2 }] });
 * r.name; // => 'WS1 +2'
 * r.years.map((y) => y.score); // => [33, 34, 35]
 */
export interface ScenarioResult {
  readonly name: string | null;
  readonly baseYear: number;
  readonly until: number;
  readonly paths: readonly ScenarioPath[];
  /** One row per year from the base year to `until`. */
  readonly years: readonly ScenarioYear[];
  /** Every clipped source-year, in year then source order (empty when none). */
  readonly clipped: readonly ScenarioClip[];
  /**
   * Each source's planned gain from the base year to `until` (its value then, clipped, minus its
   * base-year score) against the `record` option; without a record, `{ assessed: false, note }`.
   */
  readonly feasibility: RecordFeasibility;
}

/**
 * Options of {@link scenario}.
 *
 * @example
 * const o: ScenarioOptions = { record: changeRecord() };
 * scenario(thailand, { baseYear: 2025, until: 2027, changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 2 }] }, o).feasibility.assessed; // => true
 */
export const ScenarioOptions = z.strictObject({
  /** A record to set each source's planned gain against (`changeRecord()` of cpi-gap/world). */
  record: z.optional(ChangeRecordSchema),
});
export type ScenarioOptions = z.input<typeof ScenarioOptions>;

/**
 * Run a scenario: from the base year's observed source scores, apply the spec's changes year by
 * year (see {@link ScenarioChange}), clip every source to 0..100 (listed in `clipped`), and compute
 * each year's CPI as TI does (`aggregate` with edition = that year: from 2020 the finite-population
 * corrected SE, z = 1.64). Sources without a score in the base year stay out, and a lever skips
 * them. The base year itself is the first row, unchanged. With `options.record` (`changeRecord()`
 * of cpi-gap/world), `feasibility` sets each source's planned gain against TI's record.
 *
 * @throws {CpiGapError} for an invalid spec: unknown source or workstream, a change dated on or
 * before the base year or after `until`, a weight for a source the workstream does not feed.
 * @example
 * const r = scenario(thailand, {
 *   baseYear: 2022,
 *   until: 2023,
 *   changes: [{ kind: 'delta', source: 'VDEM', year: 2023, delta: 9 }],
 * });
 * r.years.map((y) => y.score); // => [36, 37]  (324 + 9 = 333, / 9 = 37)
 */
export function scenario(dataset: Dataset, spec: DeepReadonly<ScenarioSpec>, options?: ScenarioOptions): ScenarioResult {
  assertDataset('scenario', dataset);
  const plan = planScenario('scenario', dataset, spec);
  const o = parseInput('scenario', z.optional(ScenarioOptions), options, ['options']) ?? {};
  // Each year's values, clipped to 0..100, in the dataset's source order.
  const steps = plan.steps.map(({ year, values }) => ({ year, values: values.map(({ source, planned }) => ({ source, planned, value: clipScore(planned) })) }));
  const clipped: ScenarioClip[] = steps.flatMap(({ year, values }) =>
    values.filter((v) => v.value !== v.planned).map(({ source, planned, value }) => ({ source, year, planned, value })),
  );
  // The base year's values are its scores (planned = base there).
  const baseScore = aggregate(plan.base.map(clipScore), { edition: Math.max(2012, plan.baseYear) }).score;
  const years = steps.map(({ year, values }): ScenarioYear => {
    const a = aggregate(values.map((v) => v.value), { edition: Math.max(2012, year) });
    return { year, ...a, change: a.score - baseScore };
  });
  const paths = dataset.sources.filter((d) => plan.sources.includes(d.id)).map((d): ScenarioPath => ({
    source: d.id,
    workstreams: d.workstreams,
    points: steps.flatMap(({ year, values }) =>
      values.filter((v) => v.source === d.id).map(({ value, planned }) => ({ year, value, planned, clipped: value !== planned })),
    ),
  }));
  // Each source's planned gain over the scenario: its value at `until` (clipped) minus its base-year score.
  const gains = paths.map((p) => ({ source: p.source, from: p.points[0]?.value, gain: (p.points[p.points.length - 1]?.value ?? 0) - (p.points[0]?.value ?? 0) }));
  const feasibility = assess(o.record, gains, plan.until - plan.baseYear, plan.baseYear);
  return { name: plan.name, baseYear: plan.baseYear, until: plan.until, paths, years, clipped, feasibility };
}
