import * as z from 'zod/mini';
import { latestYear, resolveYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { Year } from '../dataset/schema.js';
import { SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { deepFreeze } from '../util/freeze.js';
import { shrinkCovariance } from './covariance.js';
import { DEFAULT_MODEL, SimulationModel } from './defaults.js';
import { roundHalfUp } from './world/arrays.js';
import { datasetPrecision, type OnePrecision } from './precision.js';
import { loadWorld, type WorldModule } from './world/load.js';

/**
 * Options that fix a model's parameters (shared by {@link modelParameters} and `simulate`).
 *
 * @example
 * const o: ModelOptions = { model: 'bootstrap', window: { from: 2017, to: 2025 }, resample: 'year' };
 * (await modelParameters(thailand, o)).window; // => { from: 2017, to: 2025 }
 */
export const ModelOptions = z.strictObject({
  /** The model. Default: `'world'`. */
  model: z.optional(SimulationModel),
  /**
   * Country models: the years whose year-on-year changes estimate the model. Default: every year of
   * the dataset up to the base year. (The world model learns from every country and edition up to
   * the base year.)
   */
  window: z.optional(z.strictObject({ from: z.optional(Year), to: z.optional(Year) })),
  /** The observed year the paths start from. Default: the latest year of the dataset. */
  baseYear: z.optional(Year),
  /** Points added to every source's yearly mean change (mc_numpy.py's EXTRA_DRIFT). Default 0. */
  extraDrift: z.optional(z.number().check(z.minimum(-100), z.maximum(100))),
  /**
   * Bootstrap only: `'source'` (default) draws each source's change independently; `'year'` draws
   * one observed year for all sources, keeping that year's changes together.
   */
  resample: z.optional(z.enum(['source', 'year'])),
  /** Correlated only: the shrinkage intensity 0..1, instead of the estimated one. */
  shrinkage: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
export type ModelOptions = z.input<typeof ModelOptions>;

/**
 * One source's parameters.
 *
 * @example
 * const imd: SourceParameters | undefined = (await modelParameters(thailand, { model: 'random-walk' })).sources.find((s) => s.source === 'IMD');
 * imd?.changes.length; // => 8 (2018-2025)
 * console.log(imd?.drift, imd?.sigma);
 */
export interface SourceParameters {
  readonly source: SourceId;
  /** The base-year score the paths start from. */
  readonly base: number;
  /** The observed year-on-year changes used, in year order. */
  readonly changes: readonly number[];
  /** For each change, the later of its two years. */
  readonly changeYears: readonly number[];
  /** Mean of the observed changes. */
  readonly drift: number;
  /** `drift + extraDrift`: the expected yearly move before clipping and planned uplifts. */
  readonly mu: number;
  /** Sample SD (n - 1) of the observed changes. */
  readonly sigma: number;
}

/**
 * A model with its parameters, as estimated from the dataset.
 *
 * @example
 * const p: ModelParameters = await modelParameters(thailand, { model: 'correlated' });
 * p.baseYear; // => 2025 (the latest year; the default window is 2017-2025)
 * p.sources.length; // => 9
 * p.shrinkage?.toFixed(2); // => '1.00'
 */
export interface ModelParameters {
  readonly model: SimulationModel;
  /** The years whose changes were used. */
  readonly window: { readonly from: number; readonly to: number };
  readonly baseYear: number;
  readonly extraDrift: number;
  /** The simulated sources (those with a score in the base year), in dataset order. */
  readonly sources: readonly SourceParameters[];
  /** Bootstrap: how changes are drawn; null for the other models. */
  readonly resample: 'source' | 'year' | null;
  /** Correlated: the shrunk covariance of the changes (sources x sources); null otherwise. */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Correlated: the unbiased sample covariance before shrinkage; null otherwise. */
  readonly sampleCovariance: readonly (readonly number[])[] | null;
  /** Correlated: the shrinkage intensity used (0 keeps the sample covariance, 1 drops every correlation); null otherwise. */
  readonly shrinkage: number | null;
  /** World: what the model learnt from every country (null for the country models). */
  readonly world: WorldParameters | null;
}

/**
 * What the world model learnt from TI's panel, pooled over every country: the editions it saw (up
 * to the base year), the copula's rho, and per source how its values sit (`levels`: a stepped source
 * that moves between the levels of its latest edition, listed in `values`; `values`: moves snapped
 * to the latest edition's values; `continuous`), how many one-year changes it learnt from, and its
 * yearly exit and re-entry rates.
 *
 * @example
 * const w = (await modelParameters(thailand)).world;
 * w?.editions; // => { from: 2012, to: 2025 }
 * w?.sources.find((s) => s.source === 'EIU')?.kind; // => 'levels'
 * w?.sources.find((s) => s.source === 'EIU')?.values.length; // => 5
 */
export interface WorldParameters {
  readonly editions: { readonly from: number; readonly to: number };
  readonly rho: number;
  readonly sources: readonly {
    readonly source: SourceId;
    readonly kind: 'levels' | 'values' | 'continuous';
    readonly values: readonly number[];
    readonly changes: number;
    readonly pExit: number;
    readonly pReentry: number;
  }[];
}

function sampleSd(values: readonly number[], mean: number): number {
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The default window: every year of the dataset up to `upTo`. */
function defaultWindow(dataset: Dataset, upTo: number): { from: number; to: number } {
  const years = dataset.years.filter((y) => y <= upTo);
  return { from: Math.min(...years), to: Math.max(...years) };
}

/**
 * The year-on-year changes of the window, for a list of sources: one row per year from `from` + 1 to
 * `to` where every one of them has a score that year and the year before (the later year, and each
 * source's change in list order).
 */
function yearOnYear(series: OnePrecision, from: number, to: number): (ids: readonly SourceId[]) => { year: number; changes: number[] }[] {
  const integer = (y: number): boolean => series.tiYears.get(y) === true;
  const changeOf = (id: SourceId, y: number): number | undefined => {
    const now = series.values.get(`${id}@${y}`);
    const before = series.values.get(`${id}@${y - 1}`);
    if (now === undefined || before === undefined) return undefined;
    // One precision: both rounded half up when either edition stores integers.
    return integer(y) || integer(y - 1) ? roundHalfUp(now) - roundHalfUp(before) : now - before;
  };
  const years = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + 1 + i);
  return (ids) =>
    years.flatMap((year) => {
      const changes = ids.map((id) => changeOf(id, year));
      return changes.every((c): c is number => c !== undefined) ? [{ year, changes }] : [];
    });
}

/** The world model's pooled parameters (see {@link ModelParameters}). */
function worldParameters(world: WorldModule, baseYear: number): WorldParameters {
  const { view, fit } = world.fittedWorld(baseYear);
  return {
    editions: { from: view.y0, to: view.y0 + view.ny - 1 },
    rho: fit.rho,
    sources: fit.tables.flatMap((t, s) => {
      const source = SOURCE_IDS[s];
      if (t === null || source === undefined) return [];
      return [{ source, kind: t.kind === 'coarse' ? ('levels' as const) : t.kind === 'fine' ? ('values' as const) : ('continuous' as const), values: t.kind === 'none' ? [] : Array.from(t.lattice), changes: t.changes.length, pExit: t.pExit, pReentry: t.pReentry }];
    }),
  };
}

/** Check the options that belong to one model only. */
function checkModelOptions(fn: string, model: SimulationModel, options: z.output<typeof ModelOptions>, path: readonly (string | number)[]): void {
  if (options.resample !== undefined && model !== 'bootstrap') fail(fn, [...path, 'resample'], `applies only to model 'bootstrap' (model is '${model}')`, options.resample, 'invalid_option');
  if (options.shrinkage !== undefined && model !== 'correlated') fail(fn, [...path, 'shrinkage'], `applies only to model 'correlated' (model is '${model}')`, options.shrinkage, 'invalid_option');
}

/** A country model's per-source parameters and the common years' changes (for the covariance). */
function countryParameters(fn: string, model: SimulationModel, ctx: { series: OnePrecision; bases: [SourceId, number][]; from: number; to: number; baseYear: number; extraDrift: number; joint: boolean }, path: readonly (string | number)[]): { params: SourceParameters[]; common: number[][] } {
  const { from, to, baseYear, extraDrift, bases } = ctx;
  const changes = yearOnYear(ctx.series, from, to);
  const minChanges = model === 'bootstrap' ? 1 : 2;
  // The correlated model and the joint bootstrap use the years where every source has a change.
  const jointly = model === 'correlated' || ctx.joint;
  const common = changes(bases.map(([source]) => source));
  if (jointly && common.length < minChanges) {
    fail(fn, [...path, 'window'], `needs at least ${minChanges} year(s) in ${from}-${to} where every source of ${baseYear} has a change; found ${common.length}`, { from, to }, 'too_few_changes');
  }
  const commonYears = common.map((c) => c.year);
  const params = bases.map(([source, base]): SourceParameters => {
    const own = changes([source]).filter((c) => !jointly || commonYears.includes(c.year));
    if (own.length < minChanges) {
      fail(fn, [...path, 'window'], `source ${source} has ${own.length} year-on-year change(s) in ${from}-${to}; the ${model} model needs at least ${minChanges}`, { from, to }, 'too_few_changes');
    }
    const values = own.flatMap((c) => c.changes);
    const drift = mean(values);
    return { source, base, changes: values, changeYears: own.map((c) => c.year), drift, mu: drift + extraDrift, sigma: values.length > 1 ? sampleSd(values, drift) : 0 };
  });
  return { params, common: common.map((c) => c.changes) };
}

/**
 * Estimate a model from parsed options. `fn` names the public function in errors; `path` is where
 * the model options sit in its arguments. Internal: used by {@link modelParameters} and `simulate`.
 */
export async function estimateModel(fn: string, dataset: Dataset, options: z.output<typeof ModelOptions>, path: readonly (string | number)[] = ['options']): Promise<ModelParameters> {
  const model = options.model ?? DEFAULT_MODEL;
  checkModelOptions(fn, model, options, path);
  // An unknown base year is reported first.
  const requested = options.baseYear === undefined ? undefined : resolveYear(fn, dataset, options.baseYear, [...path, 'baseYear']);
  const baseYear = requested ?? latestYear(dataset);
  const fallback = defaultWindow(dataset, baseYear);
  const from = options.window?.from ?? fallback.from;
  const to = options.window?.to ?? fallback.to;
  // A dataset with a single year (a country TI scored once) has no change to learn from.
  if (dataset.years.length < 2 && model !== 'world') fail(fn, ['dataset'], `has source scores for ${dataset.years.join(', ')} only: a country model learns from its year-on-year changes`, dataset.country.iso3, 'too_few_changes');
  if (to <= from && model !== 'world') fail(fn, [...path, 'window', 'to'], `expected a year after the window's first year ${from}`, to, 'invalid_range');
  const extraDrift = options.extraDrift ?? 0;
  // The world model reads TI's panel (loaded here, on first use); a country model the dataset alone.
  const world = model === 'world' ? await loadWorld() : null;
  const series = world === null ? datasetPrecision(dataset) : world.onePrecision(dataset);
  // The simulated sources: those with a score in the base year, in dataset order, at one precision.
  const bases = dataset.sources.flatMap((src): [SourceId, number][] => {
    const v = series.values.get(`${src.id}@${baseYear}`);
    return v === undefined ? [] : [[src.id, v]];
  });
  const country =
    world !== null
      ? { params: bases.map(([source, base]): SourceParameters => ({ source, base, changes: [], changeYears: [], drift: 0, mu: extraDrift, sigma: 0 })), common: [] }
      : countryParameters(fn, model, { series, bases, from, to, baseYear, extraDrift, joint: options.resample === 'year' }, path);
  const cov = model === 'correlated' ? shrinkCovariance(country.common, options.shrinkage) : null;
  const view = world?.fittedWorld(baseYear).view;
  return deepFreeze({
    model,
    window: view === undefined ? { from, to } : { from: view.y0, to: Math.min(baseYear, view.y0 + view.ny - 1) },
    baseYear,
    extraDrift,
    sources: country.params,
    resample: model === 'bootstrap' ? (options.resample ?? 'source') : null,
    covariance: cov?.shrunk ?? null,
    sampleCovariance: cov?.sample ?? null,
    shrinkage: cov?.lambda ?? null,
    world: world === null ? null : worldParameters(world, baseYear),
  });
}

/**
 * The parameters a simulation model takes from the dataset (a promise: the world model loads TI's
 * panel on first use, a country model never does). The base year is the latest year unless named;
 * each source's series is read at one precision, both values rounded half up across an edition of
 * TI's that stores integers (so the seed's integers and TI's unrounded values invent no change): the
 * world model reads TI's stored values wherever TI has the country-year, a country model the
 * dataset's own values. The world model
 * (the default) reports what it learnt from every country in `world`. A country model reports per
 * source the base-year score, the observed year-on-year changes in the window, their mean (drift),
 * mu = drift + extraDrift and the sample SD (n - 1); the correlated model also the sample and shrunk
 * covariances and the shrinkage intensity. Only sources with a score in the base year take part; a
 * change counts only between two consecutive years that both have a score.
 *
 * `mc_numpy.py`'s model is `{ model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 } }`.
 *
 * @throws {CpiGapError} for a base year not in the dataset, an empty window, a source with too few
 * changes (2 for random-walk and correlated, 1 for bootstrap), or an option of another model.
 * @example
 * const p = await modelParameters(thailand);
 * p.baseYear; // => 2025
 * p.model; // => 'world'
 * const rw = await modelParameters(thailand, { model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 } });
 * rw.sources.find((s) => s.source === 'VDEM'); // => { base: 26, changes: [-2, -1, 0, 6, 0], drift: 0.6, sigma: 3.1304951684997055, ... }
 */
export async function modelParameters(dataset: Dataset, options?: DeepReadonly<ModelOptions>): Promise<ModelParameters> {
  assertDataset('modelParameters', dataset);
  const parsed = parseInput('modelParameters', z.optional(ModelOptions), options, ['options']) ?? {};
  return estimateModel('modelParameters', dataset, parsed);
}
