import * as z from 'zod/mini';
import { guardCallback } from '../util/callbacks.js';
import { listOf } from '../util/limits.js';
import { resolveYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { CpiScore, SourceIdSchema, Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { CpiGapError, fail, parseInput } from '../errors.js';
import { DEFAULT_TARGET } from '../analysis/gaps.js';
import { changeYears, plannedUplifts, planScenario, ScenarioSpec } from '../analysis/scenarioSpec.js';
import { deepFreeze, type DeepReadonly } from '../util/freeze.js';
import { cholesky } from './covariance.js';
import { CHUNK_PATHS, type KernelModel, type KernelParams } from './kernel.js';
import { DEFAULT_HORIZON, DEFAULT_PATHS, DEFAULT_SEED, describeBacktest, type SimulationModel } from './defaults.js';
import type { WorldRunCounts } from './world/run.js';
import { loadWorld } from './world/load.js';
import { movingRanks } from './world/movingRanks.js';
import type { WorldSimulation } from './world/simulateWorld.js';
import { estimateModel, ModelOptions, type ModelParameters } from './modelParameters.js';
import { nodeBuiltin, runChunks } from './runChunks.js';
import type { SimulationYear } from './records.js';
import { rankTable, summarizeYear } from './summarize.js';

/**
 * Below this much work (paths x years x sources, about 0.7 s on one core) `simulate` runs on one
 * thread by default. A worker thread is a second V8 instance: it adds about 13 MB of resident memory
 * and 30-50 ms of start-up, which pays only on long runs (1,000,000 paths x 8 years x 9 sources,
 * 7.2e7, run in about 0.5 s on one thread).
 * @example
 * THREADS_THRESHOLD; // => 100000000
 * // paths x horizon x sources below it run on the calling thread unless `threads` says otherwise
 */
export const THREADS_THRESHOLD = 100_000_000;

/**
 * The random-number scheme, recorded in every result; a change to it changes results.
 *
 * @example
 * const r = await simulate(thailand, { paths: 1000, horizon: 1 });
 * r.generator === GENERATOR; // => true
 */
export const GENERATOR = `xoshiro128** per chunk of ${CHUNK_PATHS} paths (state from seed and chunk index via lowbias32), 128-layer ziggurat normals`;

/**
 * Progress of a run: paths finished so far, of `total`.
 *
 * @example
 * const seen: SimulationProgress[] = [];
 * await simulate(thailand, { paths: 40_000, horizon: 1, onProgress: (p) => seen.push(p) });
 * seen.at(-1); // => { done: 40000, total: 40000 }
 */
export interface SimulationProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * A planned uplift: the source's score in `year` is `uplift` points above its no-change path.
 *
 * @example
 * const plan: PlannedUplift[] = [{ year: 2027, source: 'IMD', uplift: 5 }];
 * const r = await simulate(thailand, { paths: 1000, horizon: 2, uplifts: plan });
 * r.plan?.uplifts.length; // => 18 (two years x nine sources)
 */
export const PlannedUplift = z.strictObject({ year: Year, source: SourceIdSchema, uplift: z.number().check(z.minimum(-100), z.maximum(100)) });
export type PlannedUplift = z.infer<typeof PlannedUplift>;

const isFunction = (v: unknown): boolean => typeof v === 'function';

/**
 * Options of {@link simulate}: the model options ({@link ModelOptions}) and the run's own.
 *
 * @example
 * const o: SimulateOptions = { model: 'bootstrap', paths: 20_000, horizon: 3, seed: 7, target: 40 };
 * const r = await simulate(thailand, o);
 * r.years.map((y) => y.year); // => [2026, 2027, 2028]
 */
export const SimulateOptions = z.extend(ModelOptions, {
  /** Number of simulated paths, 1..1e9. Default 100,000. */
  paths: z.optional(z.int().check(z.minimum(1), z.maximum(1e9))),
  /** Number of years simulated after the base year, 1..100. Default 8. */
  horizon: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  /** Integer seed 0..2^53 - 1. Default 12345. The same seed gives the same result everywhere. */
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER))),
  /** The integer CPI score whose probability is reported. Default 51. */
  target: z.optional(CpiScore),
  /** A scenario (see `ScenarioSpec`): its planned uplifts are added to every path. */
  scenario: z.optional(ScenarioSpec),
  /** Planned uplifts as a table (the rows `scenarioUplifts` returns); instead of `scenario`. */
  uplifts: z.optional(z.array(PlannedUplift)),
  /**
   * How ranks are counted. `'moving'` (the default, world model): every country of the base year's
   * edition is simulated with the focus country, sharing each path's historical years, and its rank
   * is 1 + the countries strictly above in that path and year. `'frozen'`: against `rankScores`, a
   * list held still (the assumption is printed in the result's `rankAssumption`).
   */
  ranking: z.optional(z.enum(['moving', 'frozen'])),
  /** With `ranking: 'frozen'`: a year's CPI scores of all countries, held still. */
  rankScores: z.optional(listOf(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(1))),
  /** The ranks k whose P(rank <= k) is reported. Default with `ranking` named: the dataset's target ranks (Thailand: 43, 53). */
  ranks: z.optional(z.array(z.int().check(z.minimum(1))).check(z.minLength(1))),
  /**
   * Called after each chunk of paths with `{ done, total }`. If it throws, or returns a promise that
   * rejects before the run ends, the run stops and rejects with a CpiGapError (code
   * `callback_failed`); a rejection after the run ended is ignored, never left unhandled.
   */
  onProgress: z.optional(z.custom<(progress: SimulationProgress) => unknown>(isFunction, 'expected a function')),
  /** Stops the run: `simulate` then rejects with a CpiGapError whose code is `'aborted'`. */
  signal: z.optional(z.custom<AbortSignal>((v: unknown) => v instanceof AbortSignal, 'expected an AbortSignal')),
  /** Threads, 1..64 (the calling thread plus worker threads). Default: min(2, cores) for large runs, 1 for small. Never changes the result. */
  threads: z.optional(z.int().check(z.minimum(1), z.maximum(64))),
});

