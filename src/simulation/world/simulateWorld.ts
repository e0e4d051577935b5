/**
 * The world model inside `simulate` (internal): the dataset's start, its planned uplifts mapped to
 * the panel's sources, the run, and each year's rank rows when every country moves.
 */
import type { Dataset } from '../../dataset/createDataset.js';
import { SOURCE_IDS, type SourceId } from '../../dataset/sourceCatalog.js';
import { fail } from '../../errors.js';
import { roundScore } from '../../methodology/roundScore.js';
import type { ModelParameters } from '../modelParameters.js';
import { NS } from './arrays.js';
import { runWorld, type WorldRunCounts } from './run.js';
import { countryStart, fittedWorld, onePrecision, otherStarts } from './start.js';

/** The run's settings as `simulate` parsed them. */
export interface WorldSimulation {
  readonly paths: number;
  readonly horizon: number;
  readonly seed: number;
  readonly ranks: readonly number[];
  /** Uplift levels per simulated year (rows) and source (params.sources order); null: none. */
  readonly levels: readonly (readonly { readonly source: SourceId; readonly uplift: number }[])[] | null;
  /** Multiplies every other country's changes (1 the model; 0 freezes them: a test's check). */
  readonly spread?: number;
  readonly between: (done: number) => Promise<void>;
}

/** Uplifts `[h * NS + s]`: the plan's levels plus extraDrift a year, cumulative. */
function upliftArray(params: ModelParameters, sim: WorldSimulation): Float64Array | null {
  if (sim.levels === null && params.extraDrift === 0) return null;
  const out = new Float64Array(sim.horizon * NS);
  for (let h = 0; h < sim.horizon; h += 1) {
    for (const p of params.sources) out[h * NS + SOURCE_IDS.indexOf(p.source)] = params.extraDrift * (h + 1);
    for (const l of sim.levels?.[h] ?? []) {
      const s = h * NS + SOURCE_IDS.indexOf(l.source);
      out[s] = (out[s] as number) + l.uplift;
    }
  }
  return out;
}

/** TI's published score of the base year, else the dataset's mean of sources rounded half up. */
function publishedScore(dataset: Dataset, params: ModelParameters): number {
  const cpi = dataset.cpi.find((c) => c.year === params.baseYear);
  if (cpi !== undefined) return cpi.score;
  const mean = params.sources.reduce((a, s) => a + s.base, 0) / params.sources.length;
  return roundScore(mean);
}

/** Run the world model for a dataset; `fn` names the caller in errors. */
export async function simulateWorld(fn: string, dataset: Dataset, params: ModelParameters, sim: WorldSimulation): Promise<WorldRunCounts> {
  const world = fittedWorld(params.baseYear);
  const seen = world.view.y0 + world.view.ny - 1;
  if (sim.ranks.length > 0 && seen !== params.baseYear) {
    fail(fn, ['options', 'ranks'], `ranks with every country moving start from the base year's edition, and the bundled panel ends in ${seen}: give ranking 'frozen' with rankScores`, sim.ranks, 'invalid_option');
  }
  const start = countryStart(dataset, onePrecision(dataset), params.baseYear, publishedScore(dataset, params));
  return runWorld({
    world,
    start,
    uplifts: upliftArray(params, sim),
    paths: sim.paths,
    horizon: sim.horizon,
    seed: sim.seed,
    ranks: sim.ranks,
    others: sim.ranks.length > 0 ? otherStarts(world.view, dataset.country.iso3) : [],
    spread: sim.spread ?? 1,
    between: sim.between,
  });
}
