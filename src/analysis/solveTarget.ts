import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import type { DeepReadonly } from '../util/freeze.js';
import { CpiScore, SourceIdSchema, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import { roundScore } from '../methodology/roundScore.js';
import { assess, ChangeRecordSchema, type RecordFeasibility } from './feasibility.js';
import { levelFill, shortfallOf, type Shortfall } from './levelFill.js';
import type { ScenarioChange, ScenarioSpec } from './scenarioSpec.js';
import { solveStart } from './solveStart.js';

/**
 * How {@link solveTarget} shares the uplift between sources.
 *
 * @example
 * TargetStrategy.options; // => ['even', 'proportional', 'cheapest', 'bounded']
 * const st: TargetStrategy = 'proportional';
 * solveTarget(thailand, { target: 51, year: 2022, strategy: st }).totalUplift; // => 130.5
 */
export const TargetStrategy = z.enum(['even', 'proportional', 'cheapest', 'bounded']);
export type TargetStrategy = z.infer<typeof TargetStrategy>;

/**
 * The strategy used when none is given: every source gains the same (as far as its room allows).
 *
 * @example
 * DEFAULT_STRATEGY; // => 'even'
 * solveTarget(thailand, { target: 51, year: 2022 }).strategy; // => 'even'
 */
export const DEFAULT_STRATEGY: TargetStrategy = 'even';

/**
 * A cap on the uplift: one number for every source, or a number per source (others uncapped).
 *
 * @example
 * const everySource: UpliftBounds = 10;
 * const perSource: UpliftBounds = { VDEM: 3, IMD: 5 };
 * UpliftBounds.safeParse(perSource).success; // => true
 * solveTarget(thailand, { target: 51, year: 2025, bounds: everySource }).feasible; // => false
 */
export const UpliftBounds = z.union([z.number().check(z.minimum(0), z.maximum(100)), z.partialRecord(SourceIdSchema, z.number().check(z.minimum(0), z.maximum(100)))]);
export type UpliftBounds = z.infer<typeof UpliftBounds>;

/**
 * Options of {@link solveTarget}.
 *
 * @example
 * const o: SolveTargetOptions = { target: 51, year: 2025, by: 2027, strategy: 'bounded', bounds: { IMD: 5 } };
 * solveTarget(thailand, o).allocation.find((a) => a.source === 'IMD')?.uplift; // => 5
 */
export const SolveTargetOptions = z.strictObject({
  /** The integer CPI score to reach. */
  target: CpiScore,
  /** The year whose source scores the uplift starts from. Default: the dataset's latest year. */
  year: z.optional(Year),
  /** Default `'even'`. */
  strategy: z.optional(TargetStrategy),
  /** Maximum uplift per source (every strategy honours it; `bounded` requires it). Sources are always capped at 100. */
  bounds: z.optional(UpliftBounds),
  /** Cost of one point per source, for `cheapest` (every source of the year must have one when given). */
  costs: z.optional(z.partialRecord(SourceIdSchema, z.number().check(z.gt(0)))),
  /** The year the uplift should be delivered by, for the returned scenario spec. Default: `year + 1`. */
  by: z.optional(Year),
  /** A record to set each source's uplift against (`changeRecord()` of cpi-gap/world): the result's `feasibility`. */
  record: z.optional(ChangeRecordSchema),
});
export type SolveTargetOptions = z.input<typeof SolveTargetOptions>;

/**
 * One source's share of the uplift.
 *
 * @example
 * const a: SourceAllocation | undefined = solveTarget(thailand, { target: 51, year: 2022, by: 2024 }).allocation[0];
 * a?.uplift; // => 14.5
 * a?.perYear; // => 7.25
 */
export interface SourceAllocation {
  readonly source: SourceId;
  readonly score: number;
  /** `target - score`. */
  readonly gap: number;
  /** The most this source may gain: its bound, and never past 100. */
  readonly cap: number;
  readonly uplift: number;
  /** `uplift / (by - year)`: the gain per year to deliver it by `by`. */
  readonly perYear: number;
  readonly newScore: number;
  /** Whether the uplift sits at the cap. */
  readonly atCap: boolean;
  /** Cost per point, when costs were given. */
  readonly cost: number | null;
}

/**
 * What {@link solveTarget} returns.
 *
 * @example
 * const s: TargetSolution = solveTarget(thailand, { target: 51, year: 2022 });
 * s.neededTotal; // => 130.5
 * s.newScore; // => 51
 * s.feasible; // => true
 */
export interface TargetSolution {
  readonly year: number;
  readonly by: number;
  readonly target: number;
  readonly strategy: TargetStrategy;
  readonly n: number;
  readonly mean: number;
  readonly score: number;
  /** `target - 0.5`. */
  readonly neededMean: number;
  /** Points the sources must gain together: `n x neededMean - sum` (0 when already reached). */
  readonly neededTotal: number;
  /** Whether the year's scores already reach the target (every uplift is then 0). */
  readonly reached: boolean;
  /** Whether the allocation reaches the target within the caps. */
  readonly feasible: boolean;
  readonly allocation: readonly SourceAllocation[];
  /** Sum of the uplifts. */
  readonly totalUplift: number;
  readonly newMean: number;
  readonly newScore: number;
  /** Sum of cost x uplift, when costs were given. */
  readonly totalCost: number | null;
  /** How far the best allocation falls short (all zero when feasible). */
  readonly shortfall: Shortfall;
  /** The allocation as a scenario: a `gain` per source from `year + 1` to `by`. */
  readonly spec: ScenarioSpec;
  /**
   * Each source's uplift over `by - year` years against the `record` option (the share of observed
   * changes as large, `unprecedented`, a stepped source's next reachable level, the largest CPI
   * gains); without a record, `{ assessed: false, note }`.
   */
  readonly feasibility: RecordFeasibility;
}

/** A source as {@link solveTarget} allocates to it. */
interface TargetRow {
  readonly source: SourceId;
  readonly score: number;
  readonly cap: number;
  readonly cost: number | null;
}

/**
 * The weight stages a strategy fills in turn (each stage fills what the previous left), as a
 * weight per row. `costs` are the rows' costs, when given.
 */
function stages(strategy: TargetStrategy, target: number, costs: readonly number[] | undefined): ((r: TargetRow) => number)[] {
  const one = (): number => 1;
  switch (strategy) {
    case 'even':
    case 'bounded':
      return [one];
    case 'proportional':
      // Sources at or above the target have no gap; they are used only if the others' caps run out.
      return [(r) => Math.max(0, target - r.score), one];
    case 'cheapest': {
      if (costs === undefined) return [(r) => 100 - r.score];
      const levels = [...new Set(costs)].sort((x, y) => x - y);
      return levels.map((c) => (r) => (r.cost === c ? 1 : 0));
    }
  }
}

/** Spread per-source uplifts over the years to `by` as `gain` changes. Internal. */
export function gainSpec(name: string, year: number, by: number, entries: readonly { source: SourceId; uplift: number }[]): ScenarioSpec {
  const changes: ScenarioChange[] = entries
    .filter((e) => e.uplift !== 0)
    .map((e) => ({ kind: 'gain', source: e.source, from: year + 1, to: by, gain: e.uplift / (by - year) }));
  return { name, baseYear: year, until: by, changes };
}

/**
 * The uplift per source that reaches an integer target score, respecting TI's rounding: the
 * unrounded mean must reach `target - 0.5` (`requiredMean`), so the sources must gain
 * `n x (target - 0.5) - sum` points together. Every strategy allocates exactly that total (the
 * least that works), within each source's cap (its bound, and the room left to 100):
 * - `even`: the same uplift for every source; a source that hits its cap stops and the others share the rest.
 * - `proportional`: in proportion to each source's gap to the target (sources above it gain only if the others' caps run out).
 * - `cheapest`: with `costs`, the cheapest points first (equal costs share evenly), which minimises
 *   the total cost; without costs, in proportion to each source's room to 100 (every source closes
 *   the same share of its distance to 100).
 * - `bounded`: the even rule under `bounds`, which it requires (a plan that caps each source's gain).
 * When the caps cannot hold the total, `feasible` is false, every source sits at its cap, and
 * `shortfall` says how far that falls short in points of sum, of mean and of score. With
 * `record: changeRecord()` (cpi-gap/world), `feasibility` sets each uplift against TI's record:
 * `feasible` is arithmetic (within 0..100 and the bounds), `feasibility` is history (how often a
 * source moved as much, `unprecedented`, EIU's next reachable level instead of a value it cannot take).
 *
 * @throws {CpiGapError} for an unknown year, a target outside 0..100, `bounded` without bounds,
 * costs missing for a source, or `by` not after `year`.
 * @example
 * const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'even' });
 * s.allocation.map((a) => a.uplift); // => [14.5, 14.5, ... nine times]
 * s.totalUplift; // => 130.5 (9 x 50.5 - 324)
 */
export function solveTarget(dataset: Dataset, options: DeepReadonly<SolveTargetOptions>): TargetSolution {
  const fn = 'solveTarget';
  assertDataset(fn, dataset);
  const opts = parseInput(fn, SolveTargetOptions, options, ['options']);
  const { year, by, rows, sources, n, sum, neededMean, neededTotal } = solveStart(fn, dataset, opts);
  const strategy = opts.strategy ?? DEFAULT_STRATEGY;
  if (strategy === 'bounded' && opts.bounds === undefined) fail(fn, ['options', 'bounds'], "strategy 'bounded' requires bounds (a maximum uplift, for all sources or per source)", undefined, 'missing');
  const given = opts.costs;
  let costs: number[] | undefined;
  if (given !== undefined) {
    costs = rows.flatMap((r) => given[r.source] ?? []);
    if (costs.length < n) {
      const missing = sources.filter((s) => given[s] === undefined);
      fail(fn, ['options', 'costs'], `expected a cost for every source of ${year}; missing ${missing.join(', ')}`, given, 'missing');
    }
  }
  for (const field of ['bounds', 'costs'] as const) {
    const keys = opts[field];
    if (typeof keys !== 'object') continue;
    for (const key of Object.keys(keys)) {
      if (!sources.includes(key as SourceId)) fail(fn, ['options', field, key], `expected a source with a score in ${year} (${sources.join(', ')})`, key, 'unknown_source');
    }
  }
  const bound = (s: SourceId): number => (typeof opts.bounds === 'number' ? opts.bounds : (opts.bounds?.[s] ?? 100));
  const mean = sum / n;
  let state = rows.map((r) => ({ ...r, cap: Math.min(bound(r.source), 100 - r.score), cost: given?.[r.source] ?? null, uplift: 0 }));
  let left = neededTotal;
  for (const weight of stages(strategy, opts.target, costs)) {
    const step = levelFill(state.map((r) => ({ row: r, weight: weight(r), cap: r.cap - r.uplift })), left);
    state = step.items.map((it) => ({ ...it.row, uplift: it.row.uplift + it.alloc }));
    left = step.left;
    if (left === 0) break;
  }
  const totalUplift = state.reduce((a, r) => a + r.uplift, 0);
  const newMean = (sum + totalUplift) / n;
  const allocation = state.map(({ source, score, cap, cost, uplift }): SourceAllocation => ({
    source,
    score,
    gap: opts.target - score,
    cap,
    uplift,
    perYear: uplift / (by - year),
    newScore: score + uplift,
    atCap: uplift > 0 && uplift >= cap,
    cost,
  }));
  // Costs paid: each priced source's cost per point times its uplift (no source is priced without costs).
  const spent = allocation.flatMap((r) => (r.cost === null ? [] : [r.cost * r.uplift])).reduce((a, b) => a + b, 0);
  return {
    year,
    by,
    target: opts.target,
    strategy,
    n,
    mean,
    score: roundScore(mean),
    neededMean,
    neededTotal,
    reached: roundScore(mean) >= opts.target,
    feasible: left === 0,
    allocation,
    totalUplift,
    newMean,
    newScore: roundScore(newMean),
    totalCost: given === undefined ? null : spent,
    shortfall: shortfallOf(opts.target, n, newMean),
    spec: gainSpec(`solveTarget ${strategy} ${opts.target}`, year, by, allocation),
    feasibility: assess(opts.record, allocation.map((a) => ({ source: a.source, gain: a.uplift, from: a.score })), by - year, year),
  };
}
