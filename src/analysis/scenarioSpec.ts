import * as z from 'zod/mini';
import { resolveYear, scoresOfYear } from '../dataset/access.js';
import type { Dataset } from '../dataset/createDataset.js';
import { SourceIdSchema, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { listOf } from '../util/limits.js';

/** A change of score points: finite, within -100..100. */
const Points = z.number().check(z.minimum(-100), z.maximum(100));

/**
 * Per-source weights of a workstream lever: the share of the lever each source receives (default 1).
 *
 * @example
 * const w = LeverWeights.parse({ IMD: 0.5, WEF: 2 });
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 4, weights: w }] });
 * r.paths.find((p) => p.source === 'WEF')?.points[1]?.planned.toFixed(2); // => '43.46' (35.46 + 2 x 4)
 */
export const LeverWeights = z.partialRecord(SourceIdSchema, z.number().check(z.minimum(0), z.maximum(10)));

/**
 * One planned change. Changes act from their year on and persist; within a year they apply in the
 * order listed. Kinds:
 * - `set`: the source's score becomes `value` in `year`.
 * - `delta`: the source's score moves by `delta` in `year` (a one-off step).
 * - `gain`: the source's score moves by `gain` in every year from `from` to `to` (default: the
 *   scenario's last year), so it accumulates.
 * - `lever`: a one-off `uplift` in `year` for every source the workstream feeds, times the source's
 *   weight (default 1).
 * - `lever-gain`: a workstream lever of `gain` per year from `from` to `to`, weighted likewise.
 * @example
 * const changes: ScenarioChange[] = [
 *   { kind: 'set', source: 'VDEM', year: 2027, value: 35 },
 *   { kind: 'gain', source: 'IMD', from: 2026, gain: 2 },
 *   { kind: 'lever', workstream: 4, year: 2026, uplift: 3 },
 * ];
 * ScenarioChange.safeParse({ kind: 'delta', source: 'IMD', year: 2026 }).success; // => false (no delta)
 * scenario(thailand, { baseYear: 2025, until: 2027, changes }).years.length; // => 3
 */
export const ScenarioChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), source: SourceIdSchema, year: Year, value: z.number().check(z.minimum(0), z.maximum(100)) }),
  z.strictObject({ kind: z.literal('delta'), source: SourceIdSchema, year: Year, delta: Points }),
  z.strictObject({ kind: z.literal('gain'), source: SourceIdSchema, from: Year, to: z.optional(Year), gain: Points }),
  z.strictObject({ kind: z.literal('lever'), workstream: z.int().check(z.minimum(1)), year: Year, uplift: Points, weights: z.optional(LeverWeights) }),
  z.strictObject({ kind: z.literal('lever-gain'), workstream: z.int().check(z.minimum(1)), from: Year, to: z.optional(Year), gain: Points, weights: z.optional(LeverWeights) }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChange>;

/**
 * The most changes a scenario may list (checked before the changes themselves): a plan of every
 * source changing every year to 2100 has under a thousand.
 *
 * @example
 * MAX_SCENARIO_CHANGES; // => 10000
 */
export const MAX_SCENARIO_CHANGES = 10_000;

/**
 * A scenario: plain JSON, so it can live in a file (`ScenarioSpec.parse(JSON.parse(text))`).
 *
 * - `name`: optional label.
 * - `baseYear`: the observed year the scenario starts from. Default: the dataset's latest year.
 * - `until`: the last year to compute. Default: the latest year any change names, or the base year.
 * - `changes`: the planned changes ({@link ScenarioChange}), each dated after the base year.
 *
 * @example
 * const spec: ScenarioSpec = {
 *   name: 'WS1 +3 a year',
 *   baseYear: 2025,
 *   until: 2027,
 *   changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 3 }, { kind: 'set', source: 'VDEM', year: 2027, value: 35 }],
 * };
 */
export const ScenarioSpec = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  baseYear: z.optional(Year),
  until: z.optional(Year),
  /** At most {@link MAX_SCENARIO_CHANGES}. */
  changes: listOf(ScenarioChange, MAX_SCENARIO_CHANGES),
});
export type ScenarioSpec = z.input<typeof ScenarioSpec>;

/** A validated scenario laid out as planned (unclipped) source values per year. Internal. */
export interface ScenarioPlan {
  readonly name: string | null;
  readonly baseYear: number;
  readonly until: number;
  /** The years base..until. */
  readonly years: readonly number[];
  /** The sources with a score in the base year, in dataset order. */
  readonly sources: readonly SourceId[];
  /** Base-year score per source (same order). */
  readonly base: readonly number[];
  /** planned[yearIndex][sourceIndex]: the value the changes lead to, before clipping to 0..100. */
  readonly planned: readonly (readonly number[])[];
  /** The same plan year by year, each source with its base-year score and its planned value. */
  readonly steps: readonly ScenarioStep[];
}

/** One year of a {@link ScenarioPlan}: every source's base-year score and planned value, in dataset order. Internal. */
export interface ScenarioStep {
  readonly year: number;
  readonly values: readonly { readonly source: SourceId; readonly base: number; readonly planned: number }[];
}

/** The years a change names: its `year`, or its `from` (and `to` when given). Internal: planScenario and simulate. */
export function changeYears(c: DeepReadonly<ScenarioChange>): number[] {
  return c.kind === 'set' || c.kind === 'delta' || c.kind === 'lever' ? [c.year] : c.to === undefined ? [c.from] : [c.from, c.to];
}

