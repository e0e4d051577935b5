import * as z from 'zod';
import { latestYear, resolveYear, scoresOfYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { Year } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { deepFreeze } from '../util/freeze.js';
import { shrinkCovariance } from './covariance.js';
import { DEFAULT_MODEL, SimulationModel } from './defaults.js';

/**
 * Options that fix a model's parameters (shared by {@link modelParameters} and `simulate`).
 *
 * @example
 * const o: ModelOptions = { model: 'bootstrap', window: { from: 2017, to: 2025 }, resample: 'year' };
 * modelParameters(thailand, o).window; // => { from: 2017, to: 2025 }
 */
export const ModelOptions = z.strictObject({
  /** The model. Default: `'random-walk'`. */
  model: SimulationModel.optional(),
  /**
   * The years whose year-on-year changes estimate the model. Default: the years of the dataset's
   * seed scores when it has any (Thailand: the seed's five-year table, 2017-2022, integers as
   * printed), otherwise every year up to the base year.
   */
  window: z.strictObject({ from: Year.optional(), to: Year.optional() }).optional(),
  /** The observed year the paths start from. Default: the window's last year. */
  baseYear: Year.optional(),
  /** Points added to every source's yearly mean change (mc_numpy.py's EXTRA_DRIFT). Default 0. */
  extraDrift: z.number().min(-100).max(100).optional(),
  /**
   * Bootstrap only: `'source'` (default) draws each source's change independently; `'year'` draws
   * one observed year for all sources, keeping that year's changes together.
   */
  resample: z.enum(['source', 'year']).optional(),
  /** Correlated only: the shrinkage intensity 0..1, instead of the estimated one. */
  shrinkage: z.number().min(0).max(1).optional(),
});
export type ModelOptions = z.input<typeof ModelOptions>;

/**
 * One source's parameters.
 *
 * @example
 * const imd: SourceParameters | undefined = modelParameters(thailand).sources.find((s) => s.source === 'IMD');
 * imd?.changes.length; // => 5 (2017-2022)
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
 * const p: ModelParameters = modelParameters(thailand, { model: 'correlated' });
 * p.baseYear; // => 2022 (the default window is 2017-2022, the seed's table)
 * p.sources.length; // => 9
 * p.shrinkage?.toFixed(2); // => '0.86'
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
}

function sampleSd(values: readonly number[], mean: number): number {
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The default window: the seed's years if the dataset has seed scores, else every year up to `upTo`. */
function defaultWindow(dataset: Dataset, upTo: number | undefined): { from: number; to: number } {
  const seedYears = dataset.scores.filter((s) => s.origin.kind === 'seed').map((s) => s.year);
  const years = seedYears.length > 0 ? seedYears : dataset.years.filter((y) => upTo === undefined || y <= upTo);
  return { from: Math.min(...years), to: Math.max(...years) };
}

/**
 * The year-on-year changes of the window, for a list of sources: one row per year from `from` + 1 to
 * `to` where every one of them has a score that year and the year before (the later year, and each
 * source's change in list order).
 */
function yearOnYear(dataset: Dataset, from: number, to: number): (ids: readonly SourceId[]) => { year: number; changes: number[] }[] {
  const value = new Map<string, number>();
  for (const s of dataset.scores) value.set(`${s.source}@${s.year}`, s.value);
  const changeOf = (id: SourceId, y: number): number | undefined => {
    const now = value.get(`${id}@${y}`);
    const before = value.get(`${id}@${y - 1}`);
    return now === undefined || before === undefined ? undefined : now - before;
  };
  const years = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + 1 + i);
  return (ids) =>
    years.flatMap((year) => {
      const changes = ids.map((id) => changeOf(id, year));
      return changes.every((c): c is number => c !== undefined) ? [{ year, changes }] : [];
    });
}