/** Options of {@link simulate} as a caller writes them. */
export type SimulateOptions = DeepReadonly<Omit<z.input<typeof SimulateOptions>, 'onProgress' | 'signal'>> & {
  /** Called after each chunk of paths with `{ done, total }`; a throw or a rejected promise stops the run (see the schema). */
  readonly onProgress?: ((progress: SimulationProgress) => unknown) | undefined;
  /** Stops the run: `simulate` then rejects with a CpiGapError whose code is `'aborted'`. */
  readonly signal?: AbortSignal | undefined;
};

/**
 * The planned uplift applied in a simulated year (cumulative, relative to the no-change path).
 *
 * @example
 * const r = await simulate(thailand, { paths: 1000, horizon: 2, scenario: { changes: [{ kind: 'delta', source: 'VDEM', year: 2026, delta: 4 }] } });
 * const u: SimulationUplift | undefined = r.plan?.uplifts.find((x) => x.source === 'VDEM' && x.year === 2027);
 * u?.uplift; // => 4 (a one-off step persists)
 */
export interface SimulationUplift {
  readonly year: number;
  readonly source: SourceId;
  readonly uplift: number;
}

/**
 * What {@link simulate} returns: everything needed to reproduce it, and each year's distribution.
 *
 * @example
 * const r: SimulationResult = await simulate(thailand, { paths: 10_000, horizon: 2, seed: 1 });
 * r.paths; // => 10000
 * r.baseYear; // => 2025 (the latest year)
 * r.calibration; // => 'backtest: 80% intervals held 79% of 1-year outcomes (90% intervals: 89%), origins 2015-2024'
 * r.years[1]?.histogram.reduce((a, b) => a + b, 0); // => 10000
 */
export interface SimulationResult {
  readonly model: SimulationModel;
  readonly seed: number;
  readonly paths: number;
  readonly horizon: number;
  readonly baseYear: number;
  readonly target: number;
  /** The random-number scheme ({@link GENERATOR}). */
  readonly generator: string;
  /** The model's parameters: per source base, changes, drift, mu, sigma; covariance for `correlated`. */
  readonly parameters: ModelParameters;
  /** The planned uplifts applied, per simulated year and source; null without a scenario or uplifts. */
  readonly plan: { readonly name: string | null; readonly uplifts: readonly SimulationUplift[] } | null;
  /** The ranks asked (empty when none were). */
  readonly ranks: readonly number[];
  /** How ranks were counted (null without ranks). */
  readonly ranking: 'moving' | 'frozen' | null;
  /** The assumption behind the ranks, in one sentence (null without ranks). */
  readonly rankAssumption: string | null;
  /** The model's backtest against TI's published scores, in one sentence ({@link describeBacktest}). */
  readonly calibration: string;
  /** One row per simulated year, base year + 1 to base year + horizon. */
  readonly years: readonly SimulationYear[];
}

const FN = 'simulate';

/** A source's planned uplift in a simulated year (cumulative, relative to the no-change path). */
interface Level {
  readonly source: SourceId;
  readonly uplift: number;
}