/** Check one change against the dataset and the scenario's years. */
function checkChange(fn: string, dataset: Dataset, c: ScenarioChange, path: (string | number)[], sources: readonly SourceId[], baseYear: number, until: number): void {
  const yearKey = 'year' in c ? 'year' : 'from';
  const start = 'year' in c ? c.year : c.from;
  if (start <= baseYear || start > until) {
    fail(fn, [...path, yearKey], `expected a year after the base year ${baseYear} and up to ${until}`, start, 'invalid_range');
  }
  if ('to' in c && c.to !== undefined && (c.to < start || c.to > until)) {
    fail(fn, [...path, 'to'], `expected a year from ${start} to ${until}`, c.to, 'invalid_range');
  }
  if ('source' in c && !sources.includes(c.source)) {
    fail(fn, [...path, 'source'], `expected a source with a score in the base year ${baseYear} (${sources.join(', ')})`, c.source, 'unknown_source');
  }
  if ('workstream' in c) {
    const ws = dataset.workstreams.find((w) => w.number === c.workstream);
    if (ws === undefined) {
      const known = dataset.workstreams.map((w) => w.number).join(', ');
      fail(fn, [...path, 'workstream'], known === '' ? 'expected a workstream, and the dataset has none (a lever needs an action plan\'s workstreams)' : `expected a workstream of the dataset (${known})`, c.workstream, 'unknown_workstream');
    }
    for (const key of Object.keys(c.weights ?? {})) {
      if (!ws.sources.includes(key as SourceId)) {
        fail(fn, [...path, 'weights', key], `expected a source workstream ${c.workstream} feeds (${ws.sources.join(', ')})`, key, 'unknown_source');
      }
    }
  }
}

/** What a change adds to each source in `year`; null for `set`, which replaces instead of adding. */
function increments(dataset: Dataset, c: ScenarioChange, year: number, until: number): Map<SourceId, number> | null {
  switch (c.kind) {
    case 'set':
      return null;
    case 'delta':
      return c.year === year ? new Map([[c.source, c.delta]]) : new Map();
    case 'gain':
      return year >= c.from && year <= (c.to ?? until) ? new Map([[c.source, c.gain]]) : new Map();
    case 'lever':
    case 'lever-gain': {
      const active = c.kind === 'lever' ? c.year === year : year >= c.from && year <= (c.to ?? until);
      const amount = c.kind === 'lever' ? c.uplift : c.gain;
      const ws = dataset.workstreams.find((w) => w.number === c.workstream);
      const map = new Map<SourceId, number>();
      if (active && ws !== undefined) for (const s of ws.sources) map.set(s, amount * (c.weights?.[s] ?? 1));
      return map;
    }
  }
}

/**
 * Validate a spec against a dataset and lay it out year by year. `path` locates the spec in the
 * caller's arguments. Internal: used by {@link scenario} and {@link scenarioUplifts}.
 */
export function planScenario(fn: string, dataset: Dataset, spec: unknown, path: (string | number)[] = ['spec']): ScenarioPlan {
  const parsed = parseInput(fn, ScenarioSpec, spec, path);
  const baseYear = resolveYear(fn, dataset, parsed.baseYear, [...path, 'baseYear']);
  // A loop, not Math.max(...years): a spread of many arguments overflows the stack.
  const latestChange = parsed.changes.reduce((latest, c) => changeYears(c).reduce((a, b) => Math.max(a, b), latest), baseYear);
  const until = parsed.until ?? latestChange;
  if (until < baseYear) fail(fn, [...path, 'until'], `expected a year on or after the base year ${baseYear}`, until, 'invalid_range');
  const scores = scoresOfYear(dataset, baseYear);
  const sources = [...scores.keys()];
  parsed.changes.forEach((c, i) => { checkChange(fn, dataset, c, [...path, 'changes', i], sources, baseYear, until); });
  const base = [...scores.values()];
  const steps: ScenarioStep[] = [];
  let current = [...scores].map(([source, value]) => ({ source, base: value, planned: value }));
  for (let year = baseYear; year <= until; year += 1) {
    if (year > baseYear) {
      current = current.map((v) => ({ ...v }));
      for (const c of parsed.changes) {
        const inc = increments(dataset, c, year, until);
        if (inc === null) {
          if (c.kind === 'set' && c.year === year) for (const v of current) if (v.source === c.source) v.planned = c.value;
          continue;
        }
        // Only sources scored in the base year move (a workstream may also feed one without a score).
        for (const v of current) {
          const add = inc.get(v.source);
          if (add !== undefined) v.planned += add;
        }
      }
    }
    steps.push({ year, values: current });
  }
  const years = steps.map((st) => st.year);
  const planned = steps.map((st) => st.values.map((v) => v.planned));
  return { name: parsed.name ?? null, baseYear, until, years, sources, base, planned, steps };
}

/** One year of planned uplifts: every source's planned value minus its base-year score, in dataset order. Internal. */
export interface PlannedUplifts {
  readonly year: number;
  readonly values: readonly { readonly source: SourceId; readonly uplift: number }[];
}

/**
 * The planned uplift of every source (planned value minus base-year score, unclipped) for each year
 * from the base year + 1 to `through` (default: the plan's `until`); a year after `until` keeps the
 * last planned year's uplifts, as planned changes persist. Internal: used by `scenarioUplifts` and
 * `simulate`.
 */
export function plannedUplifts(plan: ScenarioPlan, through: number = plan.until): PlannedUplifts[] {
  const byYear = new Map(plan.steps.map((st) => [st.year, st.values.map(({ source, base, planned }) => ({ source, uplift: planned - base }))]));
  let values = plan.sources.map((source) => ({ source, uplift: 0 }));
  const out: PlannedUplifts[] = [];
  for (let year = plan.baseYear + 1; year <= through; year += 1) {
    values = byYear.get(year) ?? values;
    out.push({ year, values });
  }
  return out;
}
