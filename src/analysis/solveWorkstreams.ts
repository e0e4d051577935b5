import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import type { DeepReadonly } from '../util/freeze.js';
import { CpiScore, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import { assess, ChangeRecordSchema, type RecordFeasibility } from './feasibility.js';
import { levelFill, shortfallOf, type Shortfall } from './levelFill.js';
import type { ScenarioChange, ScenarioSpec } from './scenarioSpec.js';
import { solveStart } from './solveStart.js';

/**
 * How the selected workstreams pull their levers: `'joint'`, one common lever together; `'alone'`,
 * each workstream's lever as if it were the only one pulled.
 *
 * @example
 * LeverMode.options; // => ['joint', 'alone']
 * const mode: LeverMode = 'alone';
 * solveWorkstreams(thailand, { target: 51, year: 2025, mode }).lever; // => null
 */
export const LeverMode = z.enum(['joint', 'alone']);
export type LeverMode = z.infer<typeof LeverMode>;

/**
 * How a source fed by several selected workstreams takes their levers (joint mode): `'add'`, each
 * workstream's lever reaches it; `'split'`, it gains the lever once, each workstream delivering 1/k.
 *
 * @example
 * SharedRule.options; // => ['add', 'split']
 * const shared: SharedRule = 'split';
 * solveWorkstreams(thailand, { target: 51, year: 2025, shared }).shared; // => 'split'
 */
export const SharedRule = z.enum(['add', 'split']);
export type SharedRule = z.infer<typeof SharedRule>;

/**
 * The lever mode and the shared-source rule used when none is given.
 *
 * @example
 * LEVER_DEFAULTS; // => { mode: 'joint', shared: 'add' }
 * solveWorkstreams(thailand, { target: 51, year: 2025 }).mode; // => 'joint'
 */
export const LEVER_DEFAULTS: Readonly<{ mode: LeverMode; shared: SharedRule }> = Object.freeze({ mode: 'joint', shared: 'add' });

/**
 * Options of {@link solveWorkstreams}.
 *
 * @example
 * const o: SolveWorkstreamsOptions = { target: 51, year: 2025, by: 2027, workstreams: [1, 2], shared: 'split' };
 * solveWorkstreams(thailand, o).workstreams.map((w) => w.workstream); // => [1, 2]
 */
export const SolveWorkstreamsOptions = z.strictObject({
  /** The integer CPI score to reach. */
  target: CpiScore,
  /** The year whose source scores the levers start from. Default: the dataset's latest year. */
  year: z.optional(Year),
  /** The year the levers should be delivered by. Default: `year + 1`. */
  by: z.optional(Year),
  /** Which workstreams pull a lever. Default: all of the dataset's. */
  workstreams: z.optional(z.array(z.int().check(z.minimum(1))).check(z.minLength(1))),
  /**
   * `'joint'` (default): the selected workstreams pull one common lever together.
   * `'alone'`: each workstream's lever as if it were the only one pulled.
   */
  mode: z.optional(LeverMode),
  /**
   * How a source fed by several selected workstreams takes their levers (joint mode):
   * `'add'` (default): each workstream's lever reaches it, so it gains k x lever for k workstreams;
   * `'split'`: it gains the lever once, each workstream delivering 1/k of it.
   */
  shared: z.optional(SharedRule),
  /** A record to set each source's gain against (`changeRecord()` of cpi-gap/world): the result's `feasibility`. */
  record: z.optional(ChangeRecordSchema),
});
export type SolveWorkstreamsOptions = z.input<typeof SolveWorkstreamsOptions>;

/**
 * A source as a workstream lever moves it.
 *
 * @example
 * const s = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027 });
 * const imd: LeverSource | undefined = s.workstreams[0]?.sources.find((x) => x.source === 'IMD');
 * imd?.weight; // => 1
 * imd?.uplift.toFixed(2); // => '12.04'
 */
export interface LeverSource {
  readonly source: SourceId;
  readonly score: number;
  /** The share of this workstream's lever the source takes (1, or 1/k when split between k workstreams). */
  readonly weight: number;
  /** Points this workstream's lever gives the source (its share when the source is shared). */
  readonly uplift: number;
  /** Whether the source reaches 100 (its gain is then cut there). */
  readonly atCap: boolean;
}

/**
 * What one workstream must deliver.
 *
 * @example
 * const alone = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027, mode: 'alone' });
 * const ws3: WorkstreamLever | undefined = alone.workstreams.find((w) => w.workstream === 3);
 * ws3?.feasible; // => false (EIU and WEF at 100 are not enough)
 * ws3?.shortfall.score; // => 3
 */
export interface WorkstreamLever {
  readonly workstream: number;
  readonly name: { readonly en: string; readonly th?: string | undefined };
  /** Points each of its sources must gain (per unit weight) by `by`. */
  readonly lever: number;
  /** `lever / (by - year)`. */
  readonly perYear: number;
  readonly sources: readonly LeverSource[];
  /** Points of CPI mean this workstream delivers: the sum of its sources' uplift shares / n. */
  readonly contribution: number;
  /** Mode `alone`: whether this lever alone reaches the target; mode `joint`: the joint result. */
  readonly feasible: boolean;
  readonly shortfall: Shortfall;
  /** Mode `alone`: this lever as a scenario; mode `joint`: null (see the solution's `spec`). */
  readonly spec: ScenarioSpec | null;
}

/**
 * One source's total gain across the selected workstreams.
 *
 * @example
 * const s = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027 });
 * const prs: LeverSourceTotal | undefined = s.sources.find((x) => x.source === 'PRS');
 * prs?.workstreams; // => [1, 2]
 * prs?.uplift.toFixed(2); // => '24.08' (both levers)
 */
export interface LeverSourceTotal {
  readonly source: SourceId;
  readonly score: number;
  /** Selected workstreams that feed it. */
  readonly workstreams: readonly number[];
  /** Joint mode: the total gain; alone mode: 0 (see each workstream). */
  readonly uplift: number;
  readonly newScore: number;
}

/**
 * What {@link solveWorkstreams} returns.
 *
 * @example
 * const s: WorkstreamSolution = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027 });
 * s.mode; // => 'joint'
 * s.lever?.toFixed(2); // => '12.04'
 * s.neededTotal.toFixed(2); // => '156.49'
 */
export interface WorkstreamSolution {
  readonly year: number;
  readonly by: number;
  readonly target: number;
  readonly mode: LeverMode;
  readonly shared: SharedRule;
  readonly n: number;
  readonly mean: number;
  readonly neededMean: number;
  /** Points of source sum needed: `n x (target - 0.5) - sum` (0 when already reached). */
  readonly neededTotal: number;
  /** Joint: whether the common lever reaches the target; alone: whether every lever does. */
  readonly feasible: boolean;
  /** Joint mode: the common lever; alone mode: null. */
  readonly lever: number | null;
  readonly workstreams: readonly WorkstreamLever[];
  readonly sources: readonly LeverSourceTotal[];
  /** Joint mode: the levers as a scenario (`lever-gain` per workstream from `year + 1` to `by`); alone: null. */
  readonly spec: ScenarioSpec | null;
  /**
   * Each source's gain over `by - year` years (joint: its total; alone: the largest any one lever
   * asks of it) against the `record` option; without a record, `{ assessed: false, note }`.
   */
  readonly feasibility: RecordFeasibility;
}

function leverSpec(name: string, year: number, by: number, levers: readonly { workstream: number; lever: number; weights: Partial<Record<SourceId, number>> }[]): ScenarioSpec {
  const changes: ScenarioChange[] = levers
    .filter((l) => l.lever > 0)
    .map((l) => {
      const change: ScenarioChange = { kind: 'lever-gain', workstream: l.workstream, from: year + 1, to: by, gain: l.lever / (by - year) };
      return Object.keys(l.weights).length > 0 ? { ...change, weights: l.weights } : change;
    });
  return { name, baseYear: year, until: by, changes };
}

/**
 * The lever each workstream would need to reach an integer target: a lever of L points lifts every
 * source the workstream feeds by L (as a `lever` change in {@link scenario}), and the sources must
 * gain `n x (target - 0.5) - sum` points together. Sources stop at 100.
 *
 * Shared sources (in Thailand PRS, WEF, EIU and BTI each feed two workstreams), in `joint` mode:
 * with `shared: 'add'` every workstream's lever reaches the source, so it gains k x L; this is how
 * `scenario` adds levers, and it credits shared sources twice as much movement. With
 * `shared: 'split'` a shared source gains L once and each of its k workstreams is credited 1/k (the
 * scenario spec uses weights 1/k). Contributions split a shared source's gain equally between its
 * workstreams either way, so they add up to the needed rise of the mean. In `alone` mode each
 * workstream is solved as the only one acting, so shared sources simply count in each.
 *
 * @throws {CpiGapError} for an unknown year or workstream, or `by` not after `year`.
 * @example
 * const s = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027 });
 * s.lever?.toFixed(2); // => '12.04' (156.49 points over 13 source-workstream links)
 */
export function solveWorkstreams(dataset: Dataset, options: DeepReadonly<SolveWorkstreamsOptions>): WorkstreamSolution {
  const fn = 'solveWorkstreams';
  assertDataset(fn, dataset);
  const opts = parseInput(fn, SolveWorkstreamsOptions, options, ['options']);
  const { year, by, rows, n, sum, neededMean, neededTotal } = solveStart(fn, dataset, opts);
  if (dataset.workstreams.length === 0) fail(fn, ['dataset', 'workstreams'], 'expected a dataset with workstreams', 0, 'missing');
  const numbers = opts.workstreams ?? dataset.workstreams.map((w) => w.number);
  numbers.forEach((num, i) => {
    if (!dataset.workstreams.some((w) => w.number === num)) {
      fail(fn, ['options', 'workstreams', i], `expected a workstream of the dataset (${dataset.workstreams.map((w) => w.number).join(', ')})`, num, 'unknown_workstream');
    }
  });
  const mode = opts.mode ?? LEVER_DEFAULTS.mode;
  const shared = opts.shared ?? LEVER_DEFAULTS.shared;
  const selected = dataset.workstreams.filter((w) => numbers.includes(w.number));
  // Each source with its room to 100 and the selected workstreams feeding it.
  const fed = rows.map((r) => ({ ...r, cap: 100 - r.score, feeding: selected.filter((w) => w.sources.includes(r.source)).map((w) => w.number) }));
  const problem: LeverProblem = { target: opts.target, year, by, n, sum, neededTotal, selected, fed };
  const base = { year, by, target: opts.target, mode, shared, n, mean: sum / n, neededMean, neededTotal };
  const solved = mode === 'alone' ? solveAlone(problem) : solveJoint(problem, shared, numbers);
  // Each source's gain: joint, its total; alone, the largest any one lever asks of it.
  const gains = solved.sources.map((t) => ({
    source: t.source,
    from: t.score,
    gain: mode === 'joint' ? t.uplift : Math.max(0, ...solved.workstreams.flatMap((w) => w.sources.filter((m) => m.source === t.source).map((m) => m.uplift))),
  }));
  return { ...base, ...solved, feasibility: assess(opts.record, gains, by - year, year) };
}

type Selected = Dataset['workstreams'][number];

/** What both modes solve: the target, the years, the sources' sum and need, the selected workstreams and the sources they feed. */
interface LeverProblem {
  readonly target: number;
  readonly year: number;
  readonly by: number;
  readonly n: number;
  readonly sum: number;
  readonly neededTotal: number;
  readonly selected: readonly Selected[];
  readonly fed: readonly { readonly source: SourceId; readonly score: number; readonly cap: number; readonly feeding: readonly number[] }[];
}

type ModeSolution = Pick<WorkstreamSolution, 'feasible' | 'lever' | 'workstreams' | 'sources' | 'spec'>;

/** Each workstream solved as the only one acting: shared sources simply count in each. */
function solveAlone(p: LeverProblem): ModeSolution {
  const levers = p.selected.map((w): WorkstreamLever => {
    const fill = levelFill(p.fed.map((r) => ({ ...r, weight: w.sources.includes(r.source) ? 1 : 0 })), p.neededTotal);
    const lever = fill.level;
    const delivered = fill.items.reduce((a, r) => a + r.alloc, 0);
    return {
      workstream: w.number,
      name: w.name,
      lever,
      perYear: lever / (p.by - p.year),
      sources: fill.items.flatMap((r) => (r.weight === 1 ? [{ source: r.source, score: r.score, weight: 1, uplift: r.alloc, atCap: r.alloc > 0 && r.alloc >= r.cap }] : [])),
      contribution: delivered / p.n,
      feasible: fill.left === 0,
      shortfall: shortfallOf(p.target, p.n, (p.sum + delivered) / p.n),
      spec: leverSpec(`workstream ${w.number} alone for ${p.target}`, p.year, p.by, [{ workstream: w.number, lever, weights: {} }]),
    };
  });
  const totals = p.fed.map((r) => ({ source: r.source, score: r.score, workstreams: r.feeding, uplift: 0, newScore: r.score }));
  return { feasible: levers.every((l) => l.feasible), lever: null, workstreams: levers, sources: totals, spec: null };
}

/** One common lever: source i gains min(c_i x L, room_i), with c_i = k_i (add) or 1 (split) for the k_i selected workstreams feeding it. */
function solveJoint(p: LeverProblem, shared: SharedRule, numbers: readonly number[]): ModeSolution {
  const fill = levelFill(p.fed.map((r) => ({ ...r, weight: r.feeding.length === 0 ? 0 : shared === 'add' ? r.feeding.length : 1 })), p.neededTotal);
  const lever = fill.level;
  const delivered = fill.items.reduce((a, r) => a + r.alloc, 0);
  const shortfall = shortfallOf(p.target, p.n, (p.sum + delivered) / p.n);
  // With 'split', each of the k workstreams feeding a source is credited 1/k of it (k >= 1 for a source a workstream feeds).
  const weightOf = (k: number): number => (shared === 'split' ? 1 / k : 1);
  const levers = p.selected.map((w): WorkstreamLever => {
    const members = fill.items.flatMap((r) => {
      if (!w.sources.includes(r.source)) return [];
      const k = r.feeding.length;
      return [{ source: r.source, score: r.score, weight: weightOf(k), uplift: r.alloc / k, atCap: r.alloc > 0 && r.alloc >= r.cap }];
    });
    return {
      workstream: w.number,
      name: w.name,
      lever,
      perYear: lever / (p.by - p.year),
      sources: members,
      contribution: members.reduce((a, m) => a + m.uplift, 0) / p.n,
      feasible: fill.left === 0,
      shortfall,
      spec: null,
    };
  });
  const totals = fill.items.map((r) => ({ source: r.source, score: r.score, workstreams: r.feeding, uplift: r.alloc, newScore: r.score + r.alloc }));
  const specLevers = p.selected.map((w) => {
    const weights: Partial<Record<SourceId, number>> = {};
    if (shared === 'split') {
      for (const s of w.sources) {
        const k = p.fed.find((r) => r.source === s)?.feeding.length ?? 1; // 1 (no weight) for a source without a score that year
        if (weightOf(k) !== 1) weights[s] = weightOf(k);
      }
    }
    return { workstream: w.number, lever, weights };
  });
  return {
    feasible: fill.left === 0,
    lever,
    workstreams: levers,
    sources: totals,
    spec: leverSpec(`workstreams ${numbers.join(', ')} jointly for ${p.target} (${shared})`, p.year, p.by, specLevers),
  };
}