/**
 * Uplift levels per simulated year (rows) and source (in the order of the model's sources: the
 * dataset's sources scored in the base year, as the scenario plan orders them too).
 */
function upliftLevels(dataset: Dataset, options: z.output<typeof SimulateOptions>, params: ModelParameters, horizon: number): { name: string | null; levels: (readonly Level[])[] } | null {
  const base = params.baseYear;
  if (options.scenario !== undefined && options.uplifts !== undefined) fail(FN, ['options', 'uplifts'], 'give either scenario or uplifts, not both', options.uplifts, 'invalid_option');
  if (options.scenario !== undefined) {
    const spec = options.scenario;
    if (spec.baseYear !== undefined && spec.baseYear !== base) {
      fail(FN, ['options', 'scenario', 'baseYear'], `expected the simulation's base year ${base}`, spec.baseYear, 'invalid_range');
    }
    // Without its own `until`, the scenario runs to the simulation's last year, so a gain without
    // `to` keeps going through the horizon (and a change dated later is still accepted).
    const until = spec.until ?? Math.max(base + horizon, ...spec.changes.flatMap(changeYears));
    const plan = planScenario(FN, dataset, { ...spec, baseYear: base, until }, ['options', 'scenario']);
    // A simulated year past the scenario's `until` keeps its last planned uplifts.
    return { name: plan.name, levels: plannedUplifts(plan, base + horizon).map((y) => y.values) };
  }
  return options.uplifts === undefined ? null : { name: null, levels: tableLevels(options.uplifts, params, horizon) };
}

/** Levels from a table of planned uplifts: a year without a row keeps the source's latest uplift (planned changes persist). */
function tableLevels(uplifts: readonly PlannedUplift[], params: ModelParameters, horizon: number): Level[][] {
  const ids = params.sources.map((s) => s.source);
  const base = params.baseYear;
  const given = new Map<string, number>();
  uplifts.forEach((u, i) => {
    if (u.year <= base) fail(FN, ['options', 'uplifts', i, 'year'], `expected a year after the base year ${base}`, u.year, 'invalid_range');
    if (!ids.includes(u.source)) fail(FN, ['options', 'uplifts', i, 'source'], `expected a source with a score in the base year ${base} (${ids.join(', ')})`, u.source, 'unknown_source');
    const key = `${u.source}@${u.year}`;
    if (given.has(key)) fail(FN, ['options', 'uplifts', i, 'year'], `duplicate year for source ${u.source}`, u.year, 'duplicate');
    given.set(key, u.uplift);
  });
  const levels: Level[][] = [];
  let current: Level[] = ids.map((source) => ({ source, uplift: 0 }));
  for (let y = 1; y <= horizon; y += 1) {
    current = current.map(({ source, uplift }) => ({ source, uplift: given.get(`${source}@${base + y}`) ?? uplift }));
    levels.push(current);
  }
  return levels;
}

/** The kernel's plain-data parameters for a model and uplift levels (internal; exported for tests). */
export function kernelParams(params: ModelParameters, levels: readonly (readonly Level[])[] | null, paths: number, horizon: number, seed: number): KernelParams {
  const n = params.sources.length;
  const model: KernelModel = params.model === 'random-walk' ? 0 : params.model === 'bootstrap' ? 1 : 2;
  const drift = new Float64Array(horizon * n);
  const uplift = new Float64Array(levels === null ? 0 : horizon * n);
  for (let y = 0; y < horizon; y += 1) {
    // A row per simulated year and a column per source (upliftLevels); none without planned uplifts.
    const level = levels?.[y];
    params.sources.forEach((p, s) => {
      drift[y * n + s] = model === 1 ? params.extraDrift : p.mu;
      if (level !== undefined) uplift[y * n + s] = level[s]?.uplift ?? 0;
    });
  }
  const offsets = new Int32Array(model === 1 ? n + 1 : 0);
  const all: number[] = [];
  if (model === 1) {
    params.sources.forEach((p, s) => {
      offsets[s] = all.length;
      all.push(...p.changes);
    });
    offsets[n] = all.length;
  }
  return {
    seed,
    paths,
    horizon,
    n,
    model,
    base: Float64Array.from(params.sources.map((p) => p.base)),
    drift,
    sigma: Float64Array.from(params.sources.map((p) => (model === 0 ? p.sigma : 0))),
    // Only the correlated model has a covariance.
    chol: params.covariance === null ? new Float64Array(0) : cholesky(params.covariance),
    changes: Float64Array.from(all),
    offsets,
    joint: params.resample === 'year' ? 1 : 0,
    uplift,
  };
}