/**
 * Estimate a model from parsed options. `fn` names the public function in errors; `path` is where
 * the model options sit in its arguments. Internal: used by {@link modelParameters} and `simulate`.
 */
export function estimateModel(fn: string, dataset: Dataset, options: z.output<typeof ModelOptions>, path: readonly (string | number)[] = ['options']): ModelParameters {
  const model = options.model ?? DEFAULT_MODEL;
  if (options.resample !== undefined && model !== 'bootstrap') fail(fn, [...path, 'resample'], `applies only to model 'bootstrap' (model is '${model}')`, options.resample, 'invalid_option');
  if (options.shrinkage !== undefined && model !== 'correlated') fail(fn, [...path, 'shrinkage'], `applies only to model 'correlated' (model is '${model}')`, options.shrinkage, 'invalid_option');
  // An unknown base year is reported first.
  const requested = options.baseYear === undefined ? undefined : resolveYear(fn, dataset, options.baseYear, [...path, 'baseYear']);
  const fallback = defaultWindow(dataset, requested);
  const from = options.window?.from ?? fallback.from;
  const to = options.window?.to ?? fallback.to;
  // A dataset with a single year (a country TI scored once) has no change to learn from.
  if (dataset.years.length < 2) fail(fn, ['dataset'], `has source scores for ${dataset.years.join(', ')} only: a model learns from year-on-year changes`, dataset.country.iso3, 'too_few_changes');
  if (to <= from) fail(fn, [...path, 'window', 'to'], `expected a year after the window's first year ${from}`, to, 'invalid_range');
  const baseYear = requested ?? (dataset.years.includes(to) ? to : latestYear(dataset));
  const extraDrift = options.extraDrift ?? 0;

  const changes = yearOnYear(dataset, from, to);
  // The simulated sources: those with a score in the base year, in dataset order, with that score.
  const bases = [...scoresOfYear(dataset, baseYear)];
  const sources = bases.map(([source]) => source);
  const minChanges = model === 'bootstrap' ? 1 : 2;
  // The correlated model and the joint bootstrap use the years where every source has a change.
  const jointly = model === 'correlated' || options.resample === 'year';
  const common = changes(sources);
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
  const cov = model === 'correlated' ? shrinkCovariance(common.map((c) => c.changes), options.shrinkage) : null;
  return deepFreeze({
    model,
    window: { from, to },
    baseYear,
    extraDrift,
    sources: params,
    resample: model === 'bootstrap' ? (options.resample ?? 'source') : null,
    covariance: cov?.shrunk ?? null,
    sampleCovariance: cov?.sample ?? null,
    shrinkage: cov?.lambda ?? null,
  });
}

/**
 * The parameters a simulation model takes from the dataset: per source the base-year score, the
 * observed year-on-year changes in the window, their mean (drift), mu = drift + extraDrift and the
 * sample SD (n - 1); for the correlated model the sample and shrunk covariances and the shrinkage
 * intensity. Only sources with a score in the base year take part; a change counts only between
 * two consecutive years that both have a score.
 *
 * Defaults reproduce `mc_numpy.py`: for Thailand the window is the seed's table, 2017-2022, and the
 * base year 2022.
 *
 * @throws {CpiGapError} for a base year not in the dataset, an empty window, a source with too few
 * changes (2 for random-walk and correlated, 1 for bootstrap), or an option of another model.
 * @example
 * const p = modelParameters(thailand);
 * p.baseYear; // => 2022
 * p.sources.find((s) => s.source === 'VDEM'); // => { base: 26, changes: [-2, -1, 0, 6, 0], drift: 0.6, sigma: 3.1304951684997055, ... }
 */
export function modelParameters(dataset: Dataset, options?: DeepReadonly<ModelOptions>): ModelParameters {
  assertDataset('modelParameters', dataset);
  const parsed = parseInput('modelParameters', ModelOptions.optional(), options, ['options']) ?? {};
  return estimateModel('modelParameters', dataset, parsed);
}