/** Threads for `work` (paths x years x sources) when the caller names none (internal; exported for tests). */
export async function defaultThreads(work: number): Promise<number> {
  // Worker threads are Node's: elsewhere (a browser, Deno without Node compatibility) one thread.
  if (work < THREADS_THRESHOLD || typeof process === 'undefined' || typeof process.versions.node !== 'string') return 1;
  const os = await nodeBuiltin<typeof import('node:os')>('os');
  // availableParallelism is in every Node the package supports (engines: node >= 20).
  return Math.min(2, os.availableParallelism());
}

function aborted(signal: AbortSignal): CpiGapError {
  return new CpiGapError(FN, [{ path: ['options', 'signal'], message: 'the run was aborted', code: 'aborted', value: signal.reason }], { cause: signal.reason });
}

/**
 * Monte Carlo projection of a country's CPI: `paths` simulated futures of every source from the
 * base year's scores (the latest year unless named), each year clipped to 0..100 and averaged into a
 * CPI score rounded half up (TI's method), summarised per simulated year as a histogram of integer
 * scores, mean, SD, quantiles, P(score >= target) and, given `ranks`, P(rank <= k) with every
 * country of the base edition moving (1 + the countries strictly above in each path and year) and
 * the score each rank needs; `ranking: 'frozen'` ranks against `rankScores` held still instead.
 * The result names its model, base year and backtest coverage (`calibration`).
 *
 * Models ({@link SimulationModel}, parameters from {@link modelParameters}): `world` (the default,
 * learnt from every country; docs/forecasting.md), and the country models `random-walk` (the model
 * of mc_numpy.py with base 2022 and window 2017-2022), `bootstrap` and `correlated`. A `scenario` (or an `uplifts` table) adds its planned uplifts to
 * every path: each year a source shows clip(its simulated value + its planned uplift, 0, 100), the
 * same clipping rule as `scenario` (the planned level is never cut by an earlier year's clip), so
 * planned changes persist and a `set` shifts the path rather than pinning it.
 *
 * Reproducible: paths run in fixed chunks of {@link CHUNK_PATHS}, each with its own xoshiro128**
 * stream derived from the seed and the chunk index, and the chunks' histograms are added as integer
 * counts; so a seed gives the same result on every run, whatever `threads`. Memory does not grow
 * with `paths`: only the histograms are kept. Node-only parts (worker threads) load only when
 * `threads` > 1.
 *
 * @throws {CpiGapError} for invalid options (see {@link modelParameters} for the model's), and with
 * code `'aborted'` when `signal` aborts.
 * @example
 * const r = await simulate(thailand, { paths: 100_000, horizon: 5, extraDrift: 2 });
 * r.years.map((y) => y.year); // => [2026, 2027, 2028, 2029, 2030]
 * r.years[4]?.median; // => 44
 * r.years[4]?.pTarget; // => 0.03989: P(score >= 51) in 2030 (seed 12345)
 * const ranked = await simulate(thailand, { paths: 100_000, horizon: 5, extraDrift: 3, ranks: [43, 53] });
 * ranked.years[4]?.ranks.map((k) => k.needed?.q50); // => [58, 53]: the median score each rank needs in 2030, every country moving
 */
export async function simulate(dataset: Dataset, options?: SimulateOptions): Promise<SimulationResult> {
  assertDataset(FN, dataset);
  const o = parseInput(FN, z.optional(SimulateOptions), options, ['options']) ?? {};
  const paths = o.paths ?? DEFAULT_PATHS;
  const horizon = o.horizon ?? DEFAULT_HORIZON;
  const seed = o.seed ?? DEFAULT_SEED;
  const target = o.target ?? DEFAULT_TARGET;
  // A scenario's own base year is the simulation's when the options name none.
  if (o.baseYear === undefined && o.scenario?.baseYear !== undefined) resolveYear(FN, dataset, o.scenario.baseYear, ['options', 'scenario', 'baseYear']);
  const params = await estimateModel(FN, dataset, { ...o, baseYear: o.baseYear ?? o.scenario?.baseYear });
  const plan = upliftLevels(dataset, o, params, horizon);
  const { ranking, ranks } = rankChoice(dataset, o, params.model);
  const hist = await runModel(dataset, o, params, { paths, horizon, seed, ranks: ranking === 'moving' ? ranks : [], levels: plan?.levels ?? null });
  const table = ranking === 'frozen' && o.rankScores !== undefined ? rankTable(o.rankScores) : null;
  const years = Array.from({ length: horizon }, (_, y) => {
    const row = summarizeYear(hist.hist, y, params.baseYear + 1 + y, paths, target, ranks, table);
    return ranking === 'moving' && hist.moving !== null ? { ...row, ranks: movingRanks(hist.moving, ranks, y, paths) } : row;
  });
  return deepFreeze({
    model: params.model,
    seed,
    paths,
    horizon,
    baseYear: params.baseYear,
    target,
    generator: GENERATOR,
    parameters: params,
    plan:
      plan === null
        ? null
        : { name: plan.name, uplifts: plan.levels.flatMap((row, y) => row.map(({ source, uplift }) => ({ year: params.baseYear + 1 + y, source, uplift }))) },
    ranks,
    ranking: ranks.length === 0 ? null : ranking,
    rankAssumption: ranks.length === 0 ? null : ranking === 'moving' ? RANK_ASSUMPTIONS.moving(params.baseYear) : RANK_ASSUMPTIONS.frozen,
    calibration: describeBacktest(params.model, 1),
    years,
  });
}

/** The assumption behind each way of counting ranks, printed with the result. */
const RANK_ASSUMPTIONS = {
  moving: (base: number): string => `ranks with every country of TI's ${base} edition moving under the world model (each path shares its historical years across countries); rank = 1 + the countries strictly above`,
  frozen: 'ranks against a frozen list: every other country is assumed to keep the score given in rankScores in every simulated year',
} as const;

/** The ranking asked and the ranks to report. */
function rankChoice(dataset: Dataset, o: z.output<typeof SimulateOptions>, model: SimulationModel): { ranking: 'moving' | 'frozen'; ranks: number[] } {
  const ranking = o.ranking ?? 'moving';
  if (o.rankScores !== undefined && ranking !== 'frozen') fail(FN, ['options', 'rankScores'], "a frozen list of scores: name it with ranking: 'frozen' (by default every country moves)", o.rankScores, 'invalid_option');
  if (ranking === 'frozen' && o.rankScores === undefined) fail(FN, ['options', 'ranking'], "'frozen' needs rankScores to rank against", o.ranking, 'invalid_option');
  const datasetRanks = [...new Set(dataset.targets.flatMap((t) => (t.rank === undefined ? [] : [t.rank])))];
  const asked = o.ranks ?? (o.ranking === undefined ? [] : datasetRanks);
  const ranks = [...new Set(asked)].sort((a, b) => a - b);
  if (o.ranking !== undefined && ranks.length === 0) fail(FN, ['options', 'ranks'], 'expected the ranks to report (the dataset has no target rank)', o.ranks, 'invalid_option');
  if (ranking === 'moving' && ranks.length > 0 && model !== 'world') fail(FN, ['options', 'ranks'], `ranks with every country moving need the world model (model is '${model}'); give ranking: 'frozen' with rankScores`, o.ranks, 'invalid_option');
  return { ranking, ranks };
}

/** Run the model: the world model on the calling thread, a country model through the kernel's chunks. */
async function runModel(dataset: Dataset, o: z.output<typeof SimulateOptions>, params: ModelParameters, run: Omit<WorldSimulation, 'between'>): Promise<{ hist: Float64Array; moving: WorldRunCounts | null }> {
  // An aborted signal stops the run before its first chunk (runChunks checks before each).
  const signal = o.signal;
  // A progress callback that throws, or returns a promise that rejects, stops the run with a CpiGapError.
  const onProgress = o.onProgress === undefined ? undefined : guardCallback(FN, ['options', 'onProgress'], o.onProgress);
  const check = (): void => {
    if (signal?.aborted === true) throw aborted(signal);
    onProgress?.check();
  };
  const progress = (done: number): void => {
    onProgress?.call({ done, total: run.paths });
    onProgress?.check();
  };
  let result: { hist: Float64Array; moving: WorldRunCounts | null };
  if (params.model === 'world') {
    check();
    const { simulateWorld } = await loadWorld();
    const counts = await simulateWorld(FN, dataset, params, {
      ...run,
      between: async (done) => {
        progress(done);
        if (done < run.paths) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        check();
      },
    });
    result = { hist: counts.hist, moving: run.ranks.length > 0 ? counts : null };
  } else {
    const kernel = kernelParams(params, run.levels, run.paths, run.horizon, run.seed);
    const threads = o.threads ?? (await defaultThreads(run.paths * run.horizon * kernel.n));
    result = { hist: await runChunks(kernel, { threads, signal, check, progress }), moving: null };
  }
  // A rejection that came after the last chunk.
  await Promise.resolve();
  onProgress?.check();
  return result;
}
